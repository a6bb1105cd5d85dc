// The timer's one job for unpaid orders of every kind: closed at the provider
// (after checking they were not paid after all), then here, where the kind lets
// go of what the order held (an event's seat hold goes back to the waitlist).
// Every kind registered before any order is met (an entry point of its own).
import './installed-kinds'
import type { Runtime } from '../../platform/runtime'
import { closeOrder } from './close-order'
import { ORDERS, type OrderDoc } from './order'

/** Orders closed per run: about 6 requests each (ask WeChat, close there, close here), more with a seat to free; within 500 a run. */
export const CLOSE_BATCH = 40

/** How long an order whose closing failed waits before the next try (it moves to the back of the queue). */
export const CLOSE_RETRY_MS = 10 * 60 * 1000

export async function closeUnpaidOrders(runtime: Runtime): Promise<{ closed: number; settled: number; failed?: number }> {
  const now = runtime.clock.now()
  const orders = runtime.store.collection<OrderDoc>(ORDERS)
  // Closed and settled orders leave the filter, so the next run starts where this one stopped;
  // an order that fails is moved back (payBefore) so it can never hold up the ones behind it.
  const due = await orders.find({ status: 'created', payBefore: { $lte: now } }, { sort: [['payBefore', 'asc']], limit: CLOSE_BATCH })
  let closed = 0
  let settled = 0
  let failed = 0
  for (const order of due.items) {
    try {
      // Closed at WeChat first (so it can no longer be paid), then here; paid after all: settled instead.
      const outcome = await closeOrder(runtime, order._id, 'expired')
      if (outcome === 'paying') throw new Error('WeChat says USERPAYING')
      if (outcome === 'settled') settled++
      if (outcome === 'closed') closed++
    } catch (error) {
      failed++
      console.error(`[closeUnpaidOrders] ${order._id} left for a later run:`, (error as Error).message)
      try {
        await orders.updateIf(order._id, { status: 'created' }, { set: { payBefore: now + CLOSE_RETRY_MS } })
      } catch (moveError) {
        console.error(`[closeUnpaidOrders] could not move ${order._id} back:`, (moveError as Error).message)
      }
    }
  }
  return { closed, settled, ...(failed ? { failed } : {}) }
}
