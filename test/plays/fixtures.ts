// What every growth play's tests and budget scenarios sell or give: a paid
// circle with a 月卡 plan and a paid event a week ahead, as the host makes them.
import type { EventInput } from '../../types/events'
import { circleInput } from '../helpers/circle'
import { eventInput } from '../helpers/event'

export const HOUR = 3600_000

/** The host's input of a paid circle with one 30-day plan at ¥99. */
export const paidCircleInput = (name: string) => circleInput({ name, description: '' })

/** The host's input of a ¥50 offline event of 20 seats a week after `now`. */
export function paidEventInput(now: number, overrides: Partial<EventInput> = {}): EventInput {
  const start = now + 7 * 24 * HOUR
  return eventInput({ title: '周末徒步', startAt: start, endAt: start + 3 * HOUR, address: '香山公园东门', capacity: 20, feeFen: 5000, signupDeadline: start - HOUR, ...overrides })
}
