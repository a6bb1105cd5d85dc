// Small gradient PNGs for the demo community's photos, drawn here so the seed
// needs no image files in the repository.
import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buffer: Buffer): number {
  const bytes = Uint8Array.from(buffer) // this realm's array: fast to read (see gradientPng)
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A size×size PNG fading diagonally from one RGB colour to another. With a `scene` number it also carries a few soft
 * light and dark spots placed by that number, so every demo photo is its own picture (the photo integrity job would
 * otherwise find the demo members' identical gradients to be copies of each other).
 */
export function gradientPng(from: [number, number, number], to: [number, number, number], size = 240, scene?: number): Buffer {
  let seed = ((scene ?? 0) * 2654435761) >>> 0 || 1
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 0x100000000
  const spots = scene === undefined ? [] : Array.from({ length: 5 }, () => ({ x: next() * size, y: next() * size, r: (0.12 + next() * 0.2) * size, light: next() < 0.5 ? 70 : -70 }))
  // The seed draws dozens of these in every browser journey's dev host and every budget world, inside jest, where
  // builtin calls are many times slower than in plain Node: the pixel loop keeps to arithmetic and one byte array.
  const stride = 1 + size * 3
  const raw = new Uint8Array(stride * size)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * (size - 1))
      let shade = 0
      for (const s of spots) {
        const dx = x - s.x
        const dy = y - s.y
        shade += s.light * Math.exp(-(dx * dx + dy * dy) / (s.r * s.r))
      }
      for (let c = 0; c < 3; c++) {
        // Rounded and clamped to a byte without Math calls, which are slow in jest's context (the same values).
        const value = from[c] + (to[c] - from[c]) * t + shade
        raw[y * stride + 1 + x * 3 + c] = value <= 0 ? 0 : value >= 255 ? 255 : (value + 0.5) | 0
      }
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

export const DEMO_PALETTES: Array<[[number, number, number], [number, number, number]]> = [
  [
    [255, 183, 94],
    [237, 143, 3]
  ],
  [
    [120, 198, 163],
    [46, 134, 171]
  ],
  [
    [255, 154, 158],
    [250, 208, 196]
  ],
  [
    [161, 196, 253],
    [194, 233, 251]
  ],
  [
    [212, 252, 121],
    [150, 230, 161]
  ],
  [
    [251, 194, 235],
    [166, 193, 238]
  ]
]
