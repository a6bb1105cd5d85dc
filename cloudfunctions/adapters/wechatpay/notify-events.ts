// A verified notify body → neutral payment facts. Shared by the WeChat and sandbox adapters.
import type { PaymentEvent } from '../../ports/payments'
import { InvalidNotifyError } from '../../ports/payments'
import { decryptResource, verifyWechatpaySignature, type EncryptedResource } from './v3-crypto'

interface NotifyEnvelope {
  id?: string
  event_type?: string
  resource_type?: string
  resource?: unknown
}

export function parseVerifiedNotify(headers: Record<string, string | undefined>, rawBody: string, platformKeys: Record<string, string>, apiV3Key: string, nowMs: number): PaymentEvent {
  verifyWechatpaySignature(headers, rawBody, platformKeys, nowMs)
  let envelope: NotifyEnvelope
  try {
    envelope = JSON.parse(rawBody)
  } catch {
    throw malformed('body is not JSON')
  }
  if (!isObject(envelope)) throw malformed('body is not a JSON object')
  const eventType = String(envelope.event_type ?? '')
  if (envelope.resource === undefined || envelope.resource === null) return { kind: 'ignored', eventType }
  if (!isObject(envelope.resource) || typeof envelope.resource.ciphertext !== 'string' || typeof envelope.resource.nonce !== 'string') {
    throw malformed('resource is not an encrypted resource')
  }
  const plaintext = decryptResource(envelope.resource as unknown as EncryptedResource, apiV3Key)
  let resource: unknown
  try {
    resource = JSON.parse(plaintext)
  } catch {
    throw malformed('decrypted resource is not JSON')
  }
  if (!isObject(resource)) throw malformed('decrypted resource is not a JSON object')
  if (eventType === 'TRANSACTION.SUCCESS') {
    // Every field WeChat's 支付成功通知 marks 必填 that the order is checked against.
    return {
      kind: 'paid',
      outTradeNo: requiredText(resource, 'out_trade_no'),
      transactionId: requiredText(resource, 'transaction_id'),
      amountFen: requiredFen(resource, 'amount', 'total'),
      appid: requiredText(resource, 'appid'),
      mchid: requiredText(resource, 'mchid'),
      payerOpenid: requiredText(isObject(resource.payer) ? resource.payer : {}, 'openid', 'payer.openid')
    }
  }
  if (eventType.startsWith('REFUND.')) {
    const refundStatus = requiredText(resource, 'refund_status')
    return {
      kind: 'refunded',
      outTradeNo: requiredText(resource, 'out_trade_no'),
      outRefundNo: requiredText(resource, 'out_refund_no'),
      refundFen: requiredFen(resource, 'amount', 'refund'),
      succeeded: eventType === 'REFUND.SUCCESS' && refundStatus === 'SUCCESS'
    }
  }
  return { kind: 'ignored', eventType }
}

/** Verified and decrypted, yet not a notify WeChat sends: refused (400), never half-read into a payment fact. */
function malformed(reason: string): InvalidNotifyError {
  return new InvalidNotifyError(reason, 400)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function requiredText(record: Record<string, unknown>, key: string, label = key): string {
  const value = record[key]
  if (typeof value !== 'string' || value === '') throw malformed(`resource lacks ${label}`)
  return value
}

function requiredFen(record: Record<string, unknown>, key: string, field: string): number {
  const amount = record[key]
  const value = isObject(amount) ? amount[field] : undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw malformed(`resource lacks ${key}.${field} in fen`)
  return value
}
