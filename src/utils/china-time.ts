import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const CHINA_TZ = 'Asia/Shanghai'

// dayjs' timezone plugin leans on Intl time zone data, which some mini-program
// JS engines (older Android WeChat) lack. China has had a fixed +08:00 offset
// without daylight saving since 1991, so a plain offset is an exact fallback.
const intlKnowsChina = (() => {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: CHINA_TZ }).formatToParts(0).length > 0
  } catch {
    return false
  }
})()

/** The instant `at` (epoch ms or Dayjs) as a wall clock in China. */
export function chinaTime(at: number | Dayjs): Dayjs {
  return intlKnowsChina ? dayjs(at).tz(CHINA_TZ) : dayjs(at).utcOffset(8 * 60)
}
