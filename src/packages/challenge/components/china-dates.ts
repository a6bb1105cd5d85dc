// Arithmetic on China calendar dates ('YYYY-MM-DD') as plain calendar values:
// UTC is used only as a zone without daylight saving, never as "now".

const DAY_MS = 86_400_000

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return Date.UTC(y, m - 1, d)
}

function fromUtc(ms: number): string {
  const at = new Date(ms)
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
}

const pad = (n: number) => String(n).padStart(2, '0')

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS)
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}

export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`
}

/** The month's days in weeks starting on Monday (as in China); null pads the first and last week. */
export function monthGrid(month: string): Array<string | null> {
  const first = `${month}-01`
  const next = toUtc(`${addMonths(month, 1)}-01`)
  const days = Math.round((next - toUtc(first)) / DAY_MS)
  const lead = (new Date(toUtc(first)).getUTCDay() + 6) % 7
  const cells: Array<string | null> = Array.from({ length: lead }, () => null)
  for (let i = 0; i < days; i++) cells.push(addDays(first, i))
  while (cells.length % 7 !== 0) cells.push(null)
  return cells
}

/** 2026-11 → 2026年11月 */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

/** 2026-11-21 → 11月21日 */
export function dayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}
