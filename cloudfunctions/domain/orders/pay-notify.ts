// WeChat Pay's notify, for orders of every kind, as CloudBase's HTTP access delivers it. Bad signature or
// stale timestamp: refused, nothing written. A payment that does not match the
// server's order: refused and flagged for the host. Otherwise the order settles
// in one transaction, and only then is success answered; a failure answers 500
// so WeChat retries (it does, for about a day).
// Every kind registered before any order is met (an entry point of its own).
import './installed-kinds'
import type { Runtime } from '../../platform/runtime'
import { InvalidNotifyError } from '../../ports/payments'
import { settlePayment } from './settle-payment'
import { completeRefund } from './refunds'

export interface HttpEvent {
  headers?: Record<string, string | undefined>
  body?: string
  isBase64Encoded?: boolean
}

export interface HttpAnswer {
  statusCode: number
  headers: Record<string, string>
  body: string
}

function answer(statusCode: number, code: 'SUCCESS' | 'FAIL', message: string): HttpAnswer {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(code === 'SUCCESS' ? { code } : { code, message }) }
}

/** WeChat's notifies are about 1 KB; anything past this is not one (refused before any parsing). */
export const MAX_NOTIFY_BYTES = 64 * 1024

export async function handlePayNotify(runtime: Runtime, event: HttpEvent): Promise<HttpAnswer> {
  const rawBody = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '')
  if (Buffer.byteLength(rawBody, 'utf8') > MAX_NOTIFY_BYTES) return answer(413, 'FAIL', '通知过大')
  let fact
  try {
    fact = await runtime.payments.verifyNotify(event.headers ?? {}, rawBody)
  } catch (error) {
    if (error instanceof InvalidNotifyError) return answer(401, 'FAIL', error.message)
    console.error('[payNotify] verify failed', error)
    return answer(500, 'FAIL', '处理失败')
  }
  try {
    if (fact.kind === 'paid') {
      const result = await settlePayment(runtime, fact)
      return result === 'flagged' ? answer(400, 'FAIL', '订单信息不符') : answer(200, 'SUCCESS', '')
    }
    if (fact.kind === 'refunded') {
      // Settles the refund whatever this side thought of it (a timed-out call left it processing, or it was made in the merchant console).
      await completeRefund(runtime, fact.outRefundNo, fact.succeeded, undefined, { outTradeNo: fact.outTradeNo, refundFen: fact.refundFen, failure: fact.succeeded ? undefined : '退款异常或关闭' })
      return answer(200, 'SUCCESS', '')
    }
    return answer(200, 'SUCCESS', '')
  } catch (error) {
    console.error('[payNotify] settle failed', error)
    return answer(500, 'FAIL', '处理失败')
  }
}
