// Streaks from the set of checked-in dates. A streak is alive while its last day
// is today or yesterday (today's check-in may still come); a missed day breaks
// it unless a make-up card filled it.
import { addDays, daysBetween } from '../time/china-calendar'

export interface Streaks {
  current: number
  longest: number
}

export function computeStreaks(dates: string[], today: string): Streaks {
  const sorted = [...new Set(dates)].filter((d) => d <= today).sort()
  let longest = 0
  let run = 0
  let previous: string | null = null
  for (const date of sorted) {
    run = previous !== null && daysBetween(previous, date) === 1 ? run + 1 : 1
    longest = Math.max(longest, run)
    previous = date
  }
  const alive = previous !== null && (previous === today || previous === addDays(today, -1))
  return { current: alive ? run : 0, longest }
}
