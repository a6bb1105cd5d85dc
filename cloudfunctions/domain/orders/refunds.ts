// Refunds, for every kind: never more than was paid, one out_refund_no per
// refund (reused on retry, so WeChat refunds once). A refund is "processing"
// from the moment it is recorded until the provider says otherwise: its
// answer, its notify (REFUND.SUCCESS settles whatever the local state), or the
// reconcile timer that queries it. Only a definitive refusal
// (RefundRefusedError) fails it at once. A settled refund takes back what its
// payment bought (the kind's onRefunded), and, refunded in full, the points and
// growth the payment earned (a payment.refunded fact). A coupon used by a paid
// order stays used: it is used once, ever.
import { AppError, errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { RefundRefusedError } from '../../ports/payments'
import type { Transaction } from '../../ports/store'
import { recordFact } from '../facts/facts'
import { refundResultMessage } from '../notifications/messages'
import { OUTBOX, type OutboxDoc } from '../outbox/outbox'
import { flagPayment } from './flagged-payments'
import { kindFor } from './kinds'
import { ORDERS, failRefund, isRefundInFlight, loadOrder, settleRefund, startRefunding, type OrderDoc } from './order'
import { REFUNDS, newRefund, type RefundDoc, type RefundPurpose } from './refund-doc'

/**
 * Settles a refund (from the provider's answer, its notify, or the reconcile
 * timer); idempotent. A success settles whatever the local state (a refund
 * marked failed by an earlier timeout included; one made outside the app is
 * recorded from its notify). Returns the order as it now is (null when there
 * was nothing to settle). Every document is read here before it is written, so
 * each write is a whole-document set: one request, not two.
 */
export async function completeRefund(
  runtime: Runtime,
  outRefundNo: string,
  succeeded = true,
  started?: RefundDoc,
  reported?: { outTradeNo: string; refundFen: number; failure?: string }
): Promise<OrderDoc | null> {
  const now = runtime.clock.now()
  let flagged: { order: OrderDoc; reason: string } | null = null
  const result = await runtime.store.transaction(async (tx) => {
    const refunds = tx.collection<RefundDoc>(REFUNDS)
    const orders = tx.collection<OrderDoc>(ORDERS)
    let refund: RefundDoc | null
    let order: OrderDoc | null
    if (started) {
      // Just started by this call: the order says whether it is still in flight (both were written together,
      // and both are written together when it settles), so the refund record is not read again.
      const current = await orders.get(started.orderId)
      if (!current || !isRefundInFlight(current, started._id)) return null
      refund = started
      order = current
    } else {
      refund = await refunds.get(outRefundNo)
      if (!refund) {
        // Not made here (the merchant console): recorded from the provider's report, when it names one of our orders.
        if (!reported || !succeeded) return null
        order = await orders.get(reported.outTradeNo)
        if (!order || order.paidAt === null) return null
        refund = {
          _id: outRefundNo,
          orderId: order._id,
          amountFen: Math.min(reported.refundFen, order.amountFen - order.refundedFen),
          status: 'processing',
          endsAccess: false,
          purpose: 'external',
          createdAt: now
        }
        if (refund.amountFen <= 0) return null
        await refunds.insert(refund)
      } else {
        if (refund.status === 'success' || (refund.status === 'failed' && !succeeded)) return null
        order = await orders.get(refund.orderId)
        if (!order) return null
      }
    }
    if (!succeeded) {
      await refunds.set({ ...refund, status: 'failed', failure: reported?.failure ?? '退款未成功' })
      flagged = { order, reason: `退款失败（${reported?.failure ?? '支付平台未受理'}），请在商户平台处理` }
      if (!isRefundInFlight(order, refund._id)) return order
      const back = failRefund(order, refund._id)
      await orders.set(back)
      return back
    }
    await refunds.set({ ...refund, status: 'success' })
    const settled = settleRefund(order, refund._id, refund.amountFen)
    const full = settled.refundedFen >= settled.amountFen
    await orders.set(settled)
    // What the payment bought goes back with it (an order paid after it closed bought nothing).
    if (order.paidAfterClose) return settled
    const kind = kindFor(order)
    await kind.onRefunded?.(tx, { order: settled, endsAccess: refund.endsAccess, full, purpose: refund.purpose ?? 'host', now })
    const about = kind.describe(order)
    if (full && refund.purpose !== 'attendance') {
      await recordFact(tx, { type: 'payment.refunded', key: order._id, openid: order.openid, refId: order._id, payload: { circleName: about.title }, at: now })
    }
    // The refund is news to the member whatever ended: a notice of the refund, never the expiry message
    // (not for a signup the member just cancelled: the page they tapped says 已退款).
    if (refund.purpose === 'cancel') return settled
    await tx.collection<OutboxDoc>(OUTBOX).insert({
      _id: `refunded:${refund._id}`,
      kind: 'subscribeMessage',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      payload: refundResultMessage(order.openid, about, refund.amountFen, now)
    })
    return settled
  })
  if (flagged) {
    const { order, reason } = flagged as { order: OrderDoc; reason: string }
    await flagPayment(runtime, { outTradeNo: order._id, transactionId: outRefundNo, kind: 'refund' }, reason, order.amountFen, 0)
  }
  return result
}

/** A refund begun in a transaction: its record, and the order as this call left it (null on a retry: WeChat already has it). */
export interface BegunRefund {
  refund: RefundDoc
  order: OrderDoc | null
}

/**
 * Inside a transaction: records a refund and moves the order to refunding, or
 * finds the record a retry left (WeChat already has that out_refund_no).
 * `amountFen: 'rest'` refunds what is left of the order; `quietly` returns
 * null instead of refusing when the order cannot be refunded (so a
 * cancellation that carries the refund still goes through).
 */
export async function beginRefund(
  tx: Transaction,
  orderId: string,
  input: { amountFen: number | 'rest'; outRefundNo: string; endsAccess: boolean; now: number; purpose: RefundPurpose; quietly?: boolean }
): Promise<BegunRefund | null> {
  const refunds = tx.collection<RefundDoc>(REFUNDS)
  const before = await refunds.get(input.outRefundNo)
  if (before) return { refund: before, order: null }
  const orders = tx.collection<OrderDoc>(ORDERS)
  const fresh = await orders.get(orderId)
  if (!fresh) throw errors.notFound('订单')
  const amountFen = input.amountFen === 'rest' ? fresh.amountFen - fresh.refundedFen : input.amountFen
  let refunding: OrderDoc
  try {
    refunding = startRefunding(fresh, input.outRefundNo, amountFen)
  } catch (error) {
    if (input.quietly && error instanceof AppError && error.code === 'CONFLICT') return null
    throw error
  }
  const refund = newRefund(input.outRefundNo, fresh._id, amountFen, input.endsAccess, input.purpose, input.now)
  await refunds.insert(refund)
  // Read above in this transaction: the whole-document write is one request.
  await orders.set(refunding)
  return { refund, order: refunding }
}

/**
 * After beginRefund committed: asks the provider, and settles at once when it
 * answers SUCCESS. A definitive refusal fails the refund (the order is as it
 * was) and says so; any other error (a timeout after WeChat accepted it, a
 * network fault) leaves it processing for the notify or the reconcile timer.
 * Returns the order as this call left it, else null.
 */
export async function finishRefund(runtime: Runtime, begun: BegunRefund, reason: string): Promise<OrderDoc | null> {
  const { refund } = begun
  if (refund.status !== 'processing') return null
  const totalFen = begun.order?.amountFen ?? (await loadOrder(runtime, refund.orderId)).amountFen
  let answer: 'SUCCESS' | 'PROCESSING'
  try {
    answer = await runtime.payments.refund({ outTradeNo: refund.orderId, outRefundNo: refund._id, refundFen: refund.amountFen, totalFen, reason })
  } catch (error) {
    if (error instanceof RefundRefusedError) {
      if (begun.order) await completeRefund(runtime, refund._id, false, refund, { outTradeNo: refund.orderId, refundFen: refund.amountFen, failure: error.message })
      throw new AppError('CONFLICT', '退款申请未被受理，请稍后重试')
    }
    console.error('[refund] no answer yet; the reconcile timer will ask', (error as Error).message)
    return begun.order
  }
  if (answer === 'SUCCESS') return completeRefund(runtime, refund._id, true, begun.order ? refund : undefined)
  return begun.order
}

/** Starts (or, on a retry, resumes) a refund of an order just read; returns the order as it now is when this call changed it, else null. */
export async function refundOrder(
  runtime: Runtime,
  order: OrderDoc,
  input: { amountFen: number; outRefundNo: string; reason: string; endsAccess: boolean; purpose: RefundPurpose }
): Promise<OrderDoc | null> {
  const now = runtime.clock.now()
  const begun = (await runtime.store.transaction((tx) => beginRefund(tx, order._id, { ...input, now })))!
  return finishRefund(runtime, begun, input.reason)
}

/** The out_refund_no of a refund asked for by `requestId` (one refund per request, however often it is retried). */
export const refundNoFor = (orderId: string, requestId: string): string => `${orderId}-${requestId}`.slice(0, 64)

/**
 * Refunds part or all of an order the caller has just read (an event fee
 * returned for attending, a host's refund). Returns the order as it now is
 * when this call changed it, else null.
 */
export function refundKnownOrder(runtime: Runtime, order: OrderDoc, input: { amountFen: number; requestId: string; reason: string; purpose?: RefundPurpose }): Promise<OrderDoc | null> {
  return refundOrder(runtime, order, {
    amountFen: input.amountFen,
    outRefundNo: refundNoFor(order._id, input.requestId),
    reason: input.reason,
    endsAccess: false,
    purpose: input.purpose ?? (input.requestId === 'attended' ? 'attendance' : 'host')
  })
}

/** A host's (or the system's) refund of an order by id. */
export async function refundOrderById(runtime: Runtime, input: { orderId: string; amountFen: number; requestId: string; reason: string; purpose?: RefundPurpose }): Promise<OrderDoc | null> {
  return refundKnownOrder(runtime, await loadOrder(runtime, input.orderId), { ...input, purpose: input.purpose ?? 'host' })
}
