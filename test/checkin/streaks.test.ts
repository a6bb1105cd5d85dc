import { computeStreaks } from '../../cloudfunctions/domain/checkin/streaks'

test('consecutive days across a month and a year end make one streak', () => {
  expect(computeStreaks(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'], '2027-01-02')).toEqual({ current: 4, longest: 4 })
  expect(computeStreaks(['2026-02-27', '2026-02-28', '2026-03-01'], '2026-03-01')).toEqual({ current: 3, longest: 3 })
  expect(computeStreaks(['2028-02-28', '2028-02-29', '2028-03-01'], '2028-03-01')).toEqual({ current: 3, longest: 3 })
})

test('a missed day breaks the streak; the longest is remembered', () => {
  expect(computeStreaks(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-05'], '2026-11-05')).toEqual({ current: 1, longest: 3 })
})

test('the streak stays alive until today is over, and is gone the day after a miss', () => {
  const dates = ['2026-11-20', '2026-11-21', '2026-11-22']
  expect(computeStreaks(dates, '2026-11-23').current).toBe(3)
  expect(computeStreaks(dates, '2026-11-24').current).toBe(0)
})

test('a made-up day fills the gap', () => {
  expect(computeStreaks(['2026-11-20', '2026-11-21', '2026-11-23'], '2026-11-23').current).toBe(1)
  expect(computeStreaks(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'], '2026-11-23').current).toBe(4)
})

test('no dates, duplicates and future dates', () => {
  expect(computeStreaks([], '2026-11-23')).toEqual({ current: 0, longest: 0 })
  expect(computeStreaks(['2026-11-23', '2026-11-23', '2026-11-24'], '2026-11-23')).toEqual({ current: 1, longest: 1 })
})
