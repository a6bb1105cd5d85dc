// What a group-buy seat buys, granted and taken back through that thing's own
// order kind (a plan of a circle extends the membership, an event seat confirms
// a signup): the seat's order as its target's kind sees it. A seat is granted
// once its group is full (settle.ts), one small transaction per seat.
import type { Transaction } from '../../../ports/store'
import type { Runtime } from '../../../platform/runtime'
import { SIGNUPS, signupId, type SignupDoc } from '../../events/event'
import { releaseSeat } from '../../events/seats'
import { SEAT_KIND, seatOrderKind, type SeatItem } from '../../events/seat-order'
import { PLAN_KIND, planItem, planOrderKind } from '../../membership/plan-order'
import { flagPayment } from '../../orders/flagged-payments'
import type { AfterCommit, RefundSettled } from '../../orders/kinds'
import { ORDERS, type OrderDoc, type OrderItem, type PaidOrder } from '../../orders/order'
import { refundOrderById } from '../../orders/refunds'
import { GROUP_SEATS, type GroupBuyDoc, type SeatDoc } from './group'

export const GROUP_KIND = 'groupBuy'

export type GroupItem = {
  kind: typeof GROUP_KIND
  campaignId: string
  groupId: string
  seatId: string
  claimId: string
  /** 0: the starter. */
  n: number
  title: string
  newMember: boolean
  /** What the seat buys, as its own capability words it (a plan item, a seat item). */
  target: OrderItem
}

export const groupOf = (order: Pick<OrderDoc, 'item'>): GroupItem => order.item as unknown as GroupItem

/** The item a seat of this campaign buys, in its capability's own shape. */
export function targetItem(campaign: GroupBuyDoc, openid: string): OrderItem {
  const t = campaign.target
  if (t.type === 'plan') return planItem({ circleId: t.circleId, circleName: t.circleName, planId: t.planId, planName: t.planName, days: t.days })
  return { kind: SEAT_KIND, eventId: t.eventId, signupId: signupId(t.eventId, openid), title: t.eventTitle } satisfies SeatItem
}

/** The same order as its target's own kind sees it. */
const asTarget = <T extends Omit<OrderDoc, 'status'>>(order: T): T => ({ ...order, item: groupOf(order).target })

/** The money goes back when the thing could not be given with the group (the event filled, the member signed up already). */
function refundUngiven(order: Pick<OrderDoc, '_id' | 'transactionId' | 'amountFen' | 'refundedFen'>, reason: string): AfterCommit {
  return async (runtime) => {
    await flagPayment(runtime, { outTradeNo: order._id, transactionId: order.transactionId, kind: 'noseat' }, `${reason}，已自动退款`, order.amountFen, order.amountFen)
    await refundOrderById(runtime, { orderId: order._id, amountFen: order.amountFen - order.refundedFen, requestId: 'ungiven', reason, purpose: 'noSeat' }).catch((error) =>
      console.error('[group] refund failed', error)
    )
  }
}

/**
 * Grants one paid seat of a completed group what it buys, in one transaction
 * (the seat, the order, and the target's own documents); once per seat (the
 * seat moves paid → granted here). Returns work for after the commit.
 */
export async function grantSeat(runtime: Runtime, seatId: string): Promise<void> {
  const now = runtime.clock.now()
  let after: AfterCommit | undefined
  await runtime.store.transaction(async (tx) => {
    after = undefined
    const seats = tx.collection<SeatDoc>(GROUP_SEATS)
    const seat = await seats.get(seatId)
    if (!seat || seat.state !== 'paid' || !seat.orderId) return
    const orders = tx.collection<OrderDoc>(ORDERS)
    const order = await orders.get(seat.orderId)
    if (!order || order.status !== 'fulfilled') return
    const item = groupOf(order)
    const given = await fulfilTarget(tx, { ...order, status: 'paid' }, now)
    await seats.set({ ...seat, state: 'granted' })
    if (given.item) await orders.set({ ...order, item: { ...item, target: given.item } })
    after = given.afterCommit
  })
  if (after) await (after as AfterCommit)(runtime)
}

async function fulfilTarget(tx: Transaction, order: PaidOrder, now: number): Promise<{ item?: OrderItem; afterCommit?: AfterCommit }> {
  const target = groupOf(order).target
  if (target.kind === PLAN_KIND) {
    const done = await planOrderKind.fulfil(tx, asTarget(order), now)
    return { item: done.item }
  }
  // The seat kind confirms a signup it finds, taking a seat when one is free (else the money goes back).
  const seat = target as unknown as SeatItem
  const signups = tx.collection<SignupDoc>(SIGNUPS)
  const existing = await signups.get(seat.signupId)
  if (existing && ['held', 'offered', 'confirmed', 'attended'].includes(existing.status)) return { afterCommit: refundUngiven(order, '你已报名该活动') }
  await signups.set({
    _id: seat.signupId,
    eventId: seat.eventId,
    openid: order.openid,
    status: 'expired',
    priceFen: order.amountFen,
    payBefore: null,
    orderId: order._id,
    waitlistedAt: null,
    attendedAt: null,
    couponId: null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now
  })
  const done = await seatOrderKind.fulfil(tx, asTarget(order), now)
  return { item: done.item, afterCommit: done.afterCommit ? refundUngiven(order, '活动名额已满') : undefined }
}

export async function refundTarget(tx: Transaction, refund: RefundSettled): Promise<void> {
  const { order } = refund
  const target = groupOf(order).target
  if (target.kind === PLAN_KIND) return planOrderKind.onRefunded?.(tx, { ...refund, order: asTarget(order) })
  const seat = target as unknown as SeatItem
  const signups = tx.collection<SignupDoc>(SIGNUPS)
  const signup = await signups.get(seat.signupId)
  if (!signup || signup.orderId !== order._id || (signup.status !== 'confirmed' && signup.status !== 'held')) return
  await signups.set({ ...signup, status: 'cancelled', payBefore: null, updatedAt: refund.now })
  await releaseSeat(tx, seat.eventId)
}
