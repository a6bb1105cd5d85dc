// Tickets are signed tokens, not guessable ids: HMAC-SHA256 over the event and
// signup, so a forged or altered ticket is refused at the door.
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface TicketClaims {
  eventId: string
  signupId: string
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, 32)
}

export function issueTicket(claims: TicketClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify({ e: claims.eventId, s: claims.signupId })).toString('base64url')
  return `T1.${body}.${mac(body, secret)}`
}

export function readTicket(code: string, secret: string): TicketClaims | null {
  const [version, body, signature] = code.trim().split('.')
  if (version !== 'T1' || !body || !signature) return null
  const expected = Buffer.from(mac(body, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const { e, s } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    return typeof e === 'string' && typeof s === 'string' ? { eventId: e, signupId: s } : null
  } catch {
    return null
  }
}
