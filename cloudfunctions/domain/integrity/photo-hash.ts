// A perceptual hash of a check-in photo (pHash): the picture decoded (JPEG by
// jpeg-js's decoder alone, PNG by png-pixels.ts over node's zlib), its luminance
// averaged down to 32×32, a 2-D DCT, and one bit per low frequency: above or
// below their median. Re-encoding, resizing and a slight crop move few of
// these 64 bits; a different photo moves about half of them.
//
// Near matches are found by an indexed equality query, never a scan: the 64
// bits are cut into BANDS bands, each stored as its own indexed key. Two hashes
// within MAX_DISTANCE < BANDS bits of each other agree exactly on at least one
// band (pigeonhole), so looking up the photo's BANDS keys finds every candidate.
import type { ImageType } from '../../ports/files'
import { pngPixels } from './png-pixels'

/** Bits two hashes may differ by and still be the same photo (measured in test/integrity/photo-hash.test.ts). */
export const MAX_DISTANCE = 8
/** Bands of the hash, each an indexed key: more bands than MAX_DISTANCE, so a near match shares one exactly. */
export const BAND_BITS = [8, 7, 7, 7, 7, 7, 7, 7, 7]
/**
 * A photo is kept under two hashes: whole, and with 4 % cut from every side.
 * A later photo cropped from it then lies near one of them (pHash alone
 * drifts 8–14 bits under a 5 % crop; against the nearer of the two it stays
 * within MAX_DISTANCE).
 */
export const CROPS = [0, 0.04]
export const BANDS = BAND_BITS.length
/** Smaller pictures (a 1×1 placeholder, an icon) and flat ones say nothing about where they came from. */
export const MIN_SIDE = 32
const MIN_CONTRAST = 3
/** Decoding limits: the largest phone photos fit, a decompression bomb does not. */
const MAX_MEGAPIXELS = 50
const MAX_MEMORY_MB = 400

const SIZE = 32

export interface Pixels {
  width: number
  height: number
  /** RGBA, 4 bytes a pixel. */
  data: Uint8Array
}

type JpegDecode = (bytes: Uint8Array, options: Record<string, unknown>) => Pixels

/** The decoders load on the first photo hashed (only the cron function's bundle carries them). */
export function decodeImage(bytes: Buffer): Pixels | null {
  const type = sniff(bytes)
  if (type === 'image/jpeg') {
    // The decoder alone: the encoder is never bundled.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const decode = require('jpeg-js/lib/decoder') as JpegDecode
    return decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: MAX_MEMORY_MB })
  }
  if (type === 'image/png') return pngPixels(bytes, MAX_MEGAPIXELS * 1e6)
  // WebP has no decoder here: such photos are not compared (see README).
  return null
}

function sniff(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47) return 'image/png'
  return null
}

/** Luminance averaged over a SIZE×SIZE grid (each cell the mean of the source pixels it covers), `cut` of each side left out. */
function shrink(image: Pixels, cut: number): Float64Array {
  const sums = new Float64Array(SIZE * SIZE)
  const counts = new Float64Array(SIZE * SIZE)
  const { data } = image
  const x0 = Math.round(image.width * cut)
  const y0 = Math.round(image.height * cut)
  const width = image.width - 2 * x0
  const height = image.height - 2 * y0
  // Each column's cell, worked out once rather than per pixel.
  const columns = new Int32Array(width)
  for (let x = 0; x < width; x++) columns[x] = Math.min(SIZE - 1, Math.floor((x * SIZE) / width))
  for (let y = 0; y < height; y++) {
    const row = Math.min(SIZE - 1, Math.floor((y * SIZE) / height)) * SIZE
    for (let x = 0; x < width; x++) {
      const i = ((y + y0) * image.width + x + x0) * 4
      const cell = row + columns[x]
      sums[cell] += 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]
      counts[cell] += 1
    }
  }
  for (let i = 0; i < sums.length; i++) sums[i] = counts[i] > 0 ? sums[i] / counts[i] : 0
  return sums
}

const COSINES = (() => {
  const table = new Float64Array(SIZE * SIZE)
  for (let u = 0; u < SIZE; u++) for (let x = 0; x < SIZE; x++) table[u * SIZE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))
  return table
})()

/** The 64 lowest frequencies after the DC term, in zig-zag order of u + v. */
const FREQUENCIES: Array<[number, number]> = (() => {
  const all: Array<[number, number]> = []
  for (let u = 0; u < 8; u++) for (let v = 0; v < 8; v++) all.push([u, v])
  return all.sort((a, b) => a[0] + a[1] - (b[0] + b[1]) || a[0] - b[0]).slice(0, 64)
})()

/** The 64-bit perceptual hash as 16 hex digits, or null for a picture too small or too flat to say anything. */
export function perceptualHash(image: Pixels, cut = 0): string | null {
  if (image.width < MIN_SIDE || image.height < MIN_SIDE) return null
  const grid = shrink(image, cut)
  let mean = 0
  for (const v of grid) mean += v
  mean /= grid.length
  let variance = 0
  for (const v of grid) variance += (v - mean) ** 2
  if (Math.sqrt(variance / grid.length) < MIN_CONTRAST) return null
  // Rows, then columns, only for the frequencies used.
  const rows = new Float64Array(12 * SIZE) // rows[u][x] = Σ_y grid[y][x]·cos(u, y)
  for (let u = 0; u < 12; u++) {
    for (let x = 0; x < SIZE; x++) {
      let s = 0
      for (let y = 0; y < SIZE; y++) s += grid[y * SIZE + x] * COSINES[u * SIZE + y]
      rows[u * SIZE + x] = s
    }
  }
  const coefficients = FREQUENCIES.map(([u, v]) => {
    let s = 0
    for (let x = 0; x < SIZE; x++) s += rows[u * SIZE + x] * COSINES[v * SIZE + x]
    return s
  })
  const median = [...coefficients].sort((a, b) => a - b)[32]
  let hex = ''
  for (let i = 0; i < 64; i += 4) {
    let nibble = 0
    for (let b = 0; b < 4; b++) nibble = (nibble << 1) | (coefficients[i + b] >= median ? 1 : 0)
    hex += nibble.toString(16)
  }
  return hex
}

/** Bits in which two hashes differ. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0
  for (let i = 0; i < 16; i += 4) {
    let x = parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16)
    while (x) {
      distance += x & 1
      x >>>= 1
    }
  }
  return distance
}

/** The hash's band keys, `${band}:${bits as hex}`: the indexed values a near match shares at least one of. */
export function bandKeys(hash: string): string[] {
  const bits = [...hash].map((h) => parseInt(h, 16).toString(2).padStart(4, '0')).join('')
  const keys: string[] = []
  let at = 0
  BAND_BITS.forEach((width, band) => {
    keys.push(`${band}:${parseInt(bits.slice(at, at + width), 2).toString(16)}`)
    at += width
  })
  return keys
}

/** Decodes and hashes: the whole photo's hash first, then its cropped ones (CROPS); null when the picture cannot be compared (format, size, flatness, a broken file). */
export function hashPhoto(bytes: Buffer): string[] | null {
  let image: Pixels | null
  try {
    image = decodeImage(bytes)
  } catch {
    return null
  }
  if (!image) return null
  const hashes = CROPS.map((cut) => perceptualHash(image, cut))
  return hashes.every((h): h is string => h !== null) ? hashes : null
}
