// PNG pixels for the photo hash, read with node's own zlib: 8-bit, not
// interlaced (what phones and screenshots write), grey, RGB, palette, grey +
// alpha or RGBA. Anything else answers null and is not compared. A library
// (pngjs) would add 21 KB to the cron bundle for the rarer forms.
import { inflateSync } from 'node:zlib'
import type { Pixels } from './photo-hash'

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

export function pngPixels(bytes: Buffer, maxPixels: number): Pixels | null {
  let at = 8
  let width = 0
  let height = 0
  let type = -1
  let palette: Buffer | null = null
  const data: Buffer[] = []
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at)
    const kind = bytes.toString('latin1', at + 4, at + 8)
    const body = bytes.subarray(at + 8, at + 8 + length)
    if (kind === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      type = body[9]
      if (body[8] !== 8 || body[12] !== 0 || !(type in CHANNELS)) return null
    } else if (kind === 'PLTE') palette = body
    else if (kind === 'IDAT') data.push(body)
    else if (kind === 'IEND') break
    at += 12 + length
  }
  if (width === 0 || height === 0 || width * height > maxPixels || (type === 3 && !palette)) return null
  const channels = CHANNELS[type]
  const stride = width * channels
  const raw = inflateSync(Buffer.concat(data))
  if (raw.length < (stride + 1) * height) return null
  const out = new Uint8Array(width * height * 4)
  let previous = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const row = new Uint8Array(stride)
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? row[i - channels] : 0
      const up = previous[i]
      const upLeft = i >= channels ? previous[i - channels] : 0
      let predictor = 0
      if (filter === 1) predictor = left
      else if (filter === 2) predictor = up
      else if (filter === 3) predictor = (left + up) >> 1
      else if (filter === 4) {
        const p = left + up - upLeft
        const pa = Math.abs(p - left)
        const pb = Math.abs(p - up)
        const pc = Math.abs(p - upLeft)
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
      } else if (filter !== 0) return null
      row[i] = (line[i] + predictor) & 0xff
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4
      const s = x * channels
      if (type === 2 || type === 6) out.set(row.subarray(s, s + 3), o)
      else if (type === 3) out.set(palette!.subarray(row[s] * 3, row[s] * 3 + 3), o)
      else out[o] = out[o + 1] = out[o + 2] = row[s]
      out[o + 3] = type === 6 ? row[s + 3] : type === 4 ? row[s + 1] : 255
    }
    previous = row
  }
  return { width, height, data: out }
}
