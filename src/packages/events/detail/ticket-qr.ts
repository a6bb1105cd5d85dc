// The ticket's QR code, drawn on the phone from the signed ticket the server
// sends: an SVG data URL, vector and small, shown by <Image> in WeChat and H5
// alike. qrcode's encoder and SVG renderer are imported by path (its main also
// loads the PNG renderer and pngjs), in the events subpackage only.
import { fromByteArray } from 'base64-js'
import { create } from 'qrcode/lib/core/qrcode'
import { render } from 'qrcode/lib/renderer/svg-tag'

/** `data:image/svg+xml;base64,…` of the ticket's QR code (error correction M, a one-module margin). */
export function ticketQrImage(ticketCode: string): string {
  const svg = render(create(ticketCode, { errorCorrectionLevel: 'M' }), { margin: 1 })
  // The renderer writes ASCII only (tags, numbers, path commands), so each character is one byte.
  const bytes = new Uint8Array(svg.length)
  for (let i = 0; i < svg.length; i++) bytes[i] = svg.charCodeAt(i)
  return `data:image/svg+xml;base64,${fromByteArray(bytes)}`
}
