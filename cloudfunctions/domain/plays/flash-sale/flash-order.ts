// The flash-sale order kind. What a flash-sale order buys is another kind's
// item (a plan, an event seat) or a mall item, bought at the sale's price: this
// kind delegates to that capability's own fulfilment and refund (the plan kind
// extends the membership, the seat kind confirms a seat, the mall records the
// redemption) and keeps only the sale's own books: the unit's slot and the
// member's claim. An unpaid order closing (5 minutes, the orders module's
// close-unpaid timer) frees its unit for the next buyer. A refund takes back
// what the order granted; the unit goes back on sale only while the sale has
// not ended. Registered with the orders module from here (installed-kinds.ts).
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
import { FLASH_CLAIMS, FLASH_SLOTS, type FlashClaimDoc, type FlashSaleDoc, type FlashSlotDoc } from './sale'

export const FLASH_KIND = 'flashSale'
export const MALL_TARGET = 'mall'

export type MallTargetItem = { kind: typeof MALL_TARGET; itemId: string; itemName: string; address: ShippingAddress | null }

export type FlashItem = {
  kind: typeof FLASH_KIND
  saleId: string
  slotId: string
  claimId: string
  title: string
  /** When the sale ends: a refund before it puts the unit back on sale, after it does not. */
  endAt: number
  newMember: boolean
  /** What the order buys, as its own capability words it (a plan item, a seat item, a mall item). */
  target: OrderItem
}

export const flashOf = (order: Pick<OrderDoc, 'item'>): FlashItem => order.item as unknown as FlashItem

/** The item an order of this sale buys, in its capability's own shape. */
export function targetItem(sale: FlashSaleDoc, openid: string, address: ShippingAddress | null): OrderItem {
  const t = sale.target
  if (t.type === 'plan') return planItem({ circleId: t.circleId, circleName: t.circleName, planId: t.planId, planName: t.planName, days: t.days })
  if (t.type === 'event') return { kind: SEAT_KIND, eventId: t.eventId, signupId: signupId(t.eventId, openid), title: t.eventTitle } satisfies SeatItem
  return { kind: MALL_TARGET, itemId: t.itemId, itemName: t.itemName, address } satisfies MallTargetItem
}

/** The same order as its target's own kind sees it. */
const asTarget = <T extends Omit<OrderDoc, 'status'>>(order: T): T => ({ ...order, item: flashOf(order).target })
const mallRedemptionId = (orderId: string) => `flash:${orderId}`

/** The money goes back when the thing could not be given at payment (the event or the mall ran out), and the host sees why. */
function refundUngiven(order: PaidOrder, reason: string): AfterCommit {
  return async (runtime) => {
    await flagPayment(runtime, { outTradeNo: order._id, transactionId: order.transactionId, kind: 'noseat' }, `${reason}，已自动退款`, order.amountFen, order.amountFen)
    await refundOrderById(runtime, { orderId: order._id, amountFen: order.amountFen, requestId: 'ungiven', reason, purpose: 'noSeat' }).catch((error) => console.error('[flash] refund failed', error))
  }
}

async function fulfilTarget(tx: Transaction, order: PaidOrder, now: number): Promise<Fulfilment> {
  const target = flashOf(order).target
  if (target.kind === PLAN_KIND) return planOrderKind.fulfil(tx, asTarget(order), now)
  if (target.kind === SEAT_KIND) {
    // The seat kind confirms a signup it finds, taking a seat when one is free: the buyer's signup is made
    // (or reopened) without a seat, and the seat kind's own rule takes it, or sends the money back when full.
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
  const target = flashOf(order).target
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

export const flashOrderKind = registerOrderKind({
  kind: FLASH_KIND,
  couponScope: 'flashSale',
  couponLabel: '秒杀',
  describe(order) {
    const item = flashOf(order)
    const target = item.target
    const base = { title: `秒杀·${item.title}`, page: `packages/flash-sale/detail/index?id=${item.saleId}`, firstPaymentFact: { kind: FLASH_KIND, title: item.title } }
    if (target.kind === PLAN_KIND) {
      const plan = target as unknown as ReturnType<typeof planItem>
      return { ...base, label: plan.planName, circleId: plan.circleId, planId: plan.planId, days: plan.days }
    }
    if (target.kind === SEAT_KIND) return { ...base, label: '活动报名', eventId: (target as unknown as SeatItem).eventId }
    return { ...base, label: '积分商城' }
  },
  async fulfil(tx, order, now) {
    const item = flashOf(order)
    const fulfilment = await fulfilTarget(tx, order, now)
    const claims = tx.collection<FlashClaimDoc>(FLASH_CLAIMS)
    const claim = await claims.get(item.claimId)
    if (claim && claim.orderId === order._id) await claims.set({ ...claim, state: 'paid', updatedAt: now })
    await recordFact(tx, {
      type: 'flashSale.purchased',
      key: order._id,
      openid: order.openid,
      refId: item.saleId,
      payload: { saleId: item.saleId, targetType: item.target.kind, priceFen: order.amountFen, newMember: item.newMember },
      at: now
    })
    return { ...fulfilment, item: { ...item, target: fulfilment.item ?? item.target } }
  },
  async onRefunded(tx, refund) {
    const { order, now } = refund
    if (!refund.full && !refund.endsAccess) return
    const item = flashOf(order)
    await refundTarget(tx, refund)
    const claims = tx.collection<FlashClaimDoc>(FLASH_CLAIMS)
    const claim = await claims.get(item.claimId)
    if (claim && claim.orderId === order._id) await claims.set({ ...claim, state: 'refunded', updatedAt: now })
    // Back on sale only while the sale runs, and not when the thing itself ran out (the next buyer would meet the same).
    const slots = tx.collection<FlashSlotDoc>(FLASH_SLOTS)
    const slot = await slots.get(item.slotId)
    if (!slot || slot.orderId !== order._id) return
    const back = now < item.endAt && refund.purpose !== 'noSeat'
    await slots.set(back ? { ...slot, state: 'free', orderId: null, openid: null, heldAt: null } : { ...slot, state: 'refunded' })
  },
  async onClosed(tx, order, _reason, now) {
    // Lapsed unpaid (5 minutes) or cancelled: the unit is free for the next buyer, and the member may try again.
    const item = flashOf(order)
    const slots = tx.collection<FlashSlotDoc>(FLASH_SLOTS)
    const slot = await slots.get(item.slotId)
    if (slot && slot.orderId === order._id && (slot.state === 'held' || slot.state === 'ordered')) await slots.set({ ...slot, state: 'free', orderId: null, openid: null, heldAt: null })
    const claims = tx.collection<FlashClaimDoc>(FLASH_CLAIMS)
    const claim = await claims.get(item.claimId)
    if (claim && claim.orderId === order._id && claim.state === 'held') await claims.set({ ...claim, state: 'released', updatedAt: now })
  }
})
