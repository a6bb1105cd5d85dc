// A payment reported by the provider (notify, or our own query after a lost
// notify) settles its order exactly once, whatever it buys: amount, appid and
// mchid must match what the server priced; then, in one transaction, the order
// is marked paid and its kind fulfils it. Replays find the order settled and
// change nothing. A payment for an order that had already closed (unpaid in
// time, replaced by a new order, cancelled) buys nothing: it is refunded at
// once and flagged, and the coupon stays with the order that replaced it. A
// payer who is not the order's member is flagged for the host.
import type { Runtime } from '../../platform/runtime'
import type { TradeState } from '../../ports/payments'
import { recordFact } from '../facts/facts'
import { markCouponUsed } from './order-coupons'
import { flagPayment } from './flagged-payments'
import './installed-kinds'
import { kindFor, type AfterCommit } from './kinds'
import { ORDERS, fulfilOrder, payClosedOrder, payOrder, type OrderDoc } from './order'
import { REFUNDS, newRefund, type RefundDoc } from './refund-doc'
import { finishRefund } from './refunds'

export interface PaidFact {
  outTradeNo: string
  transactionId: string
  amountFen: number
  appid: string
  mchid: string
  /** Who paid, as the provider reports it (absent when it did not say). */
  payerOpenid?: string
}

export type SettleResult = 'fulfilled' | 'already' | 'flagged' | 'refunded'

/** The payment a provider's query reports for an order. */
export function paidFactOf(outTradeNo: string, trade: TradeState): PaidFact {
  return { outTradeNo, transactionId: trade.transactionId, amountFen: trade.amountFen, appid: trade.appid, mchid: trade.mchid, payerOpenid: trade.payerOpenid || undefined }
}

/**
 * A member back from paying an order still unpaid here: the provider is asked directly and a payment it reports is
 * settled now, so a lost notify never leaves a paying member waiting. True when the provider said paid.
 */
export async function settleFromProvider(runtime: Runtime, orderId: string): Promise<boolean> {
  const trade = await runtime.payments.query(orderId)
  if (trade.state !== 'SUCCESS') return false
  await settlePayment(runtime, paidFactOf(orderId, trade))
  return true
}

const flag = (runtime: Runtime, fact: PaidFact, kind: string, reason: string, expectedFen: number | null) =>
  flagPayment(runtime, { outTradeNo: fact.outTradeNo, transactionId: fact.transactionId, kind }, reason, expectedFen, fact.amountFen)

export async function settlePayment(runtime: Runtime, fact: PaidFact): Promise<SettleResult> {
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(fact.outTradeNo)
  if (!order) {
    await flag(runtime, fact, 'unknown', '未知订单', null)
    return 'flagged'
  }
  const mismatch =
    fact.amountFen !== order.amountFen ? '金额与订单不符' : fact.appid !== runtime.payments.appid ? 'appid 与商户配置不符' : fact.mchid !== runtime.payments.mchid ? 'mchid 与商户配置不符' : null
  if (mismatch) {
    await flag(runtime, fact, 'mismatch', mismatch, order.amountFen)
    return 'flagged'
  }
  const now = runtime.clock.now()
  const payment = { paidAt: now, transactionId: fact.transactionId, payerOpenid: fact.payerOpenid }
  const kind = kindFor(order)
  let after: AfterCommit | undefined
  let lateRefund: RefundDoc | null = null
  const result = await runtime.store.transaction(async (tx): Promise<SettleResult> => {
    const orders = tx.collection<OrderDoc>(ORDERS)
    const fresh = (await orders.get(order._id))!
    if (fresh.status === 'closed' && fresh.paidAt === null) {
      // Paid after it closed: nothing is granted and the whole payment goes back (the refund is recorded with the payment).
      // The refund is written with paidAt (never before it), so it is new here: a plain insert.
      const refundNo = `${fresh._id}-closed`
      lateRefund = newRefund(refundNo, fresh._id, fresh.amountFen, false, 'closedOrder', now)
      await tx.collection<RefundDoc>(REFUNDS).insert(lateRefund)
      await orders.set(payClosedOrder(fresh, payment, refundNo))
      return 'refunded'
    }
    if (fresh.status !== 'created') return 'already'
    await markCouponUsed(tx, fresh.couponId, fresh._id)
    const paid = payOrder(fresh, payment)
    const fulfilment = await kind.fulfil(tx, paid, now)
    after = fulfilment.afterCommit
    const fulfilled = fulfilOrder(paid, fulfilment.item, fulfilment.oldFields)
    await orders.set(fulfilled)
    // Side effects go to the outbox and the facts log (the kind's, and this one), never back into the payment.
    await recordFact(tx, { type: 'payment.first', key: fresh.openid, openid: fresh.openid, refId: fresh._id, payload: kind.describe(fulfilled).firstPaymentFact, at: now })
    return 'fulfilled'
  })
  if (fact.payerOpenid && fact.payerOpenid !== order.openid) await flag(runtime, fact, 'payer', '付款人与下单成员不符', order.amountFen)
  if (result === 'refunded' && lateRefund) {
    await flag(runtime, fact, 'closed', order.closedReason === 'replaced' ? '订单已被新订单取代后付款，已自动退款' : '订单关闭后付款，已自动退款', order.amountFen)
    await finishRefund(runtime, { refund: lateRefund, order: null }, '订单已关闭，自动退款').catch((error) => console.error('[settle] late-payment refund left for the reconcile timer', error))
  }
  if (after) await (after as AfterCommit)(runtime)
  return result
}
