// The delegating half of a play's order kind when the order buys another
// capability's item (a plan, an event seat, a mall item): the order as its
// target's own kind sees it, granted through that kind (the plan kind extends
// the membership, the seat kind confirms a seat, growth/paid-redemption records
// the mall redemption) and taken back through it; the money goes back when the
// thing could not be given. Each play's kind composes these with its own books.
import type { Transaction } from '../../../ports/store'
import { grantPaidMallItem, revokePaidMallItem } from '../../growth/paid-redemption'
import { SIGNUPS, type SignupDoc } from '../../events/event'
import { releaseSeat } from '../../events/seats'
import { SEAT_KIND, seatOrderKind, type SeatItem } from '../../events/seat-order'
import { PLAN_KIND, planItem, planOrderKind } from '../../membership/plan-order'
import { flagPayment } from '../../orders/flagged-payments'
import { registerOrderKind, type AfterCommit, type Fulfilment, type OrderDescription, type OrderKind, type RefundSettled } from '../../orders/kinds'
import type { OrderDoc, OrderItem, PaidOrder } from '../../orders/order'
import { refundOrderById } from '../../orders/refunds'
import type { MallTargetItem } from './target'

export type SoldTargetOptions = {
  /** The play's order item's target (what the order buys, in its capability's own shape). */
  targetOf: (order: Pick<OrderDoc, 'item'>) => OrderItem
  /** The play's short tag: the prefix of its mall redemptions' ids (`<tag>:<orderId>`) and its name in the server log. */
  tag: string
  /** When set, a seat the event could not give is refunded by the play with this reason (not by the seat kind). */
  seatFullReason?: string
}

export type SoldTarget = {
  /** The same order as its target's own kind sees it. */
  asTarget: <T extends Omit<OrderDoc, 'status'>>(order: T) => T
  /** Gives what the order buys (or, when it cannot be given, sends the money back after the commit). */
  fulfilTarget: (tx: Transaction, order: PaidOrder, now: number) => Promise<Fulfilment>
  /** Takes back what the order was given. */
  refundTarget: (tx: Transaction, refund: RefundSettled) => Promise<void>
}

/** The money goes back when the thing could not be given (the event or the mall ran out), and the host sees why. */
function refundUngiven(order: Pick<OrderDoc, '_id' | 'transactionId' | 'amountFen' | 'refundedFen'>, reason: string, tag: string): AfterCommit {
  return async (runtime) => {
    await flagPayment(runtime, { outTradeNo: order._id, transactionId: order.transactionId, kind: 'noseat' }, `${reason}，已自动退款`, order.amountFen, order.amountFen)
    await refundOrderById(runtime, { orderId: order._id, amountFen: order.amountFen - order.refundedFen, requestId: 'ungiven', reason, purpose: 'noSeat' }).catch((error) =>
      console.error(`[${tag}] refund failed`, error)
    )
  }
}

export function soldTarget(options: SoldTargetOptions): SoldTarget {
  const { targetOf, tag } = options
  const asTarget = <T extends Omit<OrderDoc, 'status'>>(order: T): T => ({ ...order, item: targetOf(order) })
  const mallRedemptionId = (orderId: string) => `${tag}:${orderId}`

  async function fulfilTarget(tx: Transaction, order: PaidOrder, now: number): Promise<Fulfilment> {
    const target = targetOf(order)
    if (target.kind === PLAN_KIND) return planOrderKind.fulfil(tx, asTarget(order), now)
    if (target.kind === SEAT_KIND) {
      // The seat kind confirms a signup it finds, taking a seat when one is free: the buyer's signup is made
      // (or reopened) without a seat, and the seat kind's own rule takes it, or sends the money back when full.
      const seat = target as unknown as SeatItem
      const signups = tx.collection<SignupDoc>(SIGNUPS)
      const existing = await signups.get(seat.signupId)
      if (existing && ['held', 'offered', 'confirmed', 'attended'].includes(existing.status)) return { afterCommit: refundUngiven(order, '你已报名该活动', tag) }
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
      if (!options.seatFullReason) return done
      return { item: done.item, afterCommit: done.afterCommit ? refundUngiven(order, options.seatFullReason, tag) : undefined }
    }
    const mall = target as unknown as MallTargetItem
    const granted = await grantPaidMallItem(tx, { openid: order.openid, itemId: mall.itemId, redemptionId: mallRedemptionId(order._id), address: mall.address, now })
    return granted === 'granted' ? {} : { afterCommit: refundUngiven(order, '商品已兑完', tag) }
  }

  async function refundTarget(tx: Transaction, refund: RefundSettled): Promise<void> {
    const { order } = refund
    const target = targetOf(order)
    if (target.kind === PLAN_KIND) return planOrderKind.onRefunded?.(tx, { ...refund, order: asTarget(order) })
    if (target.kind === SEAT_KIND) {
      const seat = target as unknown as SeatItem
      const signups = tx.collection<SignupDoc>(SIGNUPS)
      const signup = await signups.get(seat.signupId)
      if (!signup || signup.orderId !== order._id || (signup.status !== 'confirmed' && signup.status !== 'held')) return
      await signups.set({ ...signup, status: 'cancelled', payBefore: null, updatedAt: refund.now })
      await releaseSeat(tx, seat.eventId)
      return
    }
    await revokePaidMallItem(tx, mallRedemptionId(order._id), refund.now)
  }

  return { asTarget, fulfilTarget, refundTarget }
}

/** What every play's item that sells a target carries: the play's title for it and the target itself. */
export type SoldItem<K extends string = string> = {
  kind: K
  title: string
  /** What the order buys, as its own capability words it (a plan item, a seat item, a mall item). */
  target: OrderItem
}

/** A play's item that the member holds a claim for (one unit of a sale, one seat of a group): the claim, and whether the member joined the community for this play (the host's 拉新 count). */
export type ClaimedItem<K extends string = string> = SoldItem<K> & {
  claimId: string
  newMember: boolean
}

/** How an order of a play describes itself: 「秒杀·<title>」, the play's page, the target's label (and its circle or event unless `bare`). */
export function describeSold(kindName: string, item: SoldItem, page: string, bare = false): OrderDescription {
  const base = { title: `${kindName}·${item.title}`, page, firstPaymentFact: { kind: item.kind, title: item.title } }
  return { ...base, ...describeTarget(item.target, bare) }
}

export type SoldKindOptions<I extends SoldItem> = Omit<SoldTargetOptions, 'targetOf'> & {
  kind: I['kind']
  /** The play's name in Chinese: the coupon label, and the order title's prefix (秒杀·…). */
  couponLabel: string
  /** The play's page for this order's item. */
  page(item: I): string
  /** Inside the settling transaction, after the target was given: the play's own books for a paid order. */
  paid(tx: Transaction, order: PaidOrder, item: I, now: number): Promise<void>
  /** Inside the refund's settling transaction, after the target was taken back (a refund in full or ending access only). */
  refunded(tx: Transaction, refund: RefundSettled, item: I): Promise<void>
  /** Inside the closing transaction: what the unpaid order held in the play (a unit, the bargain's open order). */
  closed(tx: Transaction, order: OrderDoc, item: I, now: number): Promise<void>
}

/**
 * Registers the order kind of a play that sells its target when paid (秒杀, 砍价): the target is given and taken
 * back through its own kind, and the play keeps only its books (`paid`, `refunded`, `closed`).
 */
export function registerSoldKind<I extends SoldItem>(options: SoldKindOptions<I>): OrderKind {
  const { kind, couponLabel } = options
  const itemOf = (order: Pick<OrderDoc, 'item'>): I => order.item as unknown as I
  const { fulfilTarget, refundTarget } = soldTarget({ ...options, targetOf: (order) => itemOf(order).target })
  return registerOrderKind({
    kind,
    couponLabel,
    describe: (order) => describeSold(couponLabel, itemOf(order), options.page(itemOf(order))),
    async fulfil(tx, order, now) {
      const item = itemOf(order)
      const fulfilment = await fulfilTarget(tx, order, now)
      await options.paid(tx, order, item, now)
      return { ...fulfilment, item: { ...item, target: fulfilment.item ?? item.target } }
    },
    async onRefunded(tx, refund) {
      if (!refund.full && !refund.endsAccess) return
      await refundTarget(tx, refund)
      await options.refunded(tx, refund, itemOf(refund.order))
    },
    onClosed: (tx, order, _reason, now) => options.closed(tx, order, itemOf(order), now)
  })
}

/**
 * What the order page shows of the target: its label, and (unless `bare`) the plan's circle fields or the
 * event, so the page links to them. `bare` leaves the circle fields out (a paid group seat is not yet a membership).
 */
export function describeTarget(target: OrderItem, bare = false): Pick<OrderDescription, 'label'> & Partial<OrderDescription> {
  if (target.kind === PLAN_KIND) {
    const plan = target as unknown as ReturnType<typeof planItem>
    return bare ? { label: plan.planName } : { label: plan.planName, circleId: plan.circleId, planId: plan.planId, days: plan.days }
  }
  if (target.kind === SEAT_KIND) return { label: '活动报名', eventId: (target as unknown as SeatItem).eventId }
  return { label: '积分商城' }
}
