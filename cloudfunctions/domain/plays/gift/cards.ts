// 礼品卡 gift memberships, the member's side:
//   buy    a plan of a paid circle for someone else: an order of kind giftCard
//          through the orders module (one open order per member per plan);
//          paying it makes the card (gift-order.ts);
//   claim  one transaction on the card by id: unclaimed and not expired →
//          claimed by the caller, the claimer's membership extended by the
//          plan's days, and the fact, all or nothing. Two claimers at once both
//          write the card, so the store's write conflict re-runs the later one,
//          which then finds it claimed: a card is claimed once, ever. The buyer
//          cannot claim their own card; a card the timer began refunding is no
//          longer unclaimed, so it can never be both refunded and claimed.
import type { BuyGiftCardInput, BuyGiftCardResult, GiftCardStanding, GiftCardView, GiftPlanOption } from '../../../../types/gift'
import type { Page, PageInput } from '../../../../types/page'
import { AppError, errors } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import { authorsOf } from '../../checkin/views'
import { CIRCLES } from '../../circles/access'
import type { CircleDoc } from '../../membership/circle'
import { loadCircle } from '../../membership/circle'
import { CIRCLE_MEMBERS, extendMembership, membershipId, type CircleMemberDoc } from '../../membership/membership'
import { assertMayBuy, assertNotBlocked } from '../../crm/circles'
import { openOrder } from '../../orders/open-order'
import { FACTS, type FactDoc } from '../../facts/facts'
import { GIFT_KIND, giftOf, type GiftItem } from './gift-order'
import { GIFT_CARDS, GIFT_SETTINGS, MAX_PRICES, WELCOME_ID, claimPathOf, loadCard, loadGiftSettings, logGift, newCardId, type GiftCardDoc, type GiftSettingsDoc } from './gift'

/** Cards on the member's page. */
const MY_PAGE = 10

function standingOf(card: GiftCardDoc, openid: string, now: number): GiftCardStanding {
  if (card.state === 'refunded' || card.state === 'refunding') return 'refunded'
  if (card.state === 'claimed') return card.claimedBy === openid ? 'claimedByYou' : card.buyer === openid ? 'mine' : 'claimedByOther'
  if (card.buyer === openid) return 'mine'
  return now >= card.expiresAt ? 'expired' : 'claimable'
}

/** Cards as the caller sees them: one read of the buyers' and claimers' names (2 requests). */
export async function cardViews(runtime: Runtime, cards: GiftCardDoc[], openid: string, now: number): Promise<GiftCardView[]> {
  const authors = await authorsOf(runtime, [...new Set(cards.flatMap((c) => [c.buyer, ...(c.claimedBy ? [c.claimedBy] : [])]))])
  return cards.map((card) => {
    const buyer = authors.get(card.buyer)
    return {
      id: card._id,
      circleId: card.circleId,
      circleName: card.circleName,
      planName: card.planName,
      days: card.days,
      priceFen: card.priceFen,
      message: card.message,
      buyerName: buyer?.nickname ?? '',
      buyerAvatarUrl: buyer?.avatarUrl ?? '',
      state: card.state,
      claimedByName: card.claimedBy ? (authors.get(card.claimedBy)?.nickname ?? '') : null,
      claimedAt: card.claimedAt,
      expiresAt: card.expiresAt,
      createdAt: card.createdAt,
      standing: standingOf(card, openid, now),
      claimPath: claimPathOf(card._id)
    }
  })
}

/** The plans a member may give: those of the paid circles on show (1 request). */
export async function giftPlans(runtime: Runtime): Promise<GiftPlanOption[]> {
  const circles = await runtime.store.collection<CircleDoc>(CIRCLES).find({ archived: false }, { sort: [['createdAt', 'desc']], limit: 20 })
  return circles.items
    .filter((c) => c.kind !== 'free')
    .flatMap((c) => c.plans.map((p) => ({ circleId: c._id, circleName: c.name, planId: p.id, planName: p.name, days: p.days, priceFen: p.priceFen })))
}

/** Revenue is counted per price: the settings remember each price a card sold at (a write only when a price is new). */
async function rememberPrice(runtime: Runtime, priceFen: number, now: number): Promise<void> {
  const settingsDocs = runtime.store.collection<GiftSettingsDoc>(GIFT_SETTINGS)
  const settings = await loadGiftSettings(runtime)
  if (settings.soldPrices.includes(priceFen)) return
  if (settings.soldPrices.length >= MAX_PRICES) {
    console.error('[gift] more card prices than the measures count by; revenue leaves out', priceFen)
    return
  }
  if (settings.updatedAt === 0) await settingsDocs.insert({ ...settings, _id: WELCOME_ID, updatedAt: now }).catch(() => undefined)
  await settingsDocs.update(WELCOME_ID, { push: { soldPrices: priceFen } })
}

export async function buyGiftCard(runtime: Runtime, caller: Caller, input: BuyGiftCardInput, now: number): Promise<BuyGiftCardResult> {
  const circle = await loadCircle(runtime, input.circleId)
  if (circle.kind === 'free') throw new AppError('INVALID_INPUT', '免费圈子不需要礼品卡', 'circleId')
  const plan = circle.plans.find((p) => p.id === input.planId)
  if (!plan) throw new AppError('NOT_FOUND', '套餐不存在', 'planId')
  // A member the host blocked from the circle does not buy into it, for anyone.
  await assertMayBuy(runtime, circle._id, caller.openid)
  const item: GiftItem = {
    kind: GIFT_KIND,
    cardId: newCardId(),
    circleId: circle._id,
    circleName: circle.name,
    planId: plan.id,
    planName: plan.name,
    days: plan.days,
    message: (input.message ?? '').trim()
  }
  const { order, payment, resumed } = await openOrder(runtime, {
    what: `gift:${circle._id}:${plan.id}`,
    item,
    openid: caller.openid,
    listPriceFen: plan.priceFen,
    description: () => `礼品卡·${circle.name}·${plan.name}`.slice(0, 120),
    now
  })
  if (!resumed) await rememberPrice(runtime, order.amountFen, now)
  return { orderId: order._id, cardId: giftOf(order).cardId, amountFen: order.amountFen, payBefore: order.payBefore, payment, resumed }
}

export async function myGiftCards(runtime: Runtime, caller: Caller, input: PageInput, now: number): Promise<Page<GiftCardView>> {
  const page = await runtime.store.collection<GiftCardDoc>(GIFT_CARDS).find({ buyer: caller.openid }, { sort: [['createdAt', 'desc']], limit: MY_PAGE, after: input.after })
  return { items: await cardViews(runtime, page.items, caller.openid, now), next: page.next }
}

export async function getGiftCard(runtime: Runtime, caller: Caller, cardId: string, now: number): Promise<GiftCardView> {
  const [view] = await cardViews(runtime, [await loadCard(runtime, cardId)], caller.openid, now)
  return view
}

type ClaimOutcome = { claimed: GiftCardDoc } | { already: GiftCardDoc } | { refused: AppError; card: GiftCardDoc; log: boolean }

export async function claimGiftCard(runtime: Runtime, caller: Caller, cardId: string, now: number): Promise<GiftCardView> {
  const me = caller.openid
  const outcome = await runtime.store.transaction<ClaimOutcome>(async (tx) => {
    const cards = tx.collection<GiftCardDoc>(GIFT_CARDS)
    const card = await cards.get(cardId)
    if (!card) throw errors.notFound('礼品卡')
    if (card.state === 'claimed') {
      if (card.claimedBy === me) return { already: card }
      return { refused: new AppError('CONFLICT', '礼品卡已被领取，每张卡只能领取一次'), card, log: true }
    }
    if (card.buyer === me) return { refused: new AppError('FORBIDDEN', '不能领取自己送出的礼品卡，分享给好友吧'), card, log: true }
    if (card.state !== 'unclaimed') return { refused: new AppError('CONFLICT', '礼品卡已过期，费用已退还给赠送人'), card, log: false }
    if (now >= card.expiresAt) return { refused: new AppError('CONFLICT', '礼品卡已过期，费用将退还给赠送人'), card, log: false }
    const members = tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
    const before = await members.get(membershipId(card.circleId, me))
    assertNotBlocked(before)
    // Read above: extendMembership reads it again through this small view (no second request).
    const period = await extendMembership({ get: async () => before, insert: (doc) => members.insert(doc), set: (doc) => members.set(doc) }, card.circleId, me, card.days, now, 'paid')
    const claimed: GiftCardDoc = { ...card, state: 'claimed', claimedBy: me, claimedAt: now, periodStart: period.start, periodEnd: period.end, newMember: before === null, updatedAt: now }
    await cards.set(claimed)
    // The card moved out of unclaimed in this transaction, so its fact is new: a plain insert.
    await tx.collection<FactDoc>(FACTS).insert(<FactDoc>{
      _id: `giftCard.claimed:${card._id}`,
      type: 'giftCard.claimed',
      openid: me,
      refId: card._id,
      payload: { cardId: card._id, buyer: card.buyer, circleId: card.circleId, newMember: before === null },
      createdAt: now,
      processedAt: null,
      boards: 'pending'
    })
    return { claimed }
  })
  if ('refused' in outcome) {
    if (outcome.log) {
      const why = outcome.card.buyer === me ? '试图领取自己送出的礼品卡' : '试图领取已被领取的礼品卡'
      await logGift(runtime, { kind: 'refused', openid: me, cardId: cardId, text: `${why}（${outcome.card.circleName}·${outcome.card.planName}）`, at: now }, `refused:${cardId}:${me}`)
    }
    throw outcome.refused
  }
  const card = 'claimed' in outcome ? outcome.claimed : outcome.already
  if ('claimed' in outcome) {
    await logGift(runtime, { kind: 'claimed', openid: me, cardId, text: `领取了礼品卡：${card.circleName}·${card.planName}${card.newMember ? '（新成员）' : ''}`, at: now }, `claimed:${cardId}`)
  }
  const [view] = await cardViews(runtime, [card], me, now)
  return view
}
