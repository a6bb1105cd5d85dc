// Settings the CloudBase runtime reads from a function's environment, decoded
// without ever throwing: a bad value logs one clear error and switches its
// feature off, so one mistyped variable cannot take every action down.
//
// Values with quotes or newlines cannot pass through `npm run deploy`: the
// @cloudbase/cli pastes `{{env.X}}` into cloudbaserc.json's JSON text unescaped
// (@cloudbase/toolbox lib/config/cloudbase.js renderConfig). So JSON settings
// arrive base64-encoded (`…_B64`); the plain form is still read for values set
// by hand in the console.
import { randomBytes } from 'node:crypto'

type Log = (message: string) => void
const defaultLog: Log = (message) => console.error(message)

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/

/** Decodes strict base64 (standard or url-safe alphabet); null when it is not. */
export function decodeBase64Text(value: string): string | null {
  const compact = value.replace(/\s+/g, '')
  if (!compact || !BASE64.test(compact)) return null
  return Buffer.from(compact, 'base64').toString('utf8')
}

/**
 * Subscribe-message template ids by key, from WX_SUBSCRIBE_TEMPLATES_B64 (base64
 * of the JSON map, what the deploy sets) or WX_SUBSCRIBE_TEMPLATES (the JSON
 * map itself). Anything else: an error in the log and no templates (messages off).
 */
export function subscribeTemplatesFromEnv(env: Readonly<Record<string, string | undefined>> = process.env, log: Log = defaultLog): Record<string, string> {
  const b64 = env.WX_SUBSCRIBE_TEMPLATES_B64?.trim()
  const plain = env.WX_SUBSCRIBE_TEMPLATES?.trim()
  const name = b64 ? 'WX_SUBSCRIBE_TEMPLATES_B64' : 'WX_SUBSCRIBE_TEMPLATES'
  if (!b64 && !plain) return {}
  const text = b64 ? decodeBase64Text(b64) : plain
  const off = (why: string) => {
    log(`[runtime] ${name} ${why}; subscribe messages are off`)
    return {}
  }
  if (text === null || text === undefined) return off('is not base64 (make it with: printf %s "$WX_SUBSCRIBE_TEMPLATES" | base64 -w0)')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return off(b64 ? 'does not decode to JSON' : 'is not valid JSON')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return off('must be a JSON object of message key → template id')
  const entries = Object.entries(parsed as Record<string, unknown>)
  const bad = entries.filter(([, id]) => typeof id !== 'string' || id.length === 0).map(([key]) => key)
  if (bad.length > 0) return off(`has template ids that are not strings: ${bad.join(', ')}`)
  return Object.fromEntries(entries) as Record<string, string>
}

/**
 * The event-ticket signing secret (TICKET_SECRET, at least 16 characters). When
 * it is missing or short the log says so and a random per-instance secret is
 * used: tickets cannot be forged, and those issued will not scan at the door
 * (issuing tickets is off in effect) until TICKET_SECRET is set.
 */
export function ticketSecretFromEnv(env: Readonly<Record<string, string | undefined>> = process.env, log: Log = defaultLog): string {
  const secret = env.TICKET_SECRET?.trim() ?? ''
  if (secret.length >= 16) return secret
  log(
    `[runtime] TICKET_SECRET is ${secret ? 'shorter than 16 characters' : 'missing'}: event tickets are signed with a throwaway key and will not scan at the door (set it to e.g. \`openssl rand -hex 32\`)`
  )
  return randomBytes(32).toString('hex')
}
