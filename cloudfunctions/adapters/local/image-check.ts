// What an uploaded file really is, from its bytes alone: a JPEG, PNG or WebP
// whose whole structure holds (not just a magic number in front of anything),
// a damaged one, or another type. A file that starts like a PNG and goes on as
// HTML is damaged, never stored, never served.
import type { ImageType } from '../../ports/files'

export type ImageCheck =
  | { ok: true; contentType: ImageType }
  /** 'unsupported': not one of our types at all; 'damaged': it starts like one but is not whole. */
  | { ok: false; reason: 'unsupported' | 'damaged' }

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export function checkImage(bytes: Buffer): ImageCheck {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return verdict(isWholeJpeg(bytes), 'image/jpeg')
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return verdict(isWholePng(bytes), 'image/png')
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return verdict(isWholeWebp(bytes), 'image/webp')
  return { ok: false, reason: 'unsupported' }
}

function verdict(whole: boolean, contentType: ImageType): ImageCheck {
  return whole ? { ok: true, contentType } : { ok: false, reason: 'damaged' }
}

/** Frame headers: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

/**
 * SOI, then length-prefixed segments that exactly tile the header (a frame
 * header with a non-zero size among them) up to the first start of scan, and
 * the file ends with EOI (FFD9), as every encoder writes it.
 */
function isWholeJpeg(bytes: Buffer): boolean {
  let i = 2
  let sawFrame = false
  for (;;) {
    if (i + 4 > bytes.length || bytes[i] !== 0xff) return false
    while (bytes[i + 1] === 0xff && i + 4 < bytes.length) i++ // fill bytes
    const marker = bytes[i + 1]
    if (marker === 0x01) {
      i += 2
      continue
    } // TEM: no length
    if (marker === 0x00 || marker === 0xd8 || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7)) return false
    const length = bytes.readUInt16BE(i + 2)
    if (length < 2 || i + 2 + length > bytes.length) return false
    if (isStartOfFrame(marker)) {
      if (length < 8) return false
      const height = bytes.readUInt16BE(i + 5)
      const width = bytes.readUInt16BE(i + 7)
      if (width === 0 || height === 0) return false
      sawFrame = true
    }
    if (marker === 0xda) {
      // Entropy-coded data follows; the image is whole when it closes with EOI.
      const dataStart = i + 2 + length
      return sawFrame && dataStart < bytes.length - 2 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9
    }
    i += 2 + length
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/**
 * Signature, IHDR first (13 bytes, non-zero size), chunks of letters whose
 * lengths tile the file and whose CRCs hold, at least one IDAT, and IEND as
 * the very last bytes.
 */
function isWholePng(bytes: Buffer): boolean {
  let i = 8
  let first = true
  let sawData = false
  while (i + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(i)
    const type = bytes.toString('latin1', i + 4, i + 8)
    if (!/^[A-Za-z]{4}$/.test(type) || i + 12 + length > bytes.length) return false
    if (crc32(bytes.subarray(i + 4, i + 8 + length)) !== bytes.readUInt32BE(i + 8 + length)) return false
    if (first) {
      if (type !== 'IHDR' || length !== 13 || bytes.readUInt32BE(i + 8) === 0 || bytes.readUInt32BE(i + 12) === 0) return false
      first = false
    }
    if (type === 'IDAT') sawData = true
    if (type === 'IEND') return length === 0 && sawData && i + 12 === bytes.length
    i += 12 + length
  }
  return false
}

/**
 * RIFF whose declared size is the file's, a first chunk VP8, VP8L or VP8X, and
 * chunks (padded to even lengths) that tile the rest exactly, with image data
 * (VP8 with its start code, VP8L with its signature, or animation frames).
 */
function isWholeWebp(bytes: Buffer): boolean {
  if (bytes.readUInt32LE(4) + 8 !== bytes.length) return false
  let i = 12
  let first = true
  let sawImage = false
  while (i < bytes.length) {
    if (i + 8 > bytes.length) return false
    const fourcc = bytes.toString('latin1', i, i + 4)
    const size = bytes.readUInt32LE(i + 4)
    const end = i + 8 + size + (size % 2)
    if (!/^[A-Z0-9 ]{4}$/i.test(fourcc) || end > bytes.length) return false
    if (first && fourcc !== 'VP8 ' && fourcc !== 'VP8L' && fourcc !== 'VP8X') return false
    first = false
    if (fourcc === 'VP8 ') {
      if (size < 10 || bytes[i + 11] !== 0x9d || bytes[i + 12] !== 0x01 || bytes[i + 13] !== 0x2a) return false
      sawImage = true
    }
    if (fourcc === 'VP8L') {
      if (size < 5 || bytes[i + 8] !== 0x2f) return false
      sawImage = true
    }
    if (fourcc === 'ANMF') sawImage = true
    i = end
  }
  return sawImage
}
