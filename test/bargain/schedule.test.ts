// The cut schedule: N amounts in integer fen, each at least 1, summing exactly
// to start − floor, larger first, and the same for the same seed.
import { cutAfter, cutSchedule, newSeed } from '../../cloudfunctions/domain/plays/bargain/schedule'

test('sums exactly, every cut at least 1 fen, larger first, for many seeds and sizes', () => {
  for (let i = 0; i < 300; i++) {
    const seed = newSeed()
    const n = 2 + (i % 49)
    const total = n + ((i * 7919) % 200_000)
    const amounts = cutSchedule(seed, total, n)
    expect(amounts).toHaveLength(n)
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(total)
    expect(amounts.every((a) => Number.isInteger(a) && a >= 1)).toBe(true)
    for (let k = 1; k < n; k++) expect(amounts[k]).toBeLessThanOrEqual(amounts[k - 1])
    expect(cutAfter(amounts, n)).toBe(total)
  }
})

test('reproducible from the seed alone; another seed gives another schedule', () => {
  const seed = 'a3f1c0ffee00112233445566778899aa'
  const first = cutSchedule(seed, 8910, 10)
  expect(cutSchedule(seed, 8910, 10)).toEqual(first)
  // Pinned: the integer arithmetic gives these on any machine.
  expect(first).toEqual([2794, 1434, 1322, 882, 723, 539, 480, 382, 233, 121])
  expect(cutSchedule('another-seed', 8910, 10)).not.toEqual(first)
})

test('the first cut takes a real share (the 砍价 feel) and the exact minimum (N fen for N cuts) is all ones', () => {
  const amounts = cutSchedule(newSeed(), 8910, 10)
  expect(amounts[0]).toBeGreaterThan(8910 / 10)
  expect(cutSchedule(newSeed(), 5, 5)).toEqual([1, 1, 1, 1, 1])
  expect(() => cutSchedule(newSeed(), 4, 5)).toThrow()
})
