// Refunds: never more than was paid, one out_refund_no per refund (reused on
// retry, so WeChat refunds once), and a refund that settles ends access.
import type { OrderView } from '../../../types/membership'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { CIRCLES } from '../circles/access'
import type { CircleDoc } from './circle'
import { CIRCLE_MEMBERS, membershipId, type CircleMemberDoc } from './membership'
import { ORDERS, loadOrder, refundableFen, toOrderViews, type OrderDoc } from './order'
import { returnCoupon } from '../rewards/coupons'
import type { Transaction } from '../../ports/store'

export const REFUNDS = COLLECTIONS.refunds.name

export interface RefundDoc {
  _id: string // out_refund_no
  orderId: string
  amountFen: number
  status: 'processing' | 'success' | 'failed'
  endsAccess: boolean
  createdAt: number
}

async function view(runtime: Runtime, orderId: string, known?: { order?: OrderDoc | null; circle?: CircleDoc | null }): Promise<OrderView> {
  const order = known?.order ?? (await loadOrder(runtime, orderId))
  const circle = known?.circle !== undefined ? known.circle : await runtime.store.collection<CircleDoc>(CIRCLES).get(order.circleId)
  return (await toOrderViews(runtime, [order], new Map(circle ? [[circle._id, circle]] : []), runtime.clock.now()))[0]
}

/**
 * Marks a refund settled (from WeChat's answer or its refund notify); idempotent.
 * Returns the order as it now is (null when there was nothing to settle).
 * Every document is read here before it is written, so each write is a whole-document set: one request, not two.
 */
export async function completeRefund(runtime: Runtime, outRefundNo: string, succeeded = true, started?: RefundDoc): Promise<OrderDoc | null> {
  const now = runtime.clock.now()
  return runtime.store.transaction(async (tx) => {
    const refunds = tx.collection<RefundDoc>(REFUNDS)
    const orders = tx.collection<OrderDoc>(ORDERS)
    let refund: RefundDoc | null
    let order: OrderDoc
    if (started) {
      // Just started by this call: the order says whether it is still in flight (both were written together,
      // and both are written together when it settles), so the refund record is not read again.
      const current = await orders.get(started.orderId)
      if (!current || current.status !== 'refunding' || current.refundingNo !== started._id) return null
      refund = started
      order = current
    } else {
      refund = await refunds.get(outRefundNo)
      if (!refund || refund.status !== 'processing') return null
      order = (await orders.get(refund.orderId))!
    }
    if (!succeeded) {
      const back: OrderDoc = { ...order, status: 'fulfilled', refundingNo: null }
      await refunds.set({ ...refund, status: 'failed' })
      await orders.set(back)
      return back
    }
    await refunds.set({ ...refund, status: 'success' })
    const refundedFen = order.refundedFen + refund.amountFen
    const settled: OrderDoc = { ...order, refundedFen, status: refundedFen >= order.amountFen ? 'refunded' : 'fulfilled', refundingNo: null }
    await orders.set(settled)
    if (refundedFen >= order.amountFen) await returnCoupon(tx, order.couponId, order._id)
    if ((order.kind ?? 'membership') === 'membership' && (refund.endsAccess || refundedFen >= order.amountFen)) {
      const members = tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
      const membership = await members.get(membershipId(order.circleId, order.openid))
      if (membership && membership.endsAt > now) await members.set({ ...membership, endsAt: now })
    }
    return settled
  })
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
  input: { amountFen: number | 'rest'; outRefundNo: string; endsAccess: boolean; now: number; quietly?: boolean }
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
  const refund: RefundDoc = { _id: input.outRefundNo, orderId: fresh._id, amountFen, status: 'processing', endsAccess: input.endsAccess, createdAt: input.now }
  await refunds.insert(refund)
  // Read above in this transaction: the whole-document write is one request.
  const refunding: OrderDoc = { ...fresh, status: 'refunding', refundingNo: input.outRefundNo }
  await orders.set(refunding)
  return { refund, order: refunding }
}

/** After beginRefund committed: asks WeChat Pay, and settles at once when it answers SUCCESS. Returns the order as this call left it, else null. */
export async function finishRefund(runtime: Runtime, begun: BegunRefund, reason: string): Promise<OrderDoc | null> {
  const { refund } = begun
  if (refund.status !== 'processing') return null
  const totalFen = begun.order?.amountFen ?? (await loadOrder(runtime, refund.orderId)).amountFen
  let answer: 'SUCCESS' | 'PROCESSING'
  try {
    answer = await runtime.payments.refund({ outTradeNo: refund.orderId, outRefundNo: refund._id, refundFen: refund.amountFen, totalFen, reason })
  } catch (error) {
    if (begun.order) await completeRefund(runtime, refund._id, false, refund)
    console.error('[refund] provider refused', error)
    throw new AppError('CONFLICT', '退款申请未被受理，请稍后重试')
  }
  if (answer === 'SUCCESS') return completeRefund(runtime, refund._id, true, begun.order ? refund : undefined)
  return begun.order
}

/** Starts (or, on a retry, resumes) a refund; returns the order as it now is when this call changed it, else null. */
async function startRefund(runtime: Runtime, order: OrderDoc, amountFen: number, outRefundNo: string, reason: string, endsAccess: boolean): Promise<OrderDoc | null> {
  const now = runtime.clock.now()
  const begun = (await runtime.store.transaction((tx) => beginRefund(tx, order._id, { amountFen, outRefundNo, endsAccess, now })))!
  return finishRefund(runtime, begun, reason)
}

export async function requestRefund(runtime: Runtime, caller: Caller, orderId: string): Promise<OrderView> {
  const order = await loadOrder(runtime, orderId)
  if (order.openid !== caller.openid) throw errors.notFound('订单')
  const circle = await runtime.store.collection<CircleDoc>(CIRCLES).get(order.circleId)
  const amount = refundableFen(order, circle, runtime.clock.now())
  if (amount <= 0) throw new AppError('CONFLICT', order.status === 'fulfilled' ? '已超过退款期限，无法退款' : '这笔订单不能退款')
  const after = await startRefund(runtime, order, amount, `${order._id}-R`, '会员申请退款', true)
  return view(runtime, orderId, { order: after, circle })
}

/**
 * Refunds part or all of an order the caller has just read (an event fee on
 * cancellation or attendance): no order view is built. Returns the order as it
 * now is when this call changed it, else null.
 */
export function refundKnownOrder(runtime: Runtime, order: OrderDoc, input: { amountFen: number; requestId: string; reason: string }): Promise<OrderDoc | null> {
  return startRefund(runtime, order, input.amountFen, `${order._id}-${input.requestId}`.slice(0, 64), input.reason, false)
}

export async function hostRefund(runtime: Runtime, input: { orderId: string; amountFen: number; requestId: string; reason: string }): Promise<OrderView> {
  const order = await loadOrder(runtime, input.orderId)
  const after = await startRefund(runtime, order, input.amountFen, `${order._id}-${input.requestId}`.slice(0, 64), input.reason, false)
  return view(runtime, input.orderId, { order: after })
}
