// A refund's idempotency key: the server accepts [A-Za-z0-9_-]{4,24} and turns
// it into WeChat's out_refund_no, so one key is one refund however often it is sent.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** e.g. rf-mi3k2x1a-Q7fT0bWm (20 characters). */
export function newRefundRequestId(): string {
  const bytes = new Uint8Array(10)
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes)
  // WeChat's JS engine has no Web Crypto; with the time prefix Math.random is unique enough for a retry key.
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  const random = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length])
    .join('')
    .slice(0, 9)
  return `rf-${Date.now().toString(36)}-${random}`.slice(0, 24)
}
