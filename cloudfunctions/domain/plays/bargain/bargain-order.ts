// The bargain order kind. What a bargain order buys is another kind's item (a
// plan, an event seat) or a mall item, at the price the bargain had when the
// order opened: like the flash-sale kind, this kind delegates to that
// capability's own fulfilment and refund (the plan kind extends the
// membership, the seat kind confirms a seat, growth/paid-redemption records the
// mall redemption) and keeps only the bargain's own books: the bargain's open
// order, paid, refunded. An unpaid order closing (its window, or the bargain's
// end, whichever is first; the orders module's close-unpaid timer) frees the
// bargain to open another order at its price then. Registered with the orders
// module from here (installed-kinds.ts).
import type { ShippingAddress } from '../../../../types/growth'
import type { Transaction } from '../../../ports/store'
import { recordFact } from '../../facts/facts'
import { grantPaidMallItem, revokePaidMallItem } from '../../growth/paid-redemption'
import { SIGNUPS, signupId, type SignupDoc } from '../../events/event'
import { releaseSeat } from '../../events/seats'
import { SEAT_KIND, seatOrderKind, type SeatItem } from '../../events/seat-order'
import { PLAN_KIND, planItem, planOrderKind } from '../../membership/plan-order'
import { flagPayment } from '../../orders/flagged-payments'
import { registerOrderKind, type AfterCommit, type Fulfilment, type RefundSettled } from '../../orders/kinds'
import type { OrderDoc, OrderItem, PaidOrder } from '../../orders/order'
import { refundOrderById } from '../../orders/refunds'
import { BARGAINS, type BargainDoc } from './bargain'

export const BARGAIN_KIND = 'bargain'
export const MALL_TARGET = 'mall'

export type MallTargetItem = { kind: typeof MALL_TARGET; itemId: string; itemName: string; address: ShippingAddress | null }

export type BargainItem = {
  kind: typeof BARGAIN_KIND
  bargainId: string
  campaignId: string
  title: string
  /** Cuts taken when the order opened (its price is start − those cuts). */
  cuts: number
  /** What the order buys, as its own capability words it (a plan item, a seat item, a mall item). */
  target: OrderItem
}

export const bargainOf = (order: Pick<OrderDoc, 'item'>): BargainItem => order.item as unknown as BargainItem

/** The item a bargain's order buys, in its capability's own shape. */
export function targetItem(bargain: BargainDoc, address: ShippingAddress | null): OrderItem {
  const t = bargain.target
  if (t.type === 'plan') return planItem({ circleId: t.circleId, circleName: t.circleName, planId: t.planId, planName: t.planName, days: t.days })
  if (t.type === 'event') return { kind: SEAT_KIND, eventId: t.eventId, signupId: signupId(t.eventId, bargain.openid), title: t.eventTitle } satisfies SeatItem
  return { kind: MALL_TARGET, itemId: t.itemId, itemName: t.itemName, address } satisfies MallTargetItem
}

const asTarget = <T extends Omit<OrderDoc, 'status'>>(order: T): T => ({ ...order, item: bargainOf(order).target })
const mallRedemptionId = (orderId: string) => `bargain:${orderId}`

/** The money goes back when the thing could not be given at payment (the event or the mall ran out), and the host sees why. */
function refundUngiven(order: PaidOrder, reason: string): AfterCommit {
  return async (runtime) => {
    await flagPayment(runtime, { outTradeNo: order._id, transactionId: order.transactionId, kind: 'noseat' }, `${reason}，已自动退款`, order.amountFen, order.amountFen)
    await refundOrderById(runtime, { orderId: order._id, amountFen: order.amountFen, requestId: 'ungiven', reason, purpose: 'noSeat' }).catch((error) =>
      console.error('[bargain] refund failed', error)
    )
  }
}

async function fulfilTarget(tx: Transaction, order: PaidOrder, now: number): Promise<Fulfilment> {
  const target = bargainOf(order).target
  if (target.kind === PLAN_KIND) return planOrderKind.fulfil(tx, asTarget(order), now)
  if (target.kind === SEAT_KIND) {
    // As in the flash-sale kind: the buyer's signup is made (or reopened) without a seat, and the seat kind's own rule takes one, or sends the money back when full.
    const seat = target as unknown as SeatItem
    const signups = tx.collection<SignupDoc>(SIGNUPS)
    const existing = await signups.get(seat.signupId)
    if (existing && ['held', 'offered', 'confirmed', 'attended'].includes(existing.status)) return { afterCommit: refundUngiven(order, '你已报名该活动') }
    const signup: SignupDoc = {
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
    }
    await signups.set(signup)
    return seatOrderKind.fulfil(tx, asTarget(order), now)
  }
  const mall = target as unknown as MallTargetItem
  const granted = await grantPaidMallItem(tx, { openid: order.openid, itemId: mall.itemId, redemptionId: mallRedemptionId(order._id), address: mall.address, now })
  return granted === 'granted' ? {} : { afterCommit: refundUngiven(order, '商品已兑完') }
}

async function refundTarget(tx: Transaction, refund: RefundSettled): Promise<void> {
  const { order } = refund
  const target = bargainOf(order).target
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

export const bargainOrderKind = registerOrderKind({
  kind: BARGAIN_KIND,
  couponScope: 'bargain',
  couponLabel: '砍价',
  describe(order) {
    const item = bargainOf(order)
    const target = item.target
    const base = { title: `砍价·${item.title}`, page: `packages/bargain/detail/index?id=${item.bargainId}`, firstPaymentFact: { kind: BARGAIN_KIND, title: item.title } }
    if (target.kind === PLAN_KIND) {
      const plan = target as unknown as ReturnType<typeof planItem>
      return { ...base, label: plan.planName, circleId: plan.circleId, planId: plan.planId, days: plan.days }
    }
    if (target.kind === SEAT_KIND) return { ...base, label: '活动报名', eventId: (target as unknown as SeatItem).eventId }
    return { ...base, label: '积分商城' }
  },
  async fulfil(tx, order, now) {
    const item = bargainOf(order)
    const fulfilment = await fulfilTarget(tx, order, now)
    // Field operations, conditional on this order: a friend's cut (a conditional update outside any transaction) is never overwritten.
    await tx.collection<BargainDoc>(BARGAINS).updateIf(item.bargainId, { orderId: order._id, status: 'open' }, { set: { status: 'paid', paidFen: order.amountFen, updatedAt: now } })
    await recordFact(tx, {
      type: 'bargain.purchased',
      key: order._id,
      openid: order.openid,
      refId: item.bargainId,
      payload: { campaignId: item.campaignId, bargainId: item.bargainId, targetType: item.target.kind, priceFen: order.amountFen, cuts: item.cuts },
      at: now
    })
    return { ...fulfilment, item: { ...item, target: fulfilment.item ?? item.target } }
  },
  async onRefunded(tx, refund) {
    const { order, now } = refund
    if (!refund.full && !refund.endsAccess) return
    const item = bargainOf(order)
    await refundTarget(tx, refund)
    await tx.collection<BargainDoc>(BARGAINS).updateIf(item.bargainId, { orderId: order._id, status: 'paid' }, { set: { status: 'refunded', updatedAt: now } })
  },
  async onClosed(tx, order, _reason, now) {
    // Lapsed unpaid or cancelled: the bargain may open another order, at its price then.
    const item = bargainOf(order)
    await tx.collection<BargainDoc>(BARGAINS).updateIf(item.bargainId, { orderId: order._id, status: 'open' }, { set: { orderId: null, orderFen: null, orderAt: null, updatedAt: now } })
  }
})
