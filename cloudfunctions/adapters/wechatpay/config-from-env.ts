// WeChat Pay settings for the CloudBase runtime, from the function's environment.
//
// `npm run deploy` cannot pass a multi-line PEM through cloudbaserc.json (the CLI
// pastes `{{env.X}}` into the JSON text unescaped) and a function's environment
// is capped at 4 KB, so keys arrive as one line of base64 (WXPAY_PRIVATE_KEY_B64,
// WXPAY_PUBLIC_KEY_B64). Every key variable accepts, by content:
//   - the key's DER as base64: the PEM's body on one line (the compact form the deploy uses),
//   - the whole PEM file as base64 (`base64 -w0 apiclient_key.pem`),
//   - the PEM itself, with real newlines or literal "\n" (set by hand in the console).
// A value that is none of these is refused with an error naming the variable; the
// runtime builds payments lazily, so that switches off WeChat Pay only.
// See ./README.md ("Configuration on CloudBase").
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import type { WechatPayConfig } from './wechatpay-v3'

function notConfigured(message: string): Error {
  const error = new Error(`WeChat Pay is not configured: ${message}`)
  console.error(`[wechatpay] ${error.message}`)
  return error
}

function required(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = env[name]?.trim()
  if (!value) throw notConfigured(`set ${name}`)
  return value
}

/** The first of the names that is set, with its name (the base64 variant first). */
function either(env: Readonly<Record<string, string | undefined>>, ...names: string[]): { name: string; value: string } | null {
  for (const name of names) {
    const value = env[name]?.trim()
    if (value) return { name, value }
  }
  return null
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/

type KeyKind = 'private' | 'public'

function parseKey(kind: KeyKind, value: string): KeyObject {
  const text = value.replace(/\\n/g, '\n').trim()
  if (text.includes('-----BEGIN')) return kind === 'private' ? createPrivateKey(text) : createPublicKey(text)
  const compact = text.replace(/\s+/g, '')
  if (!BASE64.test(compact)) throw new Error('neither a PEM nor base64')
  const bytes = Buffer.from(compact, 'base64')
  const decoded = bytes.toString('utf8')
  if (decoded.includes('-----BEGIN')) return parseKey(kind, decoded)
  // DER: PKCS#8 / SPKI as WeChat issues them, PKCS#1 as a fallback.
  const attempts: Array<() => KeyObject> =
    kind === 'private'
      ? [() => createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' }), () => createPrivateKey({ key: bytes, format: 'der', type: 'pkcs1' })]
      : [() => createPublicKey({ key: bytes, format: 'der', type: 'spki' }), () => createPublicKey({ key: bytes, format: 'der', type: 'pkcs1' })]
  let last: unknown
  for (const attempt of attempts) {
    try {
      return attempt()
    } catch (error) {
      last = error
    }
  }
  throw last
}

/**
 * A private or public key given as PEM, base64 of the PEM, or base64 of the DER, as PEM text.
 * Throws a "not configured" error naming the variable when it is none of those.
 */
export function keyPemFromEnvValue(kind: KeyKind, name: string, value: string): string {
  let key: KeyObject
  try {
    key = parseKey(kind, value)
  } catch (error) {
    throw notConfigured(`${name} is not a ${kind} key as PEM or base64 (${error instanceof Error ? error.message : String(error)})`)
  }
  if (kind === 'private') return key.export({ format: 'pem', type: 'pkcs8' }).toString()
  return (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'pem', type: 'spki' }).toString()
}

function platformKeysJson(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const found = either(env, 'WXPAY_PLATFORM_KEYS_B64', 'WXPAY_PLATFORM_KEYS')
  if (!found) return {}
  const text = found.name.endsWith('_B64') ? Buffer.from(found.value, 'base64').toString('utf8') : found.value
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string')) return parsed as Record<string, string>
  } catch {
    // reported below
  }
  throw notConfigured(`${found.name} must be a JSON object of certificate serial → public key`)
}

export function wechatPayConfigFromEnv(env: Readonly<Record<string, string | undefined>>): WechatPayConfig {
  const platformKeys: Record<string, string> = {}
  // Either the WeChat Pay public key (微信支付公钥, id "PUB_KEY_ID_…") or platform certificates' public keys by serial.
  const publicKey = either(env, 'WXPAY_PUBLIC_KEY_B64', 'WXPAY_PUBLIC_KEY')
  const publicKeyId = env.WXPAY_PUBLIC_KEY_ID?.trim()
  if (publicKeyId && publicKey) platformKeys[publicKeyId] = keyPemFromEnvValue('public', publicKey.name, publicKey.value)
  for (const [serial, key] of Object.entries(platformKeysJson(env))) platformKeys[serial] = keyPemFromEnvValue('public', `WXPAY_PLATFORM_KEYS[${serial}]`, key)
  if (Object.keys(platformKeys).length === 0) throw notConfigured('set WXPAY_PUBLIC_KEY_ID and WXPAY_PUBLIC_KEY_B64 (or WXPAY_PLATFORM_KEYS)')
  const privateKey = either(env, 'WXPAY_PRIVATE_KEY_B64', 'WXPAY_PRIVATE_KEY')
  if (!privateKey) throw notConfigured('set WXPAY_PRIVATE_KEY_B64')
  const apiV3Key = required(env, 'WXPAY_APIV3_KEY')
  if (Buffer.byteLength(apiV3Key) !== 32) throw notConfigured('WXPAY_APIV3_KEY must be the 32-character APIv3 key')
  return {
    appid: required(env, 'WXPAY_APPID'),
    mchid: required(env, 'WXPAY_MCHID'),
    serialNo: required(env, 'WXPAY_SERIAL_NO'),
    privateKeyPem: keyPemFromEnvValue('private', privateKey.name, privateKey.value),
    apiV3Key,
    platformKeys,
    notifyUrl: required(env, 'WXPAY_NOTIFY_URL'),
    // 商家转账's scene (deposit shares): one the merchant has opened; 1000 现金营销 when unset.
    transferSceneId: env.WXPAY_TRANSFER_SCENE_ID?.trim() || undefined
  }
}
