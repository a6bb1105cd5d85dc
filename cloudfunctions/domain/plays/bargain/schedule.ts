// The cut schedule of one bargain, decided on the server when it starts: N
// amounts in integer fen, each at least 1, summing exactly to start − floor,
// larger first (the typical 砍价 feel: the first friends cut a lot, the last
// ones a little). The amounts come from the bargain's seed alone, in integer
// arithmetic (BigInt), so the same seed always gives the same schedule on any
// machine; nothing the client sends takes part. The k-th cut takes amount k.
import { createHmac, randomBytes } from 'node:crypto'

/** Each cut's weight is 3/4 of the one before it, times a random factor in [1, 2). */
const DECAY_NUM = 3n
const DECAY_DEN = 4n
const RANDOM_SPAN = 65536n

/** A new bargain's seed: 16 random bytes, kept on the bargain document (never sent to a client). */
export const newSeed = (): string => randomBytes(16).toString('hex')

/** The i-th random number (0..65535) of a seed: HMAC-SHA256 keyed by the seed. */
function randomOf(seed: string, i: number): bigint {
  const digest = createHmac('sha256', seed).update(`cut:${i}`).digest()
  return BigInt(digest.readUInt16BE(0))
}

/**
 * The N cut amounts for `totalFen` (= start − floor, at least N), largest first.
 * Every cut gets 1 fen, and the rest is shared by weight with the largest-remainder rule.
 */
export function cutSchedule(seed: string, totalFen: number, n: number): number[] {
  if (!Number.isInteger(totalFen) || !Number.isInteger(n) || n < 1 || totalFen < n) throw new Error(`cut schedule needs at least 1 fen a cut (${totalFen} fen for ${n} cuts)`)
  const weights: bigint[] = []
  for (let i = 0; i < n; i++) weights.push((RANDOM_SPAN + randomOf(seed, i)) * DECAY_NUM ** BigInt(i) * DECAY_DEN ** BigInt(n - 1 - i))
  const sum = weights.reduce((a, b) => a + b, 0n)
  const rest = BigInt(totalFen - n)
  const shares = weights.map((w) => (rest * w) / sum)
  const remainders = weights.map((w, i) => ({ i, r: (rest * w) % sum }))
  let left = rest - shares.reduce((a, b) => a + b, 0n)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (const { i } of remainders) {
    if (left <= 0n) break
    shares[i] += 1n
    left -= 1n
  }
  return shares.map((s) => Number(s) + 1).sort((a, b) => b - a)
}

/** What the first k cuts took together. */
export function cutAfter(amounts: number[], k: number): number {
  let total = 0
  for (let i = 0; i < k && i < amounts.length; i++) total += amounts[i]
  return total
}
