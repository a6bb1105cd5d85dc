// The event order kind: the fee for one seat. Paying confirms the held (or
// offered) seat, or takes one again if the hold lapsed and a seat is free;
// none free: the money goes back and the host sees why. An unpaid order that
// expires lets its seat hold go, and the waitlist moves up. Registered with
// the orders module (orders/kinds.ts) from here.
import type { Transaction } from '../../ports/store'
import { flagPayment } from '../orders/flagged-payments'
import { registerOrderKind } from '../orders/kinds'
import type { OrderDoc } from '../orders/order'
import { refundOrderById } from '../orders/refunds'
import { SIGNUPS, type SignupDoc } from './event'
import { promoteFromWaitlist, releaseSeat, takeSeat } from './seats'

export const SEAT_KIND = 'event'

export type SeatItem = {
  kind: typeof SEAT_KIND
  eventId: string
  signupId: string
  /** The event's title when the order was made. */
  title: string
}

/**
 * What an event order is for. Orders made before `item` existed kept these on
 * the order itself (the title in circleName): read from there, so old
 * documents need no migration.
 */
export function seatOf(order: Omit<OrderDoc, 'status'>): SeatItem {
  if (order.item?.kind === SEAT_KIND) return order.item as unknown as SeatItem
  return { kind: SEAT_KIND, eventId: order.eventId ?? '', signupId: order.signupId ?? '', title: order.circleName ?? '' }
}

/** Inside the payment's settling transaction: the paid seat is confirmed (or taken again, if its hold lapsed and one is free). */
async function confirmPaidSeat(tx: Transaction, orderId: string, seat: SeatItem, now: number): Promise<'confirmed' | 'noSeat'> {
  const signups = tx.collection<SignupDoc>(SIGNUPS)
  const signup = seat.signupId ? await signups.get(seat.signupId) : null
  if (!signup) return 'noSeat'
  if (signup.status === 'held' || signup.status === 'offered') {
    await signups.update(signup._id, { set: { status: 'confirmed', payBefore: null, orderId, updatedAt: now } })
    return 'confirmed'
  }
  if (signup.status === 'confirmed' || signup.status === 'attended') return 'confirmed'
  // The hold lapsed before the money arrived: take a seat again if one is free.
  if (await takeSeat(tx, signup.eventId)) {
    await signups.update(signup._id, { set: { status: 'confirmed', payBefore: null, waitlistedAt: null, orderId, updatedAt: now } })
    return 'confirmed'
  }
  return 'noSeat'
}

export const seatOrderKind = registerOrderKind({
  kind: SEAT_KIND,
  couponLabel: '活动报名',
  describe(order) {
    const seat = seatOf(order)
    return { title: seat.title, label: '活动报名', page: `packages/events/detail/index?id=${seat.eventId}`, firstPaymentFact: { kind: 'event', title: seat.title }, eventId: seat.eventId }
  },
  async fulfil(tx, order, now) {
    if ((await confirmPaidSeat(tx, order._id, seatOf(order), now)) === 'confirmed') return {}
    // Paid after the hold lapsed and the event filled up: the money goes back, and the host sees why.
    return {
      afterCommit: async (runtime) => {
        await flagPayment(runtime, { outTradeNo: order._id, transactionId: order.transactionId, kind: 'noseat' }, '付款时名额已满，已自动退款', order.amountFen, order.amountFen)
        await refundOrderById(runtime, { orderId: order._id, amountFen: order.amountFen, requestId: 'noseat', reason: '活动名额已满', purpose: 'noSeat' }).catch((error) =>
          console.error('[settle] refund failed', error)
        )
      }
    }
  },
  async onClosed(tx, order, reason, now) {
    // Only an order that lapsed lets the hold go: a replaced one hands the seat to its successor, and a
    // cancelled signup released its seat itself.
    if (reason !== 'expired') return
    const { signupId } = seatOf(order)
    const signups = tx.collection<SignupDoc>(SIGNUPS)
    const signup = signupId ? await signups.get(signupId) : null
    if (!signup || signup.orderId !== order._id || (signup.status !== 'held' && signup.status !== 'offered') || (signup.payBefore ?? 0) > now) return
    await signups.set({ ...signup, status: 'expired', payBefore: null, updatedAt: now })
    await releaseSeat(tx, signup.eventId)
    return async (runtime) => {
      await promoteFromWaitlist(runtime, signup.eventId)
    }
  }
})
