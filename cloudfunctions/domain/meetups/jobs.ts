// Timer jobs for events: lapsed seat holds release their seat to the waitlist,
// and confirmed attendees are reminded 24 hours and 1 hour before the start.
import type { Runtime } from '../../platform/runtime'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { subscribeMessage } from '../notifications/format'
import { ORDERS, type OrderDoc } from '../membership/order'
import { MEETUPS, SIGNUPS, type MeetupDoc, type SignupDoc } from './event'
import { promoteFromWaitlist, releaseSeat } from './seats'
import { closeOrder } from '../orders/close-order'

/** Lapsed holds released per run: about 16 requests each with the waitlist promotion, within 500 a run. */
export const HOLD_BATCH = 25

export async function expireSeatHolds(runtime: Runtime): Promise<{ expired: number; promoted: number }> {
  const now = runtime.clock.now()
  // Released holds leave the filter, so the next run starts where this one stopped.
  const lapsed = (await runtime.store.collection<SignupDoc>(SIGNUPS).find({ status: { $in: ['held', 'offered'] }, payBefore: { $lte: now } }, { sort: [['payBefore', 'asc']], limit: HOLD_BATCH })).items
  let expired = 0
  const events = new Set<string>()
  for (const signup of lapsed) {
    // A payment may have landed just now: ask before letting the seat go.
    if (signup.orderId) {
      const order = await runtime.store.collection<OrderDoc>(ORDERS).get(signup.orderId)
      if (order && order.status === 'created' && (await runtime.payments.query(order._id)).state === 'SUCCESS') continue
    }
    const released = await runtime.store.transaction(async (tx) => {
      const signups = tx.collection<SignupDoc>(SIGNUPS)
      const fresh = await signups.get(signup._id)
      if (!fresh || (fresh.status !== 'held' && fresh.status !== 'offered') || (fresh.payBefore ?? 0) > now) return false
      await signups.update(fresh._id, { set: { status: 'expired', payBefore: null, updatedAt: now } })
      await releaseSeat(tx, fresh.eventId)
      return true
    })
    if (released) {
      expired++
      events.add(signup.eventId)
      // Its order closes at WeChat, then here (paid in the meantime: settled, and the seat taken again if one is free).
      // A failure leaves the order to closeUnpaidOrders, whose window has passed too.
      if (signup.orderId) await closeOrder(runtime, signup.orderId, 'expired').catch((error) => console.error('[expireSeatHolds] order left for closeUnpaidOrders', (error as Error).message))
    }
  }
  let promoted = 0
  for (const eventId of events) promoted += await promoteFromWaitlist(runtime, eventId)
  return { expired, promoted }
}

export async function remindEvents(runtime: Runtime): Promise<{ reminded: number }> {
  const now = runtime.clock.now()
  const soon = (await runtime.store.collection<MeetupDoc>(MEETUPS).find({ startAt: { $gt: now, $lte: now + 24 * 3600_000 } }, { sort: [['startAt', 'asc']], limit: 100 })).items
  let reminded = 0
  for (const meetup of soon.filter((m) => m.status === 'scheduled')) {
    const window = meetup.startAt - now <= 3600_000 ? '1h' : '24h'
    const confirmed = (await runtime.store.collection<SignupDoc>(SIGNUPS).find({ eventId: meetup._id, status: 'confirmed' }, { limit: 100 })).items
    for (const signup of confirmed) {
      const before = await runtime.store.collection('outbox').get(`eventReminder:${window}:${signup._id}`)
      if (before) continue
      await enqueueSubscribeMessage(runtime.store, {
        key: `eventReminder:${window}:${signup._id}`, now,
        message: subscribeMessage({ openid: signup.openid, template: 'eventReminder', page: `packages/events/detail/index?id=${meetup._id}`, data: { thing1: meetup.title, time2: meetup.startAt, thing3: meetup.mode === 'offline' ? meetup.address : '线上活动' } })
      })
      reminded++
    }
  }
  return { reminded }
}
