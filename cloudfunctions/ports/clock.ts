// Time behind a port so tests can freeze it. "Today", streaks, weekly boards and
// expiries are China days (Asia/Shanghai) whatever zone the server runs in.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const CHINA_TZ = 'Asia/Shanghai'

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock that only moves when told to. */
export class FrozenClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current
  }
  set(at: number | string): void {
    this.current = typeof at === 'number' ? at : dayjs(at).valueOf()
  }
  advance(ms: number): void {
    this.current += ms
  }
}

export function chinaTime(at: number): dayjs.Dayjs {
  return dayjs(at).tz(CHINA_TZ)
}

/** The China calendar day of an instant as yyyymmdd, the key of daily rules. */
export function chinaDayKey(at: number): string {
  return chinaTime(at).format('YYYYMMDD')
}

export { dayjs }
