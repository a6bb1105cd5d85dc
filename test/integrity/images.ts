// Test pictures drawn here and encoded by jpeg-js (the decoder's own package):
// a "photo" is a seeded scene of soft coloured blobs over a gradient with a
// little grain; variants re-encode it, crop its edges or resize it.
import { encode } from 'jpeg-js'
import type { Pixels } from '../../cloudfunctions/domain/integrity/photo-hash'

function random(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 0x100000000
  }
}

/** A width×height scene that depends only on the seed. */
export function scene(seed: number, width = 320, height = 240): Pixels {
  const rand = random(seed * 7919 + 17)
  const blobs = Array.from({ length: 7 }, () => ({
    x: rand() * width,
    y: rand() * height,
    r: (0.08 + rand() * 0.25) * Math.min(width, height),
    colour: [rand() * 255, rand() * 255, rand() * 255]
  }))
  const from = [rand() * 255, rand() * 255, rand() * 255]
  const to = [rand() * 255, rand() * 255, rand() * 255]
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2
      const px = from.map((c, k) => c + (to[k] - c) * t)
      for (const blob of blobs) {
        const d = Math.hypot(x - blob.x, y - blob.y) / blob.r
        const w = Math.exp(-d * d)
        for (let k = 0; k < 3; k++) px[k] = px[k] * (1 - w) + blob.colour[k] * w
      }
      const grain = (rand() - 0.5) * 12
      const i = (y * width + x) * 4
      for (let k = 0; k < 3; k++) {
        const value = px[k] + grain // rounded and clamped to a byte without Math calls (slow under jest), the same values
        data[i + k] = value <= 0 ? 0 : value >= 255 ? 255 : (value + 0.5) | 0
      }
      data[i + 3] = 255
    }
  }
  return { width, height, data }
}

export function jpeg(image: Pixels, quality = 85): Buffer {
  return encode({ width: image.width, height: image.height, data: Buffer.from(image.data) }, quality).data
}

/** Cuts `fraction` of each side away (left, top, right, bottom as given). */
export function crop(image: Pixels, left: number, top: number, right = left, bottom = top): Pixels {
  const x0 = Math.round(image.width * left)
  const y0 = Math.round(image.height * top)
  const width = image.width - x0 - Math.round(image.width * right)
  const height = image.height - y0 - Math.round(image.height * bottom)
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) data.set(image.data.subarray(((y + y0) * image.width + x0) * 4, ((y + y0) * image.width + x0 + width) * 4), y * width * 4)
  return { width, height, data }
}

/** Nearest-neighbour resize (what a quick re-save in a chat app does, roughly). */
export function resize(image: Pixels, width: number, height: number): Pixels {
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.floor((x * image.width) / width))
      const sy = Math.min(image.height - 1, Math.floor((y * image.height) / height))
      data.set(image.data.subarray((sy * image.width + sx) * 4, (sy * image.width + sx) * 4 + 4), (y * width + x) * 4)
    }
  }
  return { width, height, data }
}
