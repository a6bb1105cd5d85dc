// The one place an order is priced: on the server, from the list price the
// kind worked out (a plan's price, a member's seat fee), less the coupon the
// member chose if the coupon applies to the kind. The client never sends an amount.
import type { Transaction } from '../../ports/store'
import { lockCoupon } from './order-coupons'
import { kindFor } from './kinds'
import type { OrderDoc } from './order'

/** Inside the creating transaction: applies the order's coupon (locking it to the order) and sets what is to be paid. */
export async function priceOrder(tx: Transaction, order: OrderDoc, now: number): Promise<OrderDoc> {
  const listPriceFen = order.listPriceFen ?? order.amountFen
  if (!order.couponId) return { ...order, amountFen: listPriceFen, discountFen: 0 }
  const kind = kindFor(order)
  const discountFen = await lockCoupon(tx, order.couponId, order.openid, { scope: kind.kind, label: kind.couponLabel }, listPriceFen, order._id, now)
  return { ...order, amountFen: listPriceFen - discountFen, discountFen }
}
