// The gift-card order kind. What a gift-card order buys is a claim card, not a
// membership: paying makes the card (unclaimed, refunded after 30 days if
// nobody claims it); the membership goes to whoever claims it (cards.ts). A
// refund of an unclaimed card takes back nothing (nothing was granted); a
// refund of a claimed one (only the host can make one) marks the card refunded
// and nothing else: the settling transaction is at its 8 operations, and the
// days are the claimer's (the host removes a member in 成员管理 when they mean to). Registered with the orders module
// from here (installed-kinds.ts).
import { FACTS, type FactDoc } from '../../facts/facts'
import { registerOrderKind } from '../../orders/kinds'
import type { OrderDoc } from '../../orders/order'
import { CLAIM_WINDOW_MS, GIFT_CARDS, GIFT_LOGS, claimPathOf, type GiftCardDoc, type GiftLogDoc } from './gift'

export const GIFT_KIND = 'giftCard'

export type GiftItem = {
  kind: typeof GIFT_KIND
  cardId: string
  circleId: string
  circleName: string
  planId: string
  planName: string
  days: number
  message: string
}

export const giftOf = (order: Pick<OrderDoc, 'item'>): GiftItem => order.item as unknown as GiftItem

/** The card a paid order makes (inside the settling transaction, once per order). */
export function newCard(order: Pick<OrderDoc, '_id' | 'openid' | 'amountFen' | 'item'>, now: number): GiftCardDoc {
  const item = giftOf(order)
  return {
    _id: item.cardId,
    orderId: order._id,
    buyer: order.openid,
    circleId: item.circleId,
    circleName: item.circleName,
    planId: item.planId,
    planName: item.planName,
    days: item.days,
    priceFen: order.amountFen,
    message: item.message,
    state: 'unclaimed',
    claimedBy: null,
    claimedAt: null,
    periodStart: null,
    periodEnd: null,
    newMember: false,
    expiresAt: now + CLAIM_WINDOW_MS,
    createdAt: now,
    updatedAt: now
  }
}

export const giftOrderKind = registerOrderKind({
  kind: GIFT_KIND,
  couponLabel: '礼品卡',
  describe(order) {
    const item = giftOf(order)
    return {
      title: `礼品卡·${item.circleName}`,
      label: item.planName,
      page: claimPathOf(item.cardId),
      firstPaymentFact: { kind: GIFT_KIND, title: `礼品卡·${item.circleName}` }
    }
  },
  async fulfil(tx, order, now) {
    // The order moves out of created in this transaction (settlement runs once per order), so the card, its fact and
    // its log line are new: plain inserts (7 operations with the settlement's own).
    const card = newCard(order, now)
    await tx.collection<GiftCardDoc>(GIFT_CARDS).insert(card)
    await tx.collection<FactDoc>(FACTS).insert(<FactDoc>{
      _id: `giftCard.purchased:${order._id}`,
      type: 'giftCard.purchased',
      openid: order.openid,
      refId: card._id,
      payload: { cardId: card._id, circleId: card.circleId, planId: card.planId, priceFen: card.priceFen },
      createdAt: now,
      processedAt: null,
      boards: 'pending'
    })
    await tx
      .collection<GiftLogDoc>(GIFT_LOGS)
      .insert({ _id: `bought:${card._id}`, kind: 'bought', openid: order.openid, cardId: card._id, text: `买了礼品卡：${card.circleName}·${card.planName}`, at: now })
    return {}
  },
  async onRefunded(tx, refund) {
    // 2 operations: the settling transaction already writes the refund, the order, payment.refunded and the notice.
    const { order, now } = refund
    if (!refund.full && !refund.endsAccess) return
    const cards = tx.collection<GiftCardDoc>(GIFT_CARDS)
    const card = await cards.get(giftOf(order).cardId)
    if (!card || card.orderId !== order._id || card.state === 'refunded') return
    await cards.set({ ...card, state: 'refunded', updatedAt: now })
  }
})
