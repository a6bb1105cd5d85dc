// Refunds: never more than was paid, one out_refund_no per refund (reused on
// retry, so WeChat refunds once). A refund is "processing" from the moment it
// is recorded until the provider says otherwise: its answer, its notify
// (REFUND.SUCCESS settles whatever the local state), or the reconcile timer
// that queries it. Only a definitive refusal (RefundRefusedError) fails it at
// once. A settled refund takes back what its payment bought: the membership
// period that order paid for (never the others), and, refunded in full, the
// points and growth the payment earned (a payment.refunded fact). A coupon
// used by a paid order stays used: it is used once, ever.
import type { OrderView } from '../../../types/membership'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { RefundRefusedError } from '../../ports/payments'
import type { Transaction } from '../../ports/store'
import { CIRCLES } from '../circles/access'
import { recordDomainEvent } from '../events/domain-events'
import { subscribeMessage } from '../notifications/format'
import { OUTBOX, type OutboxDoc } from '../outbox/outbox'
import type { CircleDoc } from './circle'
import { CIRCLE_MEMBERS, membershipId, type CircleMemberDoc } from './membership'
import { ORDERS, loadOrder, refundableFen, toOrderViews, type OrderDoc } from './order'
import { flagPayment } from './flagged-payments'

export const REFUNDS = COLLECTIONS.refunds.name

/** The reconcile timer first asks about a refund this long after it was made (WeChat usually settles within a minute). */
export const REFUND_CHECK_AFTER_MS = 60_000
/** A refund WeChat never received is sent again this many times before the host is asked to look. */
export const REFUND_MAX_ATTEMPTS = 5

/** Why a refund was made: decides what it takes back when it settles. */
export type RefundPurpose =
  | 'member' // the member asked (the order's unused period ends)
  | 'host' // the host refunded
  | 'cancel' // an event signup cancelled in time
  | 'attendance' // an event fee returned for attending (a reward: the payment's points stay)
  | 'noSeat' // paid after the seat hold lapsed and the event filled
  | 'closedOrder' // paid for an order already closed or replaced: nothing was bought
  | 'external' // made outside the app (the merchant console), learnt from its notify

export interface RefundDoc {
  _id: string // out_refund_no
  orderId: string
  amountFen: number
  status: 'processing' | 'success' | 'failed'
  endsAccess: boolean
  purpose?: RefundPurpose
  createdAt: number
  /** When the reconcile timer next asks the provider (processing only). */
  nextCheckAt?: number
  /** Times the refund was sent to the provider. */
  attempts?: number
  /** Why it failed, when it did. */
  failure?: string
}

export async function orderViewAfterRefund(runtime: Runtime, orderId: string, known?: { order?: OrderDoc | null; circle?: CircleDoc | null }): Promise<OrderView> {
  const order = known?.order ?? (await loadOrder(runtime, orderId))
  const circle = known?.circle !== undefined ? known.circle : order.kind === 'event' ? null : await runtime.store.collection<CircleDoc>(CIRCLES).get(order.circleId)
  return (await toOrderViews(runtime, [order], new Map(circle ? [[circle._id, circle]] : []), runtime.clock.now()))[0]
}

/**
 * Inside the refund's settling transaction: the membership loses what this
 * order bought and is still unused (a later renewal keeps its days). When that
 * ends access now, the membership is marked ended by a refund (the member sees
 * 已退款, and the expiry notice is not sent).
 */
async function shortenMembership(tx: Transaction, order: OrderDoc, now: number): Promise<void> {
  if (order.periodStart === null || order.periodEnd === null) return
  const members = tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
  const membership = await members.get(membershipId(order.circleId, order.openid))
  if (!membership || membership.endsAt <= now) return
  const unused = Math.max(0, order.periodEnd - Math.max(order.periodStart, now))
  const endsAt = Math.max(now, membership.endsAt - unused)
  const ended = endsAt <= now
  await members.set({ ...membership, endsAt, ...(ended ? { endedBy: 'refund' as const, expiredNoticeFor: endsAt } : {}) })
}

/**
 * Settles a refund (from the provider's answer, its notify, or the reconcile
 * timer); idempotent. A success settles whatever the local state (a refund
 * marked failed by an earlier timeout included; one made outside the app is
 * recorded from its notify). Returns the order as it now is (null when there
 * was nothing to settle). Every document is read here before it is written, so
 * each write is a whole-document set: one request, not two.
 */
export async function completeRefund(
  runtime: Runtime, outRefundNo: string, succeeded = true, started?: RefundDoc,
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
      if (!current || current.status !== 'refunding' || current.refundingNo !== started._id) return null
      refund = started
      order = current
    } else {
      refund = await refunds.get(outRefundNo)
      if (!refund) {
        // Not made here (the merchant console): recorded from the provider's report, when it names one of our orders.
        if (!reported || !succeeded) return null
        order = await orders.get(reported.outTradeNo)
        if (!order || order.paidAt === null) return null
        refund = { _id: outRefundNo, orderId: order._id, amountFen: Math.min(reported.refundFen, order.amountFen - order.refundedFen), status: 'processing', endsAccess: false, purpose: 'external', createdAt: now }
        if (refund.amountFen <= 0) return null
        await refunds.insert(refund)
      } else {
        if (refund.status === 'success' || (refund.status === 'failed' && !succeeded)) return null
        order = await orders.get(refund.orderId)
        if (!order) return null
      }
    }
    const inFlight = order.status === 'refunding' && order.refundingNo === refund._id
    if (!succeeded) {
      await refunds.set({ ...refund, status: 'failed', failure: reported?.failure ?? '退款未成功' })
      flagged = { order, reason: `退款失败（${reported?.failure ?? '支付平台未受理'}），请在商户平台处理` }
      if (!inFlight) return order
      const back: OrderDoc = { ...order, status: order.paidAfterClose ? 'closed' : 'fulfilled', refundingNo: null }
      await orders.set(back)
      return back
    }
    await refunds.set({ ...refund, status: 'success' })
    const refundedFen = Math.min(order.amountFen, order.refundedFen + refund.amountFen)
    const full = refundedFen >= order.amountFen
    const settled: OrderDoc = {
      ...order, refundedFen,
      status: full ? 'refunded' : inFlight ? (order.paidAfterClose ? 'closed' : 'fulfilled') : order.status,
      refundingNo: inFlight ? null : order.refundingNo ?? null
    }
    await orders.set(settled)
    // What the payment bought goes back with it (an order paid after it closed bought nothing).
    if (order.paidAfterClose) return settled
    if ((order.kind ?? 'membership') === 'membership' && (refund.endsAccess || full)) await shortenMembership(tx, order, now)
    if (full && refund.purpose !== 'attendance') {
      await recordDomainEvent(tx, { type: 'payment.refunded', key: order._id, openid: order.openid, refId: order._id, payload: { circleName: order.circleName }, at: now })
    }
    // The refund is news to the member whatever ended: a notice of the refund, never the expiry message
    // (not for a signup the member just cancelled: the page they tapped says 已退款).
    if (refund.purpose === 'cancel') return settled
    await tx.collection<OutboxDoc>(OUTBOX).insert({
      _id: `refunded:${refund._id}`, kind: 'subscribeMessage', status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now,
      payload: subscribeMessage({
        openid: order.openid, template: 'refundResult',
        page: (order.kind ?? 'membership') === 'event' ? `packages/events/detail/index?id=${order.eventId}` : `packages/membership/order/index?id=${order._id}`,
        data: { thing1: order.circleName, amount2: refund.amountFen, time3: now }
      })
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
 * Inside a transaction: records a refund and marks the order refunding, or
 * finds the record a retry left (WeChat already has that out_refund_no).
 * `amountFen: 'rest'` refunds what is left of the order; `quietly` returns
 * null instead of refusing when the order cannot be refunded (so a
 * cancellation that carries the refund still goes through).
 */
export async function beginRefund(
  tx: Transaction, orderId: string,
  input: { amountFen: number | 'rest'; outRefundNo: string; endsAccess: boolean; now: number; purpose: RefundPurpose; quietly?: boolean }
): Promise<BegunRefund | null> {
  const refunds = tx.collection<RefundDoc>(REFUNDS)
  const before = await refunds.get(input.outRefundNo)
  if (before) return { refund: before, order: null }
  const orders = tx.collection<OrderDoc>(ORDERS)
  const fresh = await orders.get(orderId)
  if (!fresh) throw errors.notFound('订单')
  const rest = fresh.amountFen - fresh.refundedFen
  const amountFen = input.amountFen === 'rest' ? rest : input.amountFen
  if (fresh.status !== 'fulfilled' || amountFen <= 0) {
    if (input.quietly) return null
    throw new AppError('CONFLICT', fresh.status === 'refunding' ? '退款处理中，请稍候' : '这笔订单不能退款')
  }
  if (amountFen > rest) throw new AppError('INVALID_INPUT', `最多可退 ${(rest / 100).toFixed(2)} 元`, 'amountFen')
  const refund = newRefund(input.outRefundNo, fresh._id, amountFen, input.endsAccess, input.purpose, input.now)
  await refunds.insert(refund)
  // Read above in this transaction: the whole-document write is one request.
  const refunding: OrderDoc = { ...fresh, status: 'refunding', refundingNo: input.outRefundNo }
  await orders.set(refunding)
  return { refund, order: refunding }
}

export function newRefund(outRefundNo: string, orderId: string, amountFen: number, endsAccess: boolean, purpose: RefundPurpose, now: number): RefundDoc {
  return { _id: outRefundNo, orderId, amountFen, status: 'processing', endsAccess, purpose, createdAt: now, nextCheckAt: now + REFUND_CHECK_AFTER_MS, attempts: 1 }
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

/** Starts (or, on a retry, resumes) a refund; returns the order as it now is when this call changed it, else null. */
async function startRefund(runtime: Runtime, order: OrderDoc, input: { amountFen: number; outRefundNo: string; reason: string; endsAccess: boolean; purpose: RefundPurpose }): Promise<OrderDoc | null> {
  const now = runtime.clock.now()
  const begun = (await runtime.store.transaction((tx) => beginRefund(tx, order._id, { ...input, now })))!
  return finishRefund(runtime, begun, input.reason)
}

export async function requestRefund(runtime: Runtime, caller: Caller, orderId: string): Promise<OrderView> {
  const order = await loadOrder(runtime, orderId)
  if (order.openid !== caller.openid) throw errors.notFound('订单')
  const circle = await runtime.store.collection<CircleDoc>(CIRCLES).get(order.circleId)
  const amount = refundableFen(order, circle, runtime.clock.now())
  if (amount <= 0) throw new AppError('CONFLICT', order.status === 'fulfilled' ? '已超过退款期限，无法退款' : '这笔订单不能退款')
  const after = await startRefund(runtime, order, { amountFen: amount, outRefundNo: `${order._id}-R`, reason: '会员申请退款', endsAccess: true, purpose: 'member' })
  return orderViewAfterRefund(runtime, orderId, { order: after, circle })
}

/**
 * Refunds part or all of an order the caller has just read (an event fee
 * returned for attending): no order view is built. Returns the order as it now
 * is when this call changed it, else null.
 */
export function refundKnownOrder(runtime: Runtime, order: OrderDoc, input: { amountFen: number; requestId: string; reason: string }): Promise<OrderDoc | null> {
  return startRefund(runtime, order, { amountFen: input.amountFen, outRefundNo: `${order._id}-${input.requestId}`.slice(0, 64), reason: input.reason, endsAccess: false, purpose: input.requestId === 'attended' ? 'attendance' : 'host' })
}

export async function hostRefund(runtime: Runtime, input: { orderId: string; amountFen: number; requestId: string; reason: string; purpose?: RefundPurpose }): Promise<OrderView> {
  const order = await loadOrder(runtime, input.orderId)
  const after = await startRefund(runtime, order, { amountFen: input.amountFen, outRefundNo: `${order._id}-${input.requestId}`.slice(0, 64), reason: input.reason, endsAccess: false, purpose: input.purpose ?? 'host' })
  return orderViewAfterRefund(runtime, input.orderId, { order: after })
}
