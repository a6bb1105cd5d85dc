// The cryptography of WeChat Pay API v3, in one place, shared by the real
// adapter and the sandbox so both go through exactly the same code:
// - request and response signatures: SHA256-RSA over lines joined by "\n";
// - the client's paySign for requestPayment;
// - notify verification (Wechatpay-Signature over "timestamp\nnonce\nbody\n");
// - AES-256-GCM of notify resources with the APIv3 key.
import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto'
import { InvalidNotifyError } from '../../ports/payments'

/** Lines joined by "\n" with a trailing "\n", as every v3 signature message is. */
export function signatureMessage(...parts: Array<string | number>): string {
  return parts.map(String).join('\n') + '\n'
}

export function rsaSign(message: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64')
}

export function rsaVerify(message: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKeyPem, signature, 'base64')
  } catch {
    return false
  }
}

export function nonce(): string {
  return randomBytes(16).toString('hex').toUpperCase()
}

export interface MerchantCredentials {
  mchid: string
  /** Serial number of the merchant API certificate. */
  serialNo: string
  privateKeyPem: string
}

/** The Authorization header of a request to api.mch.weixin.qq.com. */
export function authorizationHeader(credentials: MerchantCredentials, method: string, urlPath: string, body: string, timestamp: number, nonceStr: string): string {
  const signature = rsaSign(signatureMessage(method, urlPath, timestamp, nonceStr, body), credentials.privateKeyPem)
  return `WECHATPAY2-SHA256-RSA2048 mchid="${credentials.mchid}",nonce_str="${nonceStr}",signature="${signature}",timestamp="${timestamp}",serial_no="${credentials.serialNo}"`
}

/** The requestPayment parameters for a prepay id, signed for the mini-program. */
export function clientPaySign(appid: string, prepayId: string, privateKeyPem: string, timestamp: number, nonceStr: string) {
  const pkg = `prepay_id=${prepayId}`
  return {
    timeStamp: String(timestamp),
    nonceStr,
    package: pkg,
    signType: 'RSA' as const,
    paySign: rsaSign(signatureMessage(appid, timestamp, nonceStr, pkg), privateKeyPem)
  }
}

export const MAX_CLOCK_SKEW_SECONDS = 300

/**
 * Verifies a notify's (or response's) signature with the platform key named by
 * Wechatpay-Serial, and that its timestamp is within 5 minutes of now.
 */
export function verifyWechatpaySignature(headers: Record<string, string | undefined>, body: string, platformKeys: Record<string, string>, nowMs: number): void {
  const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  const timestamp = h['wechatpay-timestamp']
  const nonceStr = h['wechatpay-nonce']
  const signature = h['wechatpay-signature']
  const serial = h['wechatpay-serial']
  if (!timestamp || !nonceStr || !signature || !serial) throw new InvalidNotifyError('missing Wechatpay-* headers')
  const key = platformKeys[serial]
  if (!key) throw new InvalidNotifyError(`unknown platform serial ${serial}`)
  if (!/^\d+$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) throw new InvalidNotifyError('timestamp outside 300 s')
  if (!rsaVerify(signatureMessage(timestamp, nonceStr, body), signature, key)) throw new InvalidNotifyError('bad signature')
}

export interface EncryptedResource {
  algorithm: string
  ciphertext: string
  associated_data?: string
  nonce: string
  original_type?: string
}

export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new InvalidNotifyError(`unsupported algorithm ${resource.algorithm}`)
  const data = Buffer.from(resource.ciphertext, 'base64')
  if (data.length < 17) throw new InvalidNotifyError('ciphertext too short')
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'))
    decipher.setAuthTag(data.subarray(data.length - 16))
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'))
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8')
  } catch {
    throw new InvalidNotifyError('resource does not decrypt with the APIv3 key')
  }
}

/** The sandbox's side of the same scheme: what WeChat does when it sends a notify. */
export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string, nonceStr: string): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonceStr, 'utf8'))
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: ciphertext.toString('base64'), associated_data: associatedData, nonce: nonceStr }
}
