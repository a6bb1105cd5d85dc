// qrcode's encoder and its SVG renderer by their own paths (the package's main also
// loads the PNG renderer and pngjs, which a ticket never needs). Only what the ticket page (src/packages/events/detail/ticket-qr.ts) uses.
declare module 'qrcode/lib/core/qrcode' {
  import type { QRCode, QRCodeOptions } from 'qrcode'
  export function create(text: string, options?: QRCodeOptions): QRCode
}
declare module 'qrcode/lib/renderer/svg-tag' {
  import type { QRCode, QRCodeRenderersOptions } from 'qrcode'
  export function render(qrData: QRCode, options?: QRCodeRenderersOptions): string
}
