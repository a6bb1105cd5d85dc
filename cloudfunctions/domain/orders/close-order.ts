// Closing an unpaid order: at the payment provider first (so it can no longer
// be paid), then here, its coupon back to the member. A provider that says the
// order was paid after all wins: the caller settles it instead.
import type { Runtime } from '../../platform/runtime'
import type { TradeState } from '../../ports/payments'
import { returnCoupon } from './order-coupons'
import './installed-kinds'
import { kindFor, type AfterCommit } from './kinds'
import { ORDERS, closeOrderDoc, type ClosedReason, type OrderDoc } from './order'
import { paidFactOf, settlePayment } from './settle-payment'

export type ProviderClose = { state: 'closed' } | { state: 'paid'; trade: TradeState } | { state: 'paying' }

/**
 * Closes the order at the provider, then asks where it stands (a close can
 * cross a payment: WeChat then refuses the close, ORDERPAID, and the query
 * says SUCCESS). Errors other than "paid" are thrown: the order stays open.
 */
export async function closeAtProvider(runtime: Runtime, orderId: string): Promise<ProviderClose> {
  let closeError: unknown = null
  try {
    await runtime.payments.close(orderId)
  } catch (error) {
    closeError = error
  }
  const trade = await runtime.payments.query(orderId)
  if (trade.state === 'SUCCESS' || trade.state === 'REFUND') return { state: 'paid', trade }
  if (trade.state === 'USERPAYING') return { state: 'paying' }
  if (closeError) throw closeError
  return { state: 'closed' }
}

/**
 * Here, after the provider closed it: created → closed, the coupon returned,
 * and what the order held let go by its kind (a seat hold), in one
 * transaction; false when it was no longer open.
 */
export async function closeOrderHere(runtime: Runtime, orderId: string, reason: ClosedReason): Promise<boolean> {
  const now = runtime.clock.now()
  let after: AfterCommit | void = undefined
  const closed = await runtime.store.transaction(async (tx) => {
    const orders = tx.collection<OrderDoc>(ORDERS)
    const order = await orders.get(orderId)
    if (!order || order.status !== 'created') return false
    const done = closeOrderDoc(order, reason, now)
    await orders.set(done)
    await returnCoupon(tx, order.couponId, order._id)
    after = await kindFor(order).onClosed?.(tx, done, reason, now)
    return true
  })
  if (closed && after) await (after as AfterCommit)(runtime)
  return closed
}

/**
 * Closes an unpaid order everywhere: at the provider, then here. Paid after
 * all: settled instead ('settled'). A member in the middle of paying: left
 * open ('paying').
 */
export async function closeOrder(runtime: Runtime, orderId: string, reason: ClosedReason): Promise<'closed' | 'settled' | 'paying' | 'gone'> {
  const atProvider = await closeAtProvider(runtime, orderId)
  if (atProvider.state === 'paying') return 'paying'
  if (atProvider.state === 'paid') {
    await settlePayment(runtime, paidFactOf(orderId, atProvider.trade))
    return 'settled'
  }
  return (await closeOrderHere(runtime, orderId, reason)) ? 'closed' : 'gone'
}
