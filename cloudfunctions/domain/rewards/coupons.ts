// Coupons. A campaign's stock is a guarded counter claimed in the same
// transaction as the member's coupon (one per member per campaign). An order
// locks its coupon in the transaction that creates it; payment marks it used;
// closing the order unpaid or refunding it in full returns it. Reward campaigns
// are not claimable: their coupons are given as prizes, one per prize key. A
// free ticket is used by the signup it admits, and comes back if that signup is
// cancelled.
import type { CampaignInput, CampaignView, CouponView, MyCouponsInput } from '../../../types/coupons'
import type { Page, PageInput } from '../../../types/page'
import type { Filter, Transaction } from '../../ports/store'
import { isConflict } from '../../ports/store'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { isManager } from '../../../types/roles'

export const CAMPAIGNS = COLLECTIONS.campaigns.name
export const COUPONS = COLLECTIONS.coupons.name

export interface CampaignDoc extends CampaignInput {
  _id: string
  claimed: number
  createdAt: number
  /** Stopped by the host: no more claims (absent or null: running). Claimed coupons stay usable until validTo. */
  stoppedAt?: number | null
  updatedAt?: number
}

export interface CouponDoc {
  _id: string // claimed: `${campaignId}:${openid}`; given (prize, mall): `${campaignId}:${openid}:${key}`
  campaignId: string
  openid: string
  status: 'available' | 'locked' | 'used'
  orderId: string | null
  claimedAt: number
}

/** The titles of the events free tickets are for, one read per distinct event. */
export async function eventTitles(runtime: Runtime, campaigns: Array<CampaignDoc | null>): Promise<Map<string, string>> {
  const ids = [...new Set(campaigns.map((c) => c?.eventId).filter((id): id is string => Boolean(id)))]
  const events = await Promise.all(ids.map((id) => runtime.store.collection<{ _id: string; title: string }>(COLLECTIONS.events.name).get(id)))
  return new Map(ids.map((id, i) => [id, events[i]?.title ?? '']))
}

function couponView(coupon: CouponDoc, campaign: CampaignDoc, titles: Map<string, string>, now: number): CouponView {
  const { _id: _c, claimed: _n, createdAt: _t, stock: _s, channel: _ch, eventId, stoppedAt: _st, updatedAt: _u, ...terms } = campaign
  const expired = coupon.status === 'available' && now > campaign.validTo
  return {
    ...terms,
    id: coupon._id,
    campaignId: campaign._id,
    eventId: eventId ?? null,
    eventTitle: eventId ? (titles.get(eventId) ?? '') : null,
    status: expired ? 'expired' : coupon.status,
    orderId: coupon.orderId
  }
}

export function campaignView(doc: CampaignDoc, claimedByMe: boolean, titles: Map<string, string>): CampaignView {
  const { _id, createdAt: _t, updatedAt: _u, ...rest } = doc
  return {
    ...rest,
    id: _id,
    channel: doc.channel ?? 'claim',
    eventId: doc.eventId ?? null,
    eventTitle: doc.eventId ? (titles.get(doc.eventId) ?? '') : null,
    claimedByMe,
    stoppedAt: doc.stoppedAt ?? null
  }
}

/** The signup a free ticket was used for stands where an order id would. */
export const freeTicketHolder = (signupId: string) => `signup:${signupId}`

/** Members see the campaigns they can claim; the host sees prize campaigns too. */
export async function listCampaigns(runtime: Runtime, caller: Caller, input: PageInput): Promise<Page<CampaignView>> {
  const filter: Filter = isManager(caller.role) ? {} : { channel: { $ne: 'reward' } }
  const page = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).find(filter, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  const mine = await Promise.all(page.items.map((c) => runtime.store.collection<CouponDoc>(COUPONS).get(`${c._id}:${caller.openid}`)))
  const titles = await eventTitles(runtime, page.items)
  const views = page.items.map((c, i) => campaignView(c, mine[i] !== null, titles))
  // A stopped campaign leaves the members' list (unless they hold one of its coupons).
  return { items: isManager(caller.role) ? views : views.filter((v) => !v.stoppedAt || v.claimedByMe), next: page.next }
}

/**
 * Inside a transaction: gives one coupon of a campaign (a contest prize, a
 * points-mall redemption), once per key, while the campaign's stock lasts.
 * Answers what happened.
 */
export async function issueCoupon(
  tx: Transaction,
  campaignId: string,
  openid: string,
  prizeKey: string,
  now: number,
  options: { reserved?: boolean } = {}
): Promise<'issued' | 'already' | 'outOfStock' | 'expired' | 'missing'> {
  const id = `${campaignId}:${openid}:${prizeKey}`
  const coupons = tx.collection<CouponDoc>(COUPONS)
  if (await coupons.get(id)) return 'already'
  const campaigns = tx.collection<CampaignDoc>(CAMPAIGNS)
  const campaign = await campaigns.get(campaignId)
  if (!campaign) return 'missing'
  if (now > campaign.validTo) return 'expired'
  // A reserved coupon (a contest prize) was counted out of the stock when the contest was made.
  if (!options.reserved) {
    // A stopped campaign gives no more (a prize set aside before it stopped is still given).
    if (campaign.stoppedAt || campaign.claimed >= campaign.stock) return 'outOfStock'
    await campaigns.update(campaignId, { inc: { claimed: 1 } })
  }
  await coupons.insert({ _id: id, campaignId, openid, status: 'available', orderId: null, claimedAt: now })
  return 'issued'
}

/** Claims one coupon: never more than the stock, one per member. */
export async function claimCoupon(runtime: Runtime, caller: Caller, campaignId: string, now: number): Promise<CouponView> {
  const id = `${campaignId}:${caller.openid}`
  try {
    await runtime.store.transaction(async (tx) => {
      const campaigns = tx.collection<CampaignDoc>(CAMPAIGNS)
      const campaign = await campaigns.get(campaignId)
      if (!campaign) throw errors.notFound('优惠券活动')
      if (campaign.channel === 'reward') throw new AppError('FORBIDDEN', '这张券只能通过奖励获得')
      if (now > campaign.validTo) throw new AppError('CHECKIN_CLOSED', '活动已结束')
      if (await tx.collection<CouponDoc>(COUPONS).get(id)) return
      // Read in the same transaction that counts the claim: a stop that lands first refuses it, one that lands after conflicts and the claim re-runs.
      if (campaign.stoppedAt) throw new AppError('CHECKIN_CLOSED', '活动已停止领取')
      if (campaign.claimed >= campaign.stock) throw new AppError('OUT_OF_STOCK', '优惠券已领完')
      await campaigns.update(campaignId, { inc: { claimed: 1 } })
      await tx.collection<CouponDoc>(COUPONS).insert({ _id: id, campaignId, openid: caller.openid, status: 'available', orderId: null, claimedAt: now })
    })
  } catch (error) {
    if (!isConflict(error)) throw error
  }
  const [coupon, campaign] = await Promise.all([runtime.store.collection<CouponDoc>(COUPONS).get(id), runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(campaignId)])
  return couponView(coupon!, campaign!, await eventTitles(runtime, [campaign]), now)
}

export async function myCoupons(runtime: Runtime, caller: Caller, input: MyCouponsInput, now: number): Promise<Page<CouponView>> {
  const page = await runtime.store.collection<CouponDoc>(COUPONS).find({ openid: caller.openid }, { sort: [['claimedAt', 'desc']], limit: 20, after: input.after })
  const campaigns = await Promise.all(page.items.map((c) => runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(c.campaignId)))
  const titles = await eventTitles(runtime, campaigns)
  const views = page.items.map((c, i) => couponView(c, campaigns[i]!, titles, now))
  const usable = (v: CouponView) => v.status === 'available' && v.appliesTo.includes(input.usableFor!) && v.validFrom <= now && (v.eventId === null || v.eventId === input.eventId)
  return { items: input.usableFor ? views.filter(usable) : views, next: page.next }
}

/**
 * Inside a transaction: sets coupons of campaigns aside (prizes of a contest),
 * so the winners always get theirs; refuses when a campaign has too few left.
 */
export async function reserveCoupons(tx: Transaction, counts: Map<string, number>, place: (campaignId: string) => string): Promise<void> {
  const campaigns = tx.collection<CampaignDoc>(CAMPAIGNS)
  for (const [campaignId, count] of counts) {
    const campaign = await campaigns.get(campaignId)
    if (!campaign) throw new AppError('NOT_FOUND', '奖品券不存在', place(campaignId))
    if (campaign.stoppedAt) throw new AppError('CONFLICT', `「${campaign.name}」已停止发放`, place(campaignId))
    const left = campaign.stock - campaign.claimed
    if (left < count) throw new AppError('OUT_OF_STOCK', `「${campaign.name}」只剩 ${left} 张，不够 ${count} 个名次`, place(campaignId))
    await campaigns.update(campaignId, { inc: { claimed: count } })
  }
}

/** Puts back coupons set aside for prizes nobody won (fewer winners than places). */
export async function releaseCoupon(tx: Transaction, campaignId: string): Promise<void> {
  const campaigns = tx.collection<CampaignDoc>(CAMPAIGNS)
  const campaign = await campaigns.get(campaignId)
  if (campaign && campaign.claimed > 0) await campaigns.update(campaignId, { inc: { claimed: -1 } })
}

/** Inside the signup's transaction: checks a free ticket for this event and marks it used by the signup. */
export async function useFreeTicket(tx: Transaction, couponId: string, openid: string, eventId: string, signupId: string, now: number): Promise<void> {
  const coupons = tx.collection<CouponDoc>(COUPONS)
  const coupon = await coupons.get(couponId)
  if (!coupon || coupon.openid !== openid) throw new AppError('NOT_FOUND', '优惠券不存在', 'couponId')
  if (coupon.status !== 'available') throw new AppError('CONFLICT', '这张免费票已被使用')
  const campaign = (await tx.collection<CampaignDoc>(CAMPAIGNS).get(coupon.campaignId))!
  if (campaign.kind !== 'freeTicket') throw new AppError('INVALID_INPUT', '这不是免费票', 'couponId')
  if (now < campaign.validFrom || now > campaign.validTo) throw new AppError('INVALID_INPUT', '免费票不在有效期内', 'couponId')
  if (campaign.eventId && campaign.eventId !== eventId) throw new AppError('INVALID_INPUT', '这张免费票不能用于这个活动', 'couponId')
  await coupons.update(couponId, { set: { status: 'used', orderId: freeTicketHolder(signupId) } })
}

/** Whether a coupon is a free ticket (decides the signup's path before its transaction). */
export async function isFreeTicket(runtime: Runtime, couponId: string): Promise<boolean> {
  const coupon = await runtime.store.collection<CouponDoc>(COUPONS).get(couponId)
  const campaign = coupon ? await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(coupon.campaignId) : null
  return campaign?.kind === 'freeTicket'
}

// An order's coupon (locked when it is made, used when it is paid, back when it closes unpaid) is the
// orders module's business: pricing there applies it. Re-exported for the callers that import it from here.
export { lockCoupon, markCouponUsed, returnCoupon } from '../orders/order-coupons'
