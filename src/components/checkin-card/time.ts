import { chinaTime } from '../../utils/china-time'
import { formatDay } from '../../utils/format'

/** 今天 08:30 / 昨天 / 11-20 — when a check-in or comment was posted, in China time. */
export function formatPostedAt(at: number, now: number = Date.now()): string {
  const day = formatDay(at, now)
  return day === '今天' ? `今天 ${chinaTime(at).format('HH:mm')}` : day
}
