// The timer's look at refunds still processing a minute after they were made
// (a refund call that timed out, a notify that never came): the provider is
// asked and its answer settles them. A refund it never received is sent again
// under the same out_refund_no (WeChat makes it once), up to a limit; then it
// fails and the host is asked to look.
// Every kind registered before any order is met (an entry point of its own).
import './installed-kinds'
import type { Runtime } from '../../platform/runtime'
import { RefundRefusedError } from '../../ports/payments'
import { ORDERS, type OrderDoc } from './order'
import { REFUNDS, REFUND_CHECK_AFTER_MS, REFUND_MAX_ATTEMPTS, type RefundDoc } from './refund-doc'
import { completeRefund } from './refunds'

/** Refunds looked at per run: a query (or a resend) and a settling transaction of about 10 requests each. */
export const RECONCILE_BATCH = 40

export async function reconcileRefunds(runtime: Runtime): Promise<{ settled: number; failed: number; waiting: number; resent: number }> {
  const now = runtime.clock.now()
  const refunds = runtime.store.collection<RefundDoc>(REFUNDS)
  const due = (await refunds.find({ status: 'processing', nextCheckAt: { $lte: now } }, { sort: [['nextCheckAt', 'asc']], limit: RECONCILE_BATCH })).items
  const report = { settled: 0, failed: 0, waiting: 0, resent: 0 }
  for (const refund of due) {
    const later = (attempts = refund.attempts ?? 1) =>
      refunds.updateIf(refund._id, { status: 'processing' }, { set: { nextCheckAt: now + REFUND_CHECK_AFTER_MS * 2 ** Math.min(attempts, 6), attempts } })
    try {
      const state = await runtime.payments.queryRefund(refund._id)
      if (state.status === 'SUCCESS') {
        await completeRefund(runtime, refund._id, true)
        report.settled++
      } else if (state.status === 'CLOSED' || state.status === 'ABNORMAL') {
        await completeRefund(runtime, refund._id, false, undefined, {
          outTradeNo: refund.orderId,
          refundFen: refund.amountFen,
          failure: state.status === 'ABNORMAL' ? '退款异常（如银行卡已注销）' : '退款已关闭'
        })
        report.failed++
      } else if (state.status === 'PROCESSING') {
        await later()
        report.waiting++
      } else if ((refund.attempts ?? 1) >= REFUND_MAX_ATTEMPTS) {
        await completeRefund(runtime, refund._id, false, undefined, { outTradeNo: refund.orderId, refundFen: refund.amountFen, failure: `发起 ${REFUND_MAX_ATTEMPTS} 次均未被受理` })
        report.failed++
      } else {
        // Never reached the provider: sent again, the same out_refund_no.
        const order = await runtime.store.collection<OrderDoc>(ORDERS).get(refund.orderId)
        if (!order) continue
        report.resent++
        const answer = await runtime.payments.refund({ outTradeNo: refund.orderId, outRefundNo: refund._id, refundFen: refund.amountFen, totalFen: order.amountFen, reason: '退款重试' })
        if (answer === 'SUCCESS') {
          await completeRefund(runtime, refund._id, true)
          report.settled++
        } else {
          await later((refund.attempts ?? 1) + 1)
        }
      }
    } catch (error) {
      if (error instanceof RefundRefusedError) {
        await completeRefund(runtime, refund._id, false, undefined, { outTradeNo: refund.orderId, refundFen: refund.amountFen, failure: error.message })
        report.failed++
        continue
      }
      console.error(`[reconcileRefunds] ${refund._id} left for a later run:`, (error as Error).message)
      await later((refund.attempts ?? 1) + 1).catch(() => undefined)
    }
  }
  return report
}
