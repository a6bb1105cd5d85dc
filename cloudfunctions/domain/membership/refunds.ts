// Refunds as the membership function offers them: a member's refund of a plan
// (by the circle's rules), and the host's refund of any order, answered as an
// order view. The refund machinery itself, for every kind, is the orders
// module's (domain/orders/refunds.ts).
import type { OrderView } from '../../../types/membership'
import { AppError, errors } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { CIRCLES } from '../circles/access'
import { loadOrder, type OrderDoc } from '../orders/order'
import type { RefundPurpose } from '../orders/refund-doc'
import { refundNoFor, refundOrder } from '../orders/refunds'
import type { CircleDoc } from './circle'
import { circleIdOf, refundableFen, toOrderViews } from './order'

export { REFUNDS, type RefundDoc, type RefundPurpose } from '../orders/refund-doc'
export { beginRefund, completeRefund, finishRefund, refundKnownOrder } from '../orders/refunds'

export async function orderViewAfterRefund(runtime: Runtime, orderId: string, known?: { order?: OrderDoc | null; circle?: CircleDoc | null }): Promise<OrderView> {
  const order = known?.order ?? (await loadOrder(runtime, orderId))
  const circleId = circleIdOf(order)
  const circle = known?.circle !== undefined ? known.circle : circleId === null ? null : await runtime.store.collection<CircleDoc>(CIRCLES).get(circleId)
  return (await toOrderViews(runtime, [order], new Map(circle ? [[circle._id, circle]] : []), runtime.clock.now()))[0]
}

export async function requestRefund(runtime: Runtime, caller: Caller, orderId: string): Promise<OrderView> {
  const order = await loadOrder(runtime, orderId)
  if (order.openid !== caller.openid) throw errors.notFound('订单')
  const circleId = circleIdOf(order)
  const circle = circleId === null ? null : await runtime.store.collection<CircleDoc>(CIRCLES).get(circleId)
  const amount = refundableFen(order, circle, runtime.clock.now())
  if (amount <= 0) throw new AppError('CONFLICT', order.status === 'fulfilled' ? '已超过退款期限，无法退款' : '这笔订单不能退款')
  const after = await refundOrder(runtime, order, { amountFen: amount, outRefundNo: `${order._id}-R`, reason: '会员申请退款', endsAccess: true, purpose: 'member' })
  return orderViewAfterRefund(runtime, orderId, { order: after, circle })
}

export async function hostRefund(runtime: Runtime, input: { orderId: string; amountFen: number; requestId: string; reason: string; purpose?: RefundPurpose }): Promise<OrderView> {
  const order = await loadOrder(runtime, input.orderId)
  const after = await refundOrder(runtime, order, {
    amountFen: input.amountFen,
    outRefundNo: refundNoFor(order._id, input.requestId),
    reason: input.reason,
    endsAccess: false,
    purpose: input.purpose ?? 'host'
  })
  return orderViewAfterRefund(runtime, input.orderId, { order: after })
}
