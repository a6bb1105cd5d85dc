// The perceptual hash on pictures drawn and JPEG-encoded here (jpeg-js): the
// same photo re-encoded, resized or slightly cropped stays within MAX_DISTANCE
// of one of the earlier photo's hashes; different photos stay far apart; and a
// near match always shares a band key, so the indexed lookup finds it.
import { BANDS, CROPS, MAX_DISTANCE, bandKeys, hammingDistance, hashPhoto } from '../../cloudfunctions/domain/integrity/photo-hash'
import { PNG } from '../checkin/checkin-fixtures'
import { crop, jpeg, resize, scene } from './images'
import { pngPixels } from '../../cloudfunctions/domain/integrity/png-pixels'
import { gradientPng } from '../../scripts/dev-host/demo-images'

jest.setTimeout(60_000)

/** The distance the integrity job sees: the new photo's whole hash against the nearest of the earlier photo's kept hashes. */
function distance(earlier: Buffer, later: Buffer): number {
  const kept = hashPhoto(earlier)!
  const whole = hashPhoto(later)![0]
  return Math.min(...kept.map((h) => hammingDistance(h, whole)))
}

const SEEDS = [3, 11, 42, 77, 101]

test.each(SEEDS)('scene %i: re-encoded at other JPEG qualities, resized, slightly cropped → within the threshold', (seed) => {
  const photo = scene(seed)
  const original = jpeg(photo, 92)
  const variants = {
    quality60: jpeg(photo, 60),
    quality25: jpeg(photo, 25),
    halfSize: jpeg(resize(photo, 160, 120), 80),
    crop3: jpeg(crop(photo, 0.03, 0.03), 85),
    crop5: jpeg(crop(photo, 0.05, 0.05), 85),
    uneven: jpeg(crop(photo, 0.02, 0.01, 0.03, 0.02), 85),
    cropAndShrink: jpeg(resize(crop(photo, 0.04, 0.04), 240, 180), 70)
  }
  for (const [name, bytes] of Object.entries(variants)) {
    const d = distance(original, bytes)
    expect({ name, within: d <= MAX_DISTANCE, d }).toEqual({ name, within: true, d })
  }
})

test('different photos are far apart (every pair well beyond the threshold)', () => {
  const hashes = Array.from({ length: 12 }, (_, i) => hashPhoto(jpeg(scene(200 + i, 320, 240), 85))!)
  let closest = 64
  for (let i = 0; i < hashes.length; i++) {
    for (let j = 0; j < hashes.length; j++) if (i !== j) closest = Math.min(closest, ...hashes[i].map((h) => hammingDistance(h, hashes[j][0])))
  }
  expect(closest).toBeGreaterThan(MAX_DISTANCE + 4)
})

test('a near match shares at least one band key with what was kept (pigeonhole: MAX_DISTANCE < BANDS)', () => {
  expect(MAX_DISTANCE).toBeLessThan(BANDS)
  const photo = scene(9)
  const kept = hashPhoto(jpeg(photo, 92))!
  const later = hashPhoto(jpeg(crop(photo, 0.05, 0.05), 70))![0]
  const keptKeys = new Set(kept.flatMap(bandKeys))
  expect(bandKeys(later).some((k) => keptKeys.has(k))).toBe(true)
  // Any hash within the threshold, whatever bits differ, shares one: flip MAX_DISTANCE bits spread over every band.
  const flipped = [...Buffer.from(kept[0], 'hex')]
  for (let bit = 0; bit < MAX_DISTANCE; bit++) flipped[bit] ^= 0x80 >> (bit % 8)
  const near = Buffer.from(flipped).toString('hex')
  expect(hammingDistance(kept[0], near)).toBe(MAX_DISTANCE)
  expect(bandKeys(near).filter((k, i) => k === bandKeys(kept[0])[i]).length).toBeGreaterThan(0)
})

test('a placeholder, a flat picture, a WebP or broken bytes are not compared', () => {
  expect(hashPhoto(PNG)).toBeNull()
  const flat = scene(1, 200, 200)
  flat.data.fill(128)
  expect(hashPhoto(jpeg(flat, 90))).toBeNull()
  expect(hashPhoto(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBeNull()
  expect(hashPhoto(jpeg(scene(5), 90).subarray(0, 200))).toBeNull()
  expect(hashPhoto(jpeg(scene(5), 90))).toHaveLength(CROPS.length)
})

test('a PNG (decoded over zlib by png-pixels.ts) hashes as the same picture saved as JPEG', () => {
  const png = gradientPng([255, 183, 94], [46, 134, 171], 240, 17)
  const pixels = pngPixels(png, 1e8)!
  expect(pixels).toMatchObject({ width: 240, height: 240 })
  expect(distance(png, jpeg(pixels, 80))).toBeLessThanOrEqual(2)
})
