// WeChat Pay's notify, as CloudBase's HTTP access delivers it. Bad signature or
// stale timestamp: refused, nothing written. A payment that does not match the
// server's order: refused and flagged for the host. Otherwise the order settles
// in one transaction, and only then is success answered; a failure answers 500
// so WeChat retries (it does, for about a day).
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

export async function handlePayNotify(runtime: Runtime, event: HttpEvent): Promise<HttpAnswer> {
  const rawBody = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body ?? ''
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
      await completeRefund(runtime, fact.outRefundNo, fact.succeeded)
      return answer(200, 'SUCCESS', '')
    }
    return answer(200, 'SUCCESS', '')
  } catch (error) {
    console.error('[payNotify] settle failed', error)
    return answer(500, 'FAIL', '处理失败')
  }
}
