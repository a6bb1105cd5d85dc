// Signing up, paying for a held seat, and cancelling.
import type { EventView, SignupResult, SignupView } from '../../../types/events'
import type { Page, PageInput } from '../../../types/page'
import type { ClientPayment } from '../../ports/payments'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { assertUnlocked, lockFor } from '../circles/gate'
import { ORDERS, kindOf, loadOrder, type OrderDoc } from '../orders/order'
import { beginRefund, finishRefund, refundNoFor } from '../orders/refunds'
import { orderViewAfterRefund } from '../membership/refunds'
import type { HostRefundInput, OrderView } from '../../../types/membership'
import { freeTicketHolder, isFreeTicket, returnCoupon, useFreeTicket } from '../rewards/coupons'
import { prepayOrder, retireOpenOrder } from '../orders/open-order'
import { closeOrder } from '../orders/close-order'
import { HOLD_MS, SIGNUPS, loadEvent, priceFor, signupId, toEventView, type EventDoc, type SignupDoc, EVENTS } from './event'
import { createSeatOrder, promoteFromWaitlist, releaseSeat, takeSeat } from './seats'
import { SEAT_KIND, seatOf } from './seat-order'
import { toSignupView } from './signup-views'
import { isManager } from '../../../types/roles'

export async function eventView(runtime: Runtime, caller: Caller, event: EventDoc, now: number): Promise<EventView> {
  const [mine, waitlistCount, myPriceFen, access] = await Promise.all([
    runtime.store.collection<SignupDoc>(SIGNUPS).get(signupId(event._id, caller.openid)),
    runtime.store.collection<SignupDoc>(SIGNUPS).count({ eventId: event._id, status: 'waitlisted' }),
    priceFor(runtime, event, caller.openid),
    lockFor(runtime, event, caller.openid, now, isManager(caller.role))
  ])
  const isHost = isManager(caller.role)
  // Signed up already: not shown locked (their seat stands).
  const lock = mine && mine.status !== 'cancelled' && mine.status !== 'expired' ? null : access.lock
  return toEventView(
    runtime,
    event,
    { myPriceFen, mySignup: mine ? await toSignupView(runtime, mine) : null, waitlistCount, isHost, circleName: access.circleName, inCircle: isHost || access.inCircle, lock },
    now
  )
}

function prepayFor(runtime: Runtime, event: EventDoc, order: OrderDoc): Promise<ClientPayment> {
  return prepayOrder(runtime, order, `活动报名·${event.title}`)
}

/**
 * Free: confirmed while seats last. Paid: a seat held for 15 minutes pending
 * payment. Full: the waitlist. With a free ticket (a prize): confirmed at no
 * charge while seats last, the ticket used in the same transaction; when full
 * the ticket is kept. One signup per member per event, so retries and double
 * taps change nothing.
 */
export async function signup(runtime: Runtime, caller: Caller, eventId: string, now: number, couponId?: string): Promise<SignupResult> {
  const event = await loadEvent(runtime, eventId)
  if (event.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消')
  if (now > event.signupDeadline) throw new AppError('CHECKIN_CLOSED', '报名已截止')
  await assertUnlocked(runtime, event, caller.openid, now, isManager(caller.role))
  const freeTicketId = couponId && (await isFreeTicket(runtime, couponId)) ? couponId : null
  const priceFen = freeTicketId ? 0 : await priceFor(runtime, event, caller.openid)
  const id = signupId(eventId, caller.openid)
  const order = await runtime.store.transaction(async (tx) => {
    const signups = tx.collection<SignupDoc>(SIGNUPS)
    const existing = await signups.get(id)
    if (existing && existing.status !== 'cancelled' && existing.status !== 'expired') return null
    const seated = await takeSeat(tx, eventId)
    if (freeTicketId) {
      if (!seated) throw new AppError('OUT_OF_STOCK', '名额已满，免费票已为你保留，可在有空位时再用')
      await useFreeTicket(tx, freeTicketId, caller.openid, eventId, id, now)
    }
    const paid = priceFen > 0
    const doc: SignupDoc = {
      _id: id,
      eventId,
      openid: caller.openid,
      status: seated ? (paid ? 'held' : 'confirmed') : 'waitlisted',
      priceFen,
      payBefore: seated && paid ? now + HOLD_MS : null,
      orderId: null,
      waitlistedAt: seated ? null : now,
      attendedAt: null,
      couponId: freeTicketId,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now
    }
    if (existing) await signups.set(doc)
    else await signups.insert(doc)
    if (!seated || !paid) return null
    const created = await createSeatOrder(tx, event, doc, now, couponId)
    await signups.update(id, { set: { orderId: created._id } })
    return created
  })
  const payment = order ? await prepayFor(runtime, event, order) : null
  const fresh = (await runtime.store.collection<SignupDoc>(SIGNUPS).get(id))!
  return { signup: await toSignupView(runtime, fresh), payment }
}

/**
 * Pays for a held seat or a waitlist offer. The signup names its one open
 * order: paying again reuses it; with another coupon (or after it lapsed) it
 * is closed at the provider first, then replaced, so a seat is never paid twice.
 */
export async function paySeat(runtime: Runtime, caller: Caller, eventId: string, now: number, couponId?: string): Promise<SignupResult> {
  const event = await loadEvent(runtime, eventId)
  const id = signupId(eventId, caller.openid)
  const current = await runtime.store.collection<SignupDoc>(SIGNUPS).get(id)
  if (!current || (current.status !== 'held' && current.status !== 'offered')) throw new AppError('CONFLICT', '当前没有待支付的名额')
  if (current.payBefore !== null && now > current.payBefore) throw new AppError('CHECKIN_CLOSED', '支付时间已过，名额已释放')
  const existingOrder = current.orderId ? await runtime.store.collection<OrderDoc>(ORDERS).get(current.orderId) : null
  const open = existingOrder && existingOrder.status === 'created' ? existingOrder : null
  const reuse = open && open.payBefore > now && (couponId ?? null) === (open.couponId ?? null)
  let resumed = Boolean(reuse)
  let order: OrderDoc
  if (reuse) {
    order = open
    // A waitlist offer's order is made with the offer: the first tap on 支付 is not a return to it
    // (the signup's updatedAt moves on, so the next tap is).
    if (current.status === 'offered' && current.updatedAt === open.createdAt) {
      resumed = false
      await runtime.store.collection<SignupDoc>(SIGNUPS).updateIf(id, { updatedAt: current.updatedAt }, { set: { updatedAt: Math.max(now, current.updatedAt + 1) } })
    }
  } else {
    // Closed at WeChat before it is replaced: it can no longer be paid (paid meanwhile: the member is told, nothing new is made).
    if (open) await retireOpenOrder(runtime, open)
    const made = await runtime.store.transaction(async (tx) => {
      const signups = tx.collection<SignupDoc>(SIGNUPS)
      const fresh = await signups.get(id)
      if (!fresh || (fresh.status !== 'held' && fresh.status !== 'offered')) throw new AppError('CONFLICT', '当前没有待支付的名额')
      // Another tap replaced it first: that order is the one to pay.
      if (fresh.orderId && fresh.orderId !== current.orderId) return { order: (await tx.collection<OrderDoc>(ORDERS).get(fresh.orderId))!, resumed: true }
      const created = await createSeatOrder(tx, event, fresh, now, couponId)
      await signups.set({ ...fresh, orderId: created._id, updatedAt: now })
      return { order: created, resumed: false }
    })
    order = made.order
    resumed = made.resumed
  }
  const payment = await prepayFor(runtime, event, order)
  return { signup: await toSignupView(runtime, (await runtime.store.collection<SignupDoc>(SIGNUPS).get(id))!), payment, resumed }
}

export async function cancelSignup(runtime: Runtime, caller: Caller, eventId: string, now: number): Promise<SignupView> {
  const event = await loadEvent(runtime, eventId)
  if (now > event.signupDeadline) throw new AppError('CHECKIN_CLOSED', '已过取消截止时间')
  const id = signupId(eventId, caller.openid)
  const refundable = now <= event.startAt - event.refundableHoursBefore * 3600_000
  // The signup is read once, in the transaction (a refusal there changes nothing). A paid seat given up early
  // enough begins its refund in the same transaction, so the two cannot part.
  const { before, after, refund } = await runtime.store.transaction(async (tx) => {
    const signups = tx.collection<SignupDoc>(SIGNUPS)
    const fresh = await signups.get(id)
    if (!fresh || fresh.status === 'cancelled' || fresh.status === 'expired') throw new AppError('NOT_FOUND', '没有找到你的报名')
    if (fresh.status === 'attended') throw new AppError('CONFLICT', '已签到，不能取消')
    if (['held', 'offered', 'confirmed'].includes(fresh.status)) await releaseSeat(tx, eventId)
    const cancelled: SignupDoc = { ...fresh, status: 'cancelled', payBefore: null, waitlistedAt: null, couponId: null, updatedAt: now }
    await signups.set(cancelled)
    // A free ticket comes back to the member, to use again.
    await returnCoupon(tx, fresh.couponId, freeTicketHolder(id))
    // Refund by policy: paid and cancelled early enough (nothing when the order has nothing left to refund).
    const refund =
      fresh.status === 'confirmed' && fresh.orderId && refundable
        ? await beginRefund(tx, fresh.orderId, { amountFen: 'rest', outRefundNo: `${fresh.orderId}-cancel`.slice(0, 64), endsAccess: false, now, purpose: 'cancel', quietly: true })
        : null
    return { before: fresh, after: cancelled, refund }
  })
  if (refund) await finishRefund(runtime, refund, '取消报名退款')
  // A held seat's unpaid order closes with it (at WeChat first), so it can no longer be paid.
  if ((before.status === 'held' || before.status === 'offered') && before.orderId) {
    await closeOrder(runtime, before.orderId, 'cancelled').catch((error) => console.error('[cancelSignup] order left for closeUnpaidOrders', (error as Error).message))
  }
  // A seat came free: the first on the waitlist gets it (a held seat, or one the waitlist was not waiting for, frees none).
  if (['held', 'offered', 'confirmed'].includes(before.status)) await promoteFromWaitlist(runtime, eventId)
  return toSignupView(runtime, after)
}

export async function listEvents(runtime: Runtime, caller: Caller, input: { when: 'upcoming' | 'past'; after?: string | null }, now: number): Promise<Page<EventView>> {
  const upcoming = input.when === 'upcoming'
  const page = await runtime.store
    .collection<EventDoc>(EVENTS)
    .find(upcoming ? { startAt: { $gt: now - 24 * 3600_000 } } : { startAt: { $lte: now } }, { sort: [['startAt', upcoming ? 'asc' : 'desc']], limit: 20, after: input.after })
  const items = page.items.filter((m) => (upcoming ? m.endAt >= now : m.endAt < now))
  return { items: await Promise.all(items.map((m) => eventView(runtime, caller, m, now))), next: page.next }
}

export async function myTickets(runtime: Runtime, caller: Caller, input: PageInput, now: number): Promise<Page<EventView>> {
  const page = await runtime.store
    .collection<SignupDoc>(SIGNUPS)
    .find({ openid: caller.openid, status: { $in: ['held', 'confirmed', 'waitlisted', 'offered', 'attended'] } }, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  const events = await Promise.all(page.items.map((s) => runtime.store.collection<EventDoc>(EVENTS).get(s.eventId)))
  return { items: await Promise.all(events.filter((m): m is EventDoc => m !== null).map((m) => eventView(runtime, caller, m, now))), next: page.next }
}

/**
 * 退款并取消报名: the host refunds an event order and frees its seat in the
 * same transaction (the signup is cancelled, its ticket no longer admits);
 * the waitlist moves up. (仅退款 keeps the seat: membership.refundOrder.)
 */
export async function refundAndCancelSeat(runtime: Runtime, input: HostRefundInput): Promise<OrderView> {
  const order = await loadOrder(runtime, input.orderId)
  const seat = kindOf(order) === SEAT_KIND ? seatOf(order) : null
  if (!seat || !seat.signupId || !seat.eventId) throw new AppError('INVALID_INPUT', '只有活动订单可以同时取消报名', 'cancelSignup')
  const signupKey = seat.signupId
  const now = runtime.clock.now()
  const { begun, freed } = await runtime.store.transaction(async (tx) => {
    const begun = (await beginRefund(tx, order._id, { amountFen: input.amountFen, outRefundNo: refundNoFor(order._id, input.requestId), endsAccess: false, now, purpose: 'host' }))!
    const signups = tx.collection<SignupDoc>(SIGNUPS)
    const signup = await signups.get(signupKey)
    const seated = signup !== null && signup.orderId === order._id && ['held', 'offered', 'confirmed'].includes(signup.status)
    if (seated) {
      await signups.set({ ...signup, status: 'cancelled', payBefore: null, waitlistedAt: null, updatedAt: now })
      await releaseSeat(tx, signup.eventId)
    }
    return { begun, freed: seated }
  })
  const after = await finishRefund(runtime, begun, input.reason)
  if (freed) await promoteFromWaitlist(runtime, seat.eventId)
  return orderViewAfterRefund(runtime, order._id, { order: after ?? undefined })
}
