// WeChat Pay settings for the CloudBase runtime, from the function's environment.
import type { WechatPayConfig } from './wechatpay-v3'

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]
  if (!value) throw new Error(`WeChat Pay is not configured: set ${name}`)
  return value
}

/** PEMs may be given with literal "\n" (one-line environment variables). */
function pem(value: string): string {
  return value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n') : Buffer.from(value, 'base64').toString('utf8')
}

export function wechatPayConfigFromEnv(env: NodeJS.ProcessEnv): WechatPayConfig {
  const platformKeys: Record<string, string> = {}
  // Either the WeChat Pay public key (微信支付公钥, id "PUB_KEY_ID_…") or platform certificates' public keys by serial.
  if (env.WXPAY_PUBLIC_KEY_ID && env.WXPAY_PUBLIC_KEY) platformKeys[env.WXPAY_PUBLIC_KEY_ID] = pem(env.WXPAY_PUBLIC_KEY)
  for (const [serial, key] of Object.entries(JSON.parse(env.WXPAY_PLATFORM_KEYS ?? '{}') as Record<string, string>)) platformKeys[serial] = pem(key)
  if (Object.keys(platformKeys).length === 0) throw new Error('WeChat Pay is not configured: set WXPAY_PUBLIC_KEY_ID and WXPAY_PUBLIC_KEY (or WXPAY_PLATFORM_KEYS)')
  return {
    appid: required(env, 'WXPAY_APPID'),
    mchid: required(env, 'WXPAY_MCHID'),
    serialNo: required(env, 'WXPAY_SERIAL_NO'),
    privateKeyPem: pem(required(env, 'WXPAY_PRIVATE_KEY')),
    apiV3Key: required(env, 'WXPAY_APIV3_KEY'),
    platformKeys,
    notifyUrl: required(env, 'WXPAY_NOTIFY_URL')
  }
}
