// China-time formatting used across the app (test/setup-env.js runs tests in UTC,
// so a helper leaning on the machine's zone would fail here).
import { formatChineseDate, formatDay, formatFen } from '../../src/utils/format'

const china = (iso: string) => Date.parse(iso + '+08:00')

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [1990, '¥19.90'],
    [123456789, '¥1234567.89'],
    [-50, '-¥0.50']
  ])('%d fen → %s', (fen, shown) => expect(formatFen(fen)).toBe(shown))
})

describe('formatDay', () => {
  const now = china('2026-11-23T00:30:00')

  it('says 今天 and 昨天 by China calendar day, not by 24 h windows', () => {
    expect(formatDay(china('2026-11-23T00:01:00'), now)).toBe('今天')
    expect(formatDay(china('2026-11-22T23:59:00'), now)).toBe('昨天')
    expect(formatDay(china('2026-11-22T00:00:00'), now)).toBe('昨天')
  })

  it('uses MM-DD earlier this year and YYYY-MM-DD in other years', () => {
    expect(formatDay(china('2026-11-21T12:00:00'), now)).toBe('11-21')
    expect(formatDay(china('2026-01-01T00:00:00'), now)).toBe('01-01')
    expect(formatDay(china('2025-12-31T23:00:00'), now)).toBe('2025-12-31')
  })
})

describe('formatChineseDate', () => {
  it('writes the China date even when UTC is still on the previous day', () => {
    // 2026-11-23 07:00 in China is 2026-11-22 23:00 UTC.
    expect(formatChineseDate(china('2026-11-23T07:00:00'))).toBe('2026年11月23日')
    expect(formatChineseDate(china('2026-03-05T00:00:00'))).toBe('2026年3月5日')
  })
})
