// A verified notify body → neutral payment facts. Shared by the WeChat and sandbox adapters.
import type { PaymentEvent } from '../../ports/payments'
import { InvalidNotifyError } from '../../ports/payments'
import { decryptResource, verifyWechatpaySignature, type EncryptedResource } from './v3-crypto'

interface NotifyEnvelope {
  id?: string
  event_type?: string
  resource_type?: string
  resource?: EncryptedResource
}

export function parseVerifiedNotify(
  headers: Record<string, string | undefined>, rawBody: string, platformKeys: Record<string, string>, apiV3Key: string, nowMs: number
): PaymentEvent {
  verifyWechatpaySignature(headers, rawBody, platformKeys, nowMs)
  let envelope: NotifyEnvelope
  try {
    envelope = JSON.parse(rawBody)
  } catch {
    throw new InvalidNotifyError('body is not JSON')
  }
  const eventType = String(envelope.event_type ?? '')
  if (!envelope.resource) return { kind: 'ignored', eventType }
  const resource = JSON.parse(decryptResource(envelope.resource, apiV3Key))
  if (eventType === 'TRANSACTION.SUCCESS') {
    return {
      kind: 'paid',
      outTradeNo: String(resource.out_trade_no),
      transactionId: String(resource.transaction_id),
      amountFen: Number(resource.amount?.total),
      appid: String(resource.appid ?? ''),
      mchid: String(resource.mchid ?? ''),
      payerOpenid: String(resource.payer?.openid ?? '')
    }
  }
  if (eventType.startsWith('REFUND.')) {
    return {
      kind: 'refunded',
      outTradeNo: String(resource.out_trade_no),
      outRefundNo: String(resource.out_refund_no),
      refundFen: Number(resource.amount?.refund),
      succeeded: eventType === 'REFUND.SUCCESS' && resource.refund_status === 'SUCCESS'
    }
  }
  return { kind: 'ignored', eventType }
}
