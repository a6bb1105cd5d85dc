// China calendar arithmetic. A "date" is a China date 'YYYY-MM-DD'; date math is
// done on the calendar itself (via UTC) so it never depends on the server's zone.
import { chinaTime, dayjs } from '../../ports/clock'

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function chinaDate(at: number): string {
  return chinaTime(at).format('YYYY-MM-DD')
}

export function isValidDate(date: string): boolean {
  return DATE.test(date) && dayjs.utc(date, 'YYYY-MM-DD').format('YYYY-MM-DD') === date
}

export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayjs.utc(b).diff(dayjs.utc(a), 'day')
}

/** Minutes since China midnight. */
export function chinaMinuteOfDay(at: number): number {
  const t = chinaTime(at)
  return t.hour() * 60 + t.minute()
}

export function parseClock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

/** The instant a China date starts (00:00 Asia/Shanghai, always UTC+8). */
export function startOfChinaDate(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`)
}
