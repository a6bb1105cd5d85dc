// An order for one plan of one circle. Its id is the out_trade_no WeChat Pay
// knows it by. States: created → fulfilled (paid and membership extended in one
// transaction); created → closed (unpaid after 30 minutes); fulfilled →
// refunding → refunded (or back to fulfilled after a partial refund).
import type { OrderView } from '../../../types/membership'
import { COLLECTIONS } from '../../platform/collections'
import { errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { authorsOf } from '../checkin/views'
import type { CircleDoc } from './circle'

export const ORDERS = COLLECTIONS.orders.name
export const PAY_WINDOW_MS = 30 * 60_000

export interface OrderDoc {
  _id: string
  /** What the order buys: circle membership (default) or an event seat. */
  kind?: 'membership' | 'event'
  eventId?: string
  signupId?: string
  openid: string
  circleId: string
  circleName: string
  planId: string
  planName: string
  days: number
  amountFen: number
  /** Before the coupon (absent on orders made before coupons existed). */
  listPriceFen?: number
  discountFen?: number
  couponId?: string | null
  refundedFen: number
  /** The out_refund_no in flight while status is 'refunding' (absent on orders refunded before it was kept). */
  refundingNo?: string | null
  status: OrderView['status']
  createdAt: number
  payBefore: number
  paidAt: number | null
  transactionId: string
  /** The membership period this order bought. */
  periodStart: number | null
  periodEnd: number | null
  /** Why a closed order closed: unpaid in time, replaced by a new order, or cancelled by the member. */
  closedReason?: 'expired' | 'replaced' | 'cancelled'
  closedAt?: number
  /** Paid after it had closed: the payment was refunded automatically and bought nothing. */
  paidAfterClose?: boolean
  /** Who paid (from the provider), when it was not the order's member it is flagged. */
  payerOpenid?: string
}

export async function loadOrder(runtime: Runtime, orderId: string): Promise<OrderDoc> {
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(orderId)
  if (!order) throw errors.notFound('订单')
  return order
}

/** What a member-requested refund returns now: full within the circle's window, then pro-rata of the unused days or nothing. */
export function refundableFen(order: OrderDoc, circle: Pick<CircleDoc, 'fullRefundDays' | 'refundAfter'> | null, now: number): number {
  if (order.status !== 'fulfilled' || order.refundedFen > 0 || order.paidAt === null || !circle) return 0
  if (now - order.paidAt <= circle.fullRefundDays * 24 * 3600_000) return order.amountFen
  if (circle.refundAfter === 'none' || order.periodStart === null || order.periodEnd === null || now >= order.periodEnd) return 0
  const unused = order.periodEnd - Math.max(now, order.periodStart)
  return Math.floor((order.amountFen * unused) / (order.periodEnd - order.periodStart))
}

export async function toOrderViews(runtime: Runtime, orders: OrderDoc[], circles: Map<string, CircleDoc>, now: number): Promise<OrderView[]> {
  const authors = await authorsOf(runtime, orders.map((o) => o.openid))
  return orders.map((o) => ({
    id: o._id, kind: o.kind ?? 'membership', eventId: o.eventId ?? null, circleId: o.circleId, circleName: o.circleName, planId: o.planId, planName: o.planName, days: o.days,
    amountFen: o.amountFen, listPriceFen: o.listPriceFen ?? o.amountFen, discountFen: o.discountFen ?? 0, couponId: o.couponId ?? null, refundedFen: o.refundedFen, status: o.status, createdAt: o.createdAt, paidAt: o.paidAt, payBefore: o.payBefore,
    refundableFen: refundableFen(o, circles.get(o.circleId) ?? null, now),
    closedReason: o.closedReason ?? null, paidAfterClose: o.paidAfterClose === true,
    member: { openid: o.openid, nickname: authors.get(o.openid)!.nickname }
  }))
}

/** out_trade_no: 6–32 of [A-Za-z0-9_-|*], unique; time first so it sorts and reads well in the merchant console. */
export function newOutTradeNo(now: number, random: string): string {
  const stamp = new Date(now + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14)
  return `M${stamp}${random}`.slice(0, 32)
}
