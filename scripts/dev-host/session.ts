// Signed dev sessions: the local stand-in for WeChat's trusted openid. A token is
// base64url(JSON payload) + "." + base64url(HMAC-SHA256(payload, secret)).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface SessionPayload {
  persona: string
  openid: string
  /** Expiry, epoch ms. */
  exp: number
}

const SESSION_TTL_MS = 30 * 24 * 3600_000

function mac(body: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64url')
}

export function signSession(payload: Omit<SessionPayload, 'exp'>, secret: Buffer, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: now + SESSION_TTL_MS })).toString('base64url')
  return `${body}.${mac(body, secret)}`
}

export function verifySession(token: string, secret: Buffer, now = Date.now()): SessionPayload | null {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(body, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SessionPayload
    if (typeof payload.openid !== 'string' || typeof payload.exp !== 'number' || payload.exp < now) return null
    return payload
  } catch {
    return null
  }
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return match ? match[1] : null
}

/** SESSION_SECRET if set, else a random secret kept in the data folder (or in memory for tests). */
export function loadSessionSecret(dataDir: string): Buffer {
  if (process.env.SESSION_SECRET) return Buffer.from(process.env.SESSION_SECRET)
  if (dataDir === ':memory:') return randomBytes(32)
  const file = join(dataDir, 'session-secret')
  if (existsSync(file)) return readFileSync(file)
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32)
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
