// The ticket's QR code is drawn by the app (src/packages/events/detail/ticket-qr.ts) from the signed
// ticket: the same SVG qrcode's own toString(…, { type: 'svg' }) writes, as a base64 data URL.
import QRCode from 'qrcode'
import { ticketQrImage } from '../../src/packages/events/detail/ticket-qr'
import { issueTicket } from '../../cloudfunctions/domain/events/tickets'

test('a ticket draws as the SVG qrcode writes for it, base64 in a data URL', async () => {
  const code = issueTicket({ eventId: 'e1', signupId: 'e1:o_member' }, 'a-secret-of-at-least-32-characters!!')
  const image = ticketQrImage(code)
  expect(image).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/)
  const svg = Buffer.from(image.split(',')[1], 'base64').toString('utf8')
  expect(svg).toBe(await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }))
  expect(ticketQrImage(`${code}x`)).not.toBe(image)
})
