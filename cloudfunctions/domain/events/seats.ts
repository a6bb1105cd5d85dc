// Seats and the waitlist. Taking a seat is a conditional increment of the
// event's counter (never above capacity) in the same transaction as the signup
// it belongs to, so under any concurrency the counter equals the held and
// confirmed signups. A freed seat goes to the first on the waitlist.
import { randomBytes } from 'node:crypto'
import type { Transaction } from '../../ports/store'
import type { Runtime } from '../../platform/runtime'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { waitlistPromotedMessage } from '../notifications/messages'
import { ORDERS, PAY_WINDOW_MS, newOrder, newOutTradeNo, type OrderDoc } from '../orders/order'
import { priceOrder } from '../orders/pricing'
import { HOLD_MS, EVENTS, SIGNUPS, type EventDoc, type SignupDoc } from './event'

/**
 * Inside a transaction: takes one seat if one is free; returns the event as it
 * now is, or null. The event is read here, so its write is one whole-document
 * set (an update would read it again); a concurrent seat change conflicts.
 */
export async function takeSeatIn(tx: Transaction, eventId: string): Promise<EventDoc | null> {
  const events = tx.collection<EventDoc>(EVENTS)
  const event = await events.get(eventId)
  if (!event || event.status !== 'scheduled' || event.seatsTaken >= event.capacity) return null
  const taken = { ...event, seatsTaken: event.seatsTaken + 1 }
  await events.set(taken)
  return taken
}

/** Inside a transaction: takes one seat if one is free. */
export async function takeSeat(tx: Transaction, eventId: string): Promise<boolean> {
  return (await takeSeatIn(tx, eventId)) !== null
}

export async function releaseSeat(tx: Transaction, eventId: string): Promise<void> {
  const events = tx.collection<EventDoc>(EVENTS)
  const event = await events.get(eventId)
  if (event && event.seatsTaken > 0) await events.set({ ...event, seatsTaken: event.seatsTaken - 1 })
}

/**
 * Creates the order a held or offered paid seat is paid through (priced by the
 * orders module, the coupon applied there). Its window ends with the hold, so
 * when it closes unpaid the hold lapses with it (seat-order.ts).
 */
export async function createSeatOrder(tx: Transaction, event: EventDoc, signup: SignupDoc, now: number, couponId?: string): Promise<OrderDoc> {
  const draft = newOrder({
    id: newOutTradeNo(now, randomBytes(6).toString('hex')),
    item: { kind: 'event', eventId: event._id, signupId: signup._id, title: event.title },
    openid: signup.openid,
    listPriceFen: signup.priceFen,
    payBefore: Math.min(now + PAY_WINDOW_MS, signup.payBefore ?? now + HOLD_MS),
    couponId,
    now
  })
  const order = await priceOrder(tx, draft, now)
  await tx.collection<OrderDoc>(ORDERS).insert(order)
  return order
}

/**
 * Offers freed seats to the waitlist, first come first served: confirmed when
 * free; when paid, a 15-minute payment window with its order open from the
 * start (so the one job that closes unpaid orders also ends a lapsed offer).
 */
export async function promoteFromWaitlist(runtime: Runtime, eventId: string): Promise<number> {
  let promoted = 0
  for (;;) {
    const next = (await runtime.store.collection<SignupDoc>(SIGNUPS).find({ eventId, status: 'waitlisted' }, { sort: [['waitlistedAt', 'asc']], limit: 1 })).items[0]
    if (!next) return promoted
    const now = runtime.clock.now()
    const outcome = await runtime.store.transaction(async (tx) => {
      const signups = tx.collection<SignupDoc>(SIGNUPS)
      const fresh = await signups.get(next._id)
      if (!fresh || fresh.status !== 'waitlisted') return 'skip' as const
      const event = await takeSeatIn(tx, eventId)
      if (!event) return 'full' as const
      const paid = fresh.priceFen > 0
      const offered: SignupDoc = { ...fresh, status: paid ? 'offered' : 'confirmed', payBefore: paid ? now + HOLD_MS : null, waitlistedAt: null, updatedAt: now }
      const order = paid ? await createSeatOrder(tx, event, offered, now) : null
      await signups.set({ ...offered, orderId: order ? order._id : fresh.orderId })
      await enqueueSubscribeMessage(tx, {
        key: `promoted:${fresh._id}:${now}`,
        now,
        message: waitlistPromotedMessage(fresh.openid, { id: eventId, title: event.title, startAt: event.startAt }, paid)
      })
      // That was the last free seat: no need to look at the waitlist again.
      return event.seatsTaken >= event.capacity ? ('promotedLast' as const) : ('promoted' as const)
    })
    if (outcome === 'full') return promoted
    if (outcome === 'promoted' || outcome === 'promotedLast') promoted++
    if (outcome === 'promotedLast') return promoted
  }
}
