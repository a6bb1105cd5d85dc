// Idempotency keys for actions a member or host may retry (redeem, adjust):
// the server accepts [A-Za-z0-9_-]{8,64} and applies one request per key.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomChars(n: number): string {
  const bytes = new Uint8Array(n)
  // typeof, not globalThis: older WeChat engines have neither globalThis nor Web Crypto.
  // There, with the timestamp prefix, Math.random is unique enough for a retry key.
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes)
  else for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}

/** e.g. rdm-lx2k9c1a-Q7fT0bWm3XyZ1pKd (prefix: letters only). */
export function newRequestId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomChars(16)}`
}
