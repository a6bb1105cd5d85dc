// Timer jobs for memberships: close orders left unpaid for 30 minutes (at
// WeChat too, after checking they were not paid after all), remind members 3
// days before their membership ends, and tell them when it has ended.
import type { Runtime } from '../../platform/runtime'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { subscribeMessage } from '../notifications/format'
import { CIRCLES } from '../circles/access'
import type { CircleDoc } from './circle'
import { CIRCLE_MEMBERS, DAY_MS, FOREVER, type CircleMemberDoc } from './membership'
import { ORDERS, type OrderDoc } from './order'
import { closeOrder } from '../orders/close-order'

/** Orders closed per run: about 6 requests each (ask WeChat, close there, close here), within 500 a run. */
export const CLOSE_BATCH = 60
/** Memberships looked at per run: about 4 requests each. */
export const REMIND_BATCH = 100

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

export async function remindMembershipEnds(runtime: Runtime): Promise<{ reminded: number; ended: number }> {
  const now = runtime.clock.now()
  const members = runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
  const soon = await members.find({ endsAt: { $gt: now - DAY_MS, $lte: now + 3 * DAY_MS } }, { sort: [['endsAt', 'asc']], limit: REMIND_BATCH })
  let reminded = 0
  let ended = 0
  // Most memberships in a run share a few circles: each is read once.
  const circles = new Map<string, Promise<CircleDoc | null>>()
  for (const m of soon.items) {
    if (m.endsAt === FOREVER) continue
    if (!circles.has(m.circleId)) circles.set(m.circleId, runtime.store.collection<CircleDoc>(CIRCLES).get(m.circleId))
    const circle = await circles.get(m.circleId)!
    const name = circle?.name ?? '圈子'
    if (m.endsAt > now && m.remindedFor !== m.endsAt) {
      await enqueueSubscribeMessage(runtime.store, { key: `renewal:${m._id}:${m.endsAt}`, now, message: subscribeMessage({ openid: m.openid, template: 'renewalReminder', page: `packages/membership/circle/index?id=${m.circleId}`, data: { thing1: name, time2: m.endsAt } }) })
      await members.update(m._id, { set: { remindedFor: m.endsAt } })
      reminded++
    } else if (m.endsAt <= now && m.expiredNoticeFor !== m.endsAt) {
      await enqueueSubscribeMessage(runtime.store, { key: `expired:${m._id}:${m.endsAt}`, now, message: subscribeMessage({ openid: m.openid, template: 'membershipExpired', page: `packages/membership/circle/index?id=${m.circleId}`, data: { thing1: name, time2: m.endsAt } }) })
      await members.update(m._id, { set: { expiredNoticeFor: m.endsAt } })
      ended++
    }
  }
  return { reminded, ended }
}
