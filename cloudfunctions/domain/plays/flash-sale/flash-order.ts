// The flash-sale order kind. What a flash-sale order buys is another kind's
// item (a plan, an event seat) or a mall item, bought at the sale's price: this
// kind delegates to that capability's own fulfilment and refund
// (../sold-target/target-order.ts: the plan kind extends the membership, the
// seat kind confirms a seat, the mall records the redemption) and keeps only
// the sale's own books: the unit's slot and the member's claim. An unpaid order closing (5 minutes, the orders module's
// close-unpaid timer) frees its unit for the next buyer. A refund takes back
// what the order granted; the unit goes back on sale only while the sale has
// not ended. Registered with the orders module from here (installed-kinds.ts), through
// the sold-target kind (registerSoldKind).
import { recordFact } from '../../facts/facts'
import { registerSoldKind, type ClaimedItem } from '../sold-target/target-order'
import { FLASH_CLAIMS, FLASH_SLOTS, type FlashClaimDoc, type FlashSlotDoc } from './sale'

export const FLASH_KIND = 'flashSale'

export type FlashItem = ClaimedItem<typeof FLASH_KIND> & {
  saleId: string
  slotId: string
  /** When the sale ends: a refund before it puts the unit back on sale, after it does not. */
  endAt: number
}

export const flashOrderKind = registerSoldKind<FlashItem>({
  kind: FLASH_KIND,
  couponLabel: '秒杀',
  tag: 'flash',
  page: (item) => `packages/flash-sale/detail/index?id=${item.saleId}`,
  async paid(tx, order, item, now) {
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
  },
  async refunded(tx, refund, item) {
    const { order, now } = refund
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
  async closed(tx, order, item, now) {
    // Lapsed unpaid (5 minutes) or cancelled: the unit is free for the next buyer, and the member may try again.
    const slots = tx.collection<FlashSlotDoc>(FLASH_SLOTS)
    const slot = await slots.get(item.slotId)
    if (slot && slot.orderId === order._id && (slot.state === 'held' || slot.state === 'ordered')) await slots.set({ ...slot, state: 'free', orderId: null, openid: null, heldAt: null })
    const claims = tx.collection<FlashClaimDoc>(FLASH_CLAIMS)
    const claim = await claims.get(item.claimId)
    if (claim && claim.orderId === order._id && claim.state === 'held') await claims.set({ ...claim, state: 'released', updatedAt: now })
  }
})
