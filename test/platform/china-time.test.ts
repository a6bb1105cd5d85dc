import { chinaDayKey, FrozenClock } from '../../cloudfunctions/ports/clock'

test('the server runs these tests in UTC', () => {
  expect(new Date(0).getTimezoneOffset()).toBe(0)
})

test('China days turn at 00:00 Asia/Shanghai, which is 16:00 UTC the day before', () => {
  expect(chinaDayKey(Date.parse('2026-11-23T15:59:59.999Z'))).toBe('20261123')
  expect(chinaDayKey(Date.parse('2026-11-23T16:00:00.000Z'))).toBe('20261124')
  expect(chinaDayKey(Date.parse('2026-12-31T16:00:00Z'))).toBe('20270101')
})

test('a frozen clock only moves when told', () => {
  const clock = new FrozenClock(1000)
  expect(clock.now()).toBe(1000)
  clock.advance(500)
  clock.set('2026-01-01T00:00:00+08:00')
  expect(chinaDayKey(clock.now())).toBe('20260101')
})
