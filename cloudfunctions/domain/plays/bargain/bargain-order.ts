// The bargain order kind. What a bargain order buys is another kind's item (a
// plan, an event seat) or a mall item, at the price the bargain had when the
// order opened: like the flash-sale kind, this kind delegates to that
// capability's own fulfilment and refund (../sold-target/target-order.ts: the
// plan kind extends the membership, the seat kind confirms a seat,
// growth/paid-redemption records the mall redemption) and keeps only the bargain's own books: the bargain's open
// order, paid, refunded. An unpaid order closing (its window, or the bargain's
// end, whichever is first; the orders module's close-unpaid timer) frees the
// bargain to open another order at its price then. Registered with the orders
// module from here (installed-kinds.ts).
import { recordFact } from '../../facts/facts'
import { registerOrderKind } from '../../orders/kinds'
import type { OrderDoc, OrderItem } from '../../orders/order'
import { describeTarget, soldTarget } from '../sold-target/target-order'
import { BARGAINS, BARGAIN_OPEN, BARGAIN_PAID, BARGAIN_REFUNDED, type BargainDoc } from './bargain'

export const BARGAIN_KIND = 'bargain'

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

const { fulfilTarget, refundTarget } = soldTarget({ targetOf: (order) => bargainOf(order).target, mallPrefix: 'bargain', log: 'bargain' })

export const bargainOrderKind = registerOrderKind({
  kind: BARGAIN_KIND,
  couponScope: 'bargain',
  couponLabel: '砍价',
  describe(order) {
    const item = bargainOf(order)
    const base = { title: `砍价·${item.title}`, page: `packages/bargain/detail/index?id=${item.bargainId}`, firstPaymentFact: { kind: BARGAIN_KIND, title: item.title } }
    return { ...base, ...describeTarget(item.target) }
  },
  async fulfil(tx, order, now) {
    const item = bargainOf(order)
    const fulfilment = await fulfilTarget(tx, order, now)
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
    return { ...fulfilment, item: { ...item, target: fulfilment.item ?? item.target } }
  },
  async onRefunded(tx, refund) {
    const { order, now } = refund
    if (!refund.full && !refund.endsAccess) return
    const item = bargainOf(order)
    await refundTarget(tx, refund)
    await tx.collection<BargainDoc>(BARGAINS).updateIf(item.bargainId, { orderId: order._id, status: BARGAIN_PAID }, { set: { status: BARGAIN_REFUNDED, updatedAt: now } })
  },
  async onClosed(tx, order, _reason, now) {
    // Lapsed unpaid or cancelled: the bargain may open another order, at its price then.
    const item = bargainOf(order)
    await tx.collection<BargainDoc>(BARGAINS).updateIf(item.bargainId, { orderId: order._id, status: 'open' }, { set: { orderId: null, orderFen: null, orderAt: null, updatedAt: now } })
  }
})
