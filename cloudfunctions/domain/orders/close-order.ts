// Closing an unpaid order: at the payment provider first (so it can no longer
// be paid), then here, its coupon back to the member. A provider that says the
// order was paid after all wins: the caller settles it instead.
import type { Runtime } from '../../platform/runtime'
import type { TradeState } from '../../ports/payments'
import { ORDERS, type OrderDoc } from '../membership/order'
import { returnCoupon } from '../rewards/coupons'
import { moveOrder } from './order-status'

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

/** Here, after the provider closed it: created → closed and the coupon returned; false when it was no longer open. */
export async function closeOrderHere(runtime: Runtime, orderId: string, reason: NonNullable<OrderDoc['closedReason']>): Promise<boolean> {
  const now = runtime.clock.now()
  return runtime.store.transaction(async (tx) => {
    const orders = tx.collection<OrderDoc>(ORDERS)
    const order = await orders.get(orderId)
    if (!order || order.status !== 'created') return false
    await orders.set(moveOrder(order, 'closed', { closedReason: reason, closedAt: now }))
    await returnCoupon(tx, order.couponId, order._id)
    return true
  })
}

/**
 * Closes an unpaid order everywhere: at the provider, then here. Paid after
 * all: settled instead ('settled'). A member in the middle of paying: left
 * open ('paying').
 */
export async function closeOrder(runtime: Runtime, orderId: string, reason: NonNullable<OrderDoc['closedReason']>): Promise<'closed' | 'settled' | 'paying' | 'gone'> {
  const atProvider = await closeAtProvider(runtime, orderId)
  if (atProvider.state === 'paying') return 'paying'
  if (atProvider.state === 'paid') {
    const { trade } = atProvider
    // Imported here, not at the top: settling reaches the event and membership modules, which close orders too.
    const { settlePayment } = await import('../membership/settle-payment')
    await settlePayment(runtime, { outTradeNo: orderId, transactionId: trade.transactionId, amountFen: trade.amountFen, appid: trade.appid, mchid: trade.mchid, payerOpenid: trade.payerOpenid || undefined })
    return 'settled'
  }
  return (await closeOrderHere(runtime, orderId, reason)) ? 'closed' : 'gone'
}
