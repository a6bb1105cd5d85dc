// The flash-sale order kind. What a flash-sale order buys is another kind's
// item (a plan, an event seat) or a mall item, bought at the sale's price: this
// kind delegates to that capability's own fulfilment and refund
// (../sold-target/target-order.ts: the plan kind extends the membership, the
// seat kind confirms a seat, the mall records the redemption) and keeps only
// the sale's own books: the unit's slot and the member's claim. An unpaid order closing (5 minutes, the orders module's
// close-unpaid timer) frees its unit for the next buyer. A refund takes back
// what the order granted; the unit goes back on sale only while the sale has
// not ended. Registered with the orders module from here (installed-kinds.ts).
import { recordFact } from '../../facts/facts'
import { registerOrderKind } from '../../orders/kinds'
import type { OrderDoc, OrderItem } from '../../orders/order'
import { describeTarget, soldTarget } from '../sold-target/target-order'
import { FLASH_CLAIMS, FLASH_SLOTS, type FlashClaimDoc, type FlashSlotDoc } from './sale'

export const FLASH_KIND = 'flashSale'

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

const { fulfilTarget, refundTarget } = soldTarget({ targetOf: (order) => flashOf(order).target, mallPrefix: 'flash', log: 'flash' })

export const flashOrderKind = registerOrderKind({
  kind: FLASH_KIND,
  couponScope: 'flashSale',
  couponLabel: '秒杀',
  describe(order) {
    const item = flashOf(order)
    const base = { title: `秒杀·${item.title}`, page: `packages/flash-sale/detail/index?id=${item.saleId}`, firstPaymentFact: { kind: FLASH_KIND, title: item.title } }
    return { ...base, ...describeTarget(item.target) }
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
