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

export const REFUNDS = COLLECTIONS.refunds.name

interface RefundDoc {
  _id: string // out_refund_no
  orderId: string
  amountFen: number
  status: 'processing' | 'success' | 'failed'
  endsAccess: boolean
  createdAt: number
}

async function view(runtime: Runtime, orderId: string): Promise<OrderView> {
  const order = await loadOrder(runtime, orderId)
  const circle = await runtime.store.collection<CircleDoc>(CIRCLES).get(order.circleId)
  return (await toOrderViews(runtime, [order], new Map(circle ? [[circle._id, circle]] : []), runtime.clock.now()))[0]
}

/** Marks a refund settled (from WeChat's answer or its refund notify); idempotent. */
export async function completeRefund(runtime: Runtime, outRefundNo: string, succeeded = true): Promise<void> {
  const now = runtime.clock.now()
  await runtime.store.transaction(async (tx) => {
    const refunds = tx.collection<RefundDoc>(REFUNDS)
    const refund = await refunds.get(outRefundNo)
    if (!refund || refund.status !== 'processing') return
    const orders = tx.collection<OrderDoc>(ORDERS)
    const order = (await orders.get(refund.orderId))!
    if (!succeeded) {
      await refunds.update(outRefundNo, { set: { status: 'failed' } })
      await orders.update(order._id, { set: { status: 'fulfilled' } })
      return
    }
    await refunds.update(outRefundNo, { set: { status: 'success' } })
    const refundedFen = order.refundedFen + refund.amountFen
    await orders.update(order._id, { set: { refundedFen, status: refundedFen >= order.amountFen ? 'refunded' : 'fulfilled' } })
    if (refundedFen >= order.amountFen) await returnCoupon(tx, order.couponId, order._id)
    if (refund.endsAccess || refundedFen >= order.amountFen) {
      const members = tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
      const membership = await members.get(membershipId(order.circleId, order.openid))
      if (membership && membership.endsAt > now) await members.update(membership._id, { set: { endsAt: now } })
    }
  })
}

async function startRefund(runtime: Runtime, order: OrderDoc, amountFen: number, outRefundNo: string, reason: string, endsAccess: boolean): Promise<void> {
  const now = runtime.clock.now()
  const started = await runtime.store.transaction(async (tx) => {
    const refunds = tx.collection<RefundDoc>(REFUNDS)
    if (await refunds.get(outRefundNo)) return false // a retry: WeChat already has this out_refund_no
    const orders = tx.collection<OrderDoc>(ORDERS)
    const fresh = (await orders.get(order._id))!
    if (fresh.status !== 'fulfilled') throw new AppError('CONFLICT', fresh.status === 'refunding' ? '退款处理中，请稍候' : '这笔订单不能退款')
    if (amountFen > fresh.amountFen - fresh.refundedFen) throw new AppError('INVALID_INPUT', `最多可退 ${((fresh.amountFen - fresh.refundedFen) / 100).toFixed(2)} 元`, 'amountFen')
    await refunds.insert({ _id: outRefundNo, orderId: fresh._id, amountFen, status: 'processing', endsAccess, createdAt: now })
    await orders.update(fresh._id, { set: { status: 'refunding' } })
    return true
  })
  const refund = await runtime.store.collection<RefundDoc>(REFUNDS).get(outRefundNo)
  if (!refund || refund.status !== 'processing') return
  let answer: 'SUCCESS' | 'PROCESSING'
  try {
    answer = await runtime.payments.refund({ outTradeNo: order._id, outRefundNo, refundFen: refund.amountFen, totalFen: order.amountFen, reason })
  } catch (error) {
    if (started) await completeRefund(runtime, outRefundNo, false)
    console.error('[refund] provider refused', error)
    throw new AppError('CONFLICT', '退款申请未被受理，请稍后重试')
  }
  if (answer === 'SUCCESS') await completeRefund(runtime, outRefundNo)
}

export async function requestRefund(runtime: Runtime, caller: Caller, orderId: string): Promise<OrderView> {
  const order = await loadOrder(runtime, orderId)
  if (order.openid !== caller.openid) throw errors.notFound('订单')
  const circle = await runtime.store.collection<CircleDoc>(CIRCLES).get(order.circleId)
  const amount = refundableFen(order, circle, runtime.clock.now())
  if (amount <= 0) throw new AppError('CONFLICT', order.status === 'fulfilled' ? '已超过退款期限，无法退款' : '这笔订单不能退款')
  await startRefund(runtime, order, amount, `${order._id}-R`, '会员申请退款', true)
  return view(runtime, orderId)
}

export async function hostRefund(runtime: Runtime, input: { orderId: string; amountFen: number; requestId: string; reason: string }): Promise<OrderView> {
  const order = await loadOrder(runtime, input.orderId)
  await startRefund(runtime, order, input.amountFen, `${order._id}-${input.requestId}`.slice(0, 64), input.reason, false)
  return view(runtime, input.orderId)
}
