// China calendar dates arrive as 'YYYY-MM-DD' strings; these format them without
// going through a Date in the device's zone.
import { chinaTime } from '../../utils/china-time'

/** 2026-11-23 → 11月23日 */
export function formatMonthDay(date: string): string {
  const [, m, d] = date.split('-')
  return `${Number(m)}月${Number(d)}日`
}

/** 11月23日 – 12月13日, with the year on both ends when the range is not this year's. */
export function formatDateRange(start: string, end: string, thisYear: string = chinaTime(Date.now()).format('YYYY')): string {
  const withYear = start.slice(0, 4) !== thisYear || end.slice(0, 4) !== thisYear
  const one = (date: string) => (withYear ? `${date.slice(0, 4)}年` : '') + formatMonthDay(date)
  return `${one(start)} – ${one(end)}`
}
