// The bargain order kind. What a bargain order buys is another kind's item (a
// plan, an event seat) or a mall item, at the price the bargain had when the
// order opened: like the flash-sale kind, this kind delegates to that
// capability's own fulfilment and refund (../sold-target/target-order.ts: the
// plan kind extends the membership, the seat kind confirms a seat,
// growth/paid-redemption records the mall redemption) and keeps only the bargain's own books: the bargain's open
// order, paid, refunded. An unpaid order closing (its window, or the bargain's
// end, whichever is first; the orders module's close-unpaid timer) frees the
// bargain to open another order at its price then. Registered with the orders
// module from here (installed-kinds.ts), through the sold-target kind (registerSoldKind).
import { recordFact } from '../../facts/facts'
import { registerSoldKind, type SoldItem } from '../sold-target/target-order'
import { BARGAINS, BARGAIN_OPEN, BARGAIN_PAID, BARGAIN_REFUNDED, type BargainDoc } from './bargain'

export const BARGAIN_KIND = 'bargain'

export type BargainItem = SoldItem<typeof BARGAIN_KIND> & {
  bargainId: string
  campaignId: string
  /** Cuts taken when the order opened (its price is start − those cuts). */
  cuts: number
}

export const bargainOrderKind = registerSoldKind<BargainItem>({
  kind: BARGAIN_KIND,
  couponLabel: '砍价',
  tag: 'bargain',
  page: (item) => `packages/bargain/detail/index?id=${item.bargainId}`,
  async paid(tx, order, item, now) {
    // Field operations, conditional on this order: a friend's cut (a conditional update outside any transaction) is never overwritten.
    await tx.collection<BargainDoc>(BARGAINS).updateIf(item.bargainId, { orderId: order._id, status: BARGAIN_OPEN }, { set: { status: BARGAIN_PAID, paidFen: order.amountFen, updatedAt: now } })
    await recordFact(tx, {
      type: 'bargain.purchased',
      key: order._id,
      openid: order.openid,
      refId: item.bargainId,
      payload: { campaignId: item.campaignId, bargainId: item.bargainId, targetType: item.target.kind, priceFen: order.amountFen, cuts: item.cuts },
      at: now
    })
  },
  async refunded(tx, { order, now }, item) {
    await tx.collection<BargainDoc>(BARGAINS).updateIf(item.bargainId, { orderId: order._id, status: BARGAIN_PAID }, { set: { status: BARGAIN_REFUNDED, updatedAt: now } })
  },
  async closed(tx, order, item, now) {
    // Lapsed unpaid or cancelled: the bargain may open another order, at its price then.
    await tx.collection<BargainDoc>(BARGAINS).updateIf(item.bargainId, { orderId: order._id, status: 'open' }, { set: { orderId: null, orderFen: null, orderAt: null, updatedAt: now } })
  }
})
