// Order views for the membership function's order actions (getOrder, myOrders,
// listOrders, refunds), for orders of every kind. The order itself lives in
// the orders module (domain/orders/order.ts); its names are re-exported here
// for the callers that still import them from this path.
import type { OrderView } from '../../../types/membership'
import type { Runtime } from '../../platform/runtime'
import { authorsOf } from '../checkin/views'
import '../orders/installed-kinds'
import { kindFor } from '../orders/kinds'
import { kindOf, type OrderDoc } from '../orders/order'
import type { CircleDoc } from './circle'
import { PLAN_KIND, planOf } from './plan-order'

export { ORDERS, PAY_WINDOW_MS, loadOrder, newOutTradeNo, type OrderDoc } from '../orders/order'

/** What a member-requested refund returns now: full within the circle's window, then pro-rata of the unused days or nothing. */
export function refundableFen(order: OrderDoc, circle: Pick<CircleDoc, 'fullRefundDays' | 'refundAfter'> | null, now: number): number {
  if (kindOf(order) !== PLAN_KIND || order.status !== 'fulfilled' || order.refundedFen > 0 || order.paidAt === null || !circle) return 0
  if (now - order.paidAt <= circle.fullRefundDays * 24 * 3600_000) return order.amountFen
  const { periodStart, periodEnd } = planOf(order)
  if (circle.refundAfter === 'none' || periodStart === null || periodEnd === null || now >= periodEnd) return 0
  const unused = periodEnd - Math.max(now, periodStart)
  return Math.floor((order.amountFen * unused) / (periodEnd - periodStart))
}

/** The circle a membership order is for (null for other kinds). */
export const circleIdOf = (order: OrderDoc): string | null => (kindOf(order) === PLAN_KIND ? planOf(order).circleId : null)

export async function toOrderViews(runtime: Runtime, orders: OrderDoc[], circles: Map<string, CircleDoc>, now: number): Promise<OrderView[]> {
  const authors = await authorsOf(
    runtime,
    orders.map((o) => o.openid)
  )
  return orders.map((o) => {
    const about = kindFor(o).describe(o)
    const circleId = circleIdOf(o)
    return {
      // The view's contract predates kinds: circle and plan fields read '' / 0 on orders that are not memberships.
      id: o._id,
      kind: kindOf(o) as OrderView['kind'],
      eventId: about.eventId ?? null,
      page: about.page,
      circleId: about.circleId ?? '',
      circleName: about.title,
      planId: about.planId ?? '',
      planName: about.label,
      days: about.days ?? 0,
      amountFen: o.amountFen,
      listPriceFen: o.listPriceFen ?? o.amountFen,
      discountFen: o.discountFen ?? 0,
      couponId: o.couponId ?? null,
      refundedFen: o.refundedFen,
      status: o.status,
      createdAt: o.createdAt,
      paidAt: o.paidAt,
      payBefore: o.payBefore,
      refundableFen: refundableFen(o, circleId ? (circles.get(circleId) ?? null) : null, now),
      closedReason: o.closedReason ?? null,
      paidAfterClose: o.paidAfterClose === true,
      member: { openid: o.openid, nickname: authors.get(o.openid)!.nickname }
    }
  })
}
