import { chinaTime } from './china-time'

const DAY_MS = 24 * 60 * 60 * 1000

/** Money is stored in integer fen; shown as ¥ with two decimals: 1990 → ¥19.90, -50 → -¥0.50. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}¥${yuan}.${cents}`
}

/** A day relative to now, in China time: 今天 / 昨天 / MM-DD (YYYY-MM-DD in other years). */
export function formatDay(at: number, now: number = Date.now()): string {
  const day = chinaTime(at).startOf('day')
  const today = chinaTime(now).startOf('day')
  // Calendar days, not 24 h windows: 23:59 yesterday is 昨天 at 00:01 today.
  const daysAgo = Math.round((today.valueOf() - day.valueOf()) / DAY_MS)
  if (daysAgo === 0) return '今天'
  if (daysAgo === 1) return '昨天'
  return day.year() === today.year() ? day.format('MM-DD') : day.format('YYYY-MM-DD')
}

/** 2026年11月23日 — the long Chinese date, in China time. */
export function formatChineseDate(at: number): string {
  return chinaTime(at).format('YYYY年M月D日')
}

/** 2026年11月23日 09:05 — a moment with its time, in China time. */
export function formatChineseDateTime(at: number): string {
  return chinaTime(at).format('YYYY年M月D日 HH:mm')
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The time left until `at`: 03:04:05, or 2 天 03:04:05 (the plays' countdowns). */
export function countdown(at: number, now: number): string {
  const left = Math.max(0, at - now)
  const days = Math.floor(left / 86_400_000)
  const rest = left % 86_400_000
  const clock = `${pad(Math.floor(rest / 3_600_000))}:${pad(Math.floor((rest % 3_600_000) / 60_000))}:${pad(Math.floor((rest % 60_000) / 1000))}`
  return days > 0 ? `${days} 天 ${clock}` : clock
}
