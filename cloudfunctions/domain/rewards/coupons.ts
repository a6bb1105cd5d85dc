// Coupons. A campaign's stock is a guarded counter claimed in the same
// transaction as the member's coupon (one per member per campaign). An order
// locks its coupon in the transaction that creates it; payment marks it used;
// closing the order unpaid or refunding it in full returns it.
import { randomUUID } from 'node:crypto'
import type { CampaignInput, CampaignView, CouponScope, CouponView, MyCouponsInput } from '../../../types/coupons'
import type { Page, PageInput } from '../../../types/page'
import type { Transaction } from '../../ports/store'
import { isConflict } from '../../ports/store'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'

export const CAMPAIGNS = COLLECTIONS.campaigns.name
export const COUPONS = COLLECTIONS.coupons.name

export interface CampaignDoc extends CampaignInput {
  _id: string
  claimed: number
  createdAt: number
}

export interface CouponDoc {
  _id: string // `${campaignId}:${openid}`
  campaignId: string
  openid: string
  status: 'available' | 'locked' | 'used'
  orderId: string | null
  claimedAt: number
}

function couponView(coupon: CouponDoc, campaign: CampaignDoc, now: number): CouponView {
  const { _id: _c, claimed: _n, createdAt: _t, stock: _s, ...terms } = campaign
  const expired = coupon.status === 'available' && now > campaign.validTo
  return { ...terms, id: coupon._id, campaignId: campaign._id, status: expired ? 'expired' : coupon.status, orderId: coupon.orderId }
}

export async function createCampaign(runtime: Runtime, input: CampaignInput, now: number): Promise<CampaignView> {
  if (input.validTo <= input.validFrom) throw new AppError('INVALID_INPUT', '有效期结束需晚于开始', 'validTo')
  if (input.kind === 'amountOff' && input.amountOffFen <= 0) throw new AppError('INVALID_INPUT', '请填写减免金额', 'amountOffFen')
  if (input.kind === 'percentOff' && (input.percentOff < 1 || input.percentOff > 99)) throw new AppError('INVALID_INPUT', '折扣需在 1%–99% 之间', 'percentOff')
  if (input.appliesTo.length === 0) throw new AppError('INVALID_INPUT', '请选择适用范围', 'appliesTo')
  const doc: CampaignDoc = { ...input, _id: randomUUID(), claimed: 0, createdAt: now }
  await runtime.store.collection<CampaignDoc>(CAMPAIGNS).insert(doc)
  return { ...(({ _id, createdAt: _t, ...rest }) => ({ ...rest, id: _id }))(doc), claimedByMe: false }
}

export async function listCampaigns(runtime: Runtime, caller: Caller, input: PageInput): Promise<Page<CampaignView>> {
  const page = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).find({}, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  const mine = await Promise.all(page.items.map((c) => runtime.store.collection<CouponDoc>(COUPONS).get(`${c._id}:${caller.openid}`)))
  return { items: page.items.map(({ _id, createdAt: _t, ...rest }, i) => ({ ...rest, id: _id, claimedByMe: mine[i] !== null })), next: page.next }
}

/** Claims one coupon: never more than the stock, one per member. */
export async function claimCoupon(runtime: Runtime, caller: Caller, campaignId: string, now: number): Promise<CouponView> {
  const id = `${campaignId}:${caller.openid}`
  try {
    await runtime.store.transaction(async (tx) => {
      const campaigns = tx.collection<CampaignDoc>(CAMPAIGNS)
      const campaign = await campaigns.get(campaignId)
      if (!campaign) throw errors.notFound('优惠券活动')
      if (now > campaign.validTo) throw new AppError('CHECKIN_CLOSED', '活动已结束')
      if (await tx.collection<CouponDoc>(COUPONS).get(id)) return
      if (campaign.claimed >= campaign.stock) throw new AppError('OUT_OF_STOCK', '优惠券已领完')
      await campaigns.update(campaignId, { inc: { claimed: 1 } })
      await tx.collection<CouponDoc>(COUPONS).insert({ _id: id, campaignId, openid: caller.openid, status: 'available', orderId: null, claimedAt: now })
    })
  } catch (error) {
    if (!isConflict(error)) throw error
  }
  const [coupon, campaign] = await Promise.all([runtime.store.collection<CouponDoc>(COUPONS).get(id), runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(campaignId)])
  return couponView(coupon!, campaign!, now)
}

export async function myCoupons(runtime: Runtime, caller: Caller, input: MyCouponsInput, now: number): Promise<Page<CouponView>> {
  const page = await runtime.store.collection<CouponDoc>(COUPONS).find({ openid: caller.openid }, { sort: [['claimedAt', 'desc']], limit: 20, after: input.after })
  const campaigns = await Promise.all(page.items.map((c) => runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(c.campaignId)))
  const views = page.items.map((c, i) => couponView(c, campaigns[i]!, now))
  return { items: input.usableFor ? views.filter((v) => v.status === 'available' && v.appliesTo.includes(input.usableFor!) && v.validFrom <= now) : views, next: page.next }
}

/** Inside the order's transaction: checks the coupon, locks it to the order, and returns the discount. */
export async function lockCoupon(tx: Transaction, couponId: string, openid: string, scope: CouponScope, amountFen: number, orderId: string, now: number): Promise<number> {
  const coupons = tx.collection<CouponDoc>(COUPONS)
  const coupon = await coupons.get(couponId)
  if (!coupon || coupon.openid !== openid) throw new AppError('NOT_FOUND', '优惠券不存在', 'couponId')
  if (coupon.status !== 'available') throw new AppError('CONFLICT', '这张优惠券已被使用')
  const campaign = (await tx.collection<CampaignDoc>(CAMPAIGNS).get(coupon.campaignId))!
  if (now < campaign.validFrom || now > campaign.validTo) throw new AppError('INVALID_INPUT', '优惠券不在有效期内', 'couponId')
  if (!campaign.appliesTo.includes(scope)) throw new AppError('INVALID_INPUT', scope === 'event' ? '这张优惠券不能用于活动报名' : '这张优惠券不能用于会员', 'couponId')
  if (amountFen < campaign.minSpendFen) throw new AppError('INVALID_INPUT', `满 ¥${(campaign.minSpendFen / 100).toFixed(2)} 可用`, 'couponId')
  const off = campaign.kind === 'amountOff' ? campaign.amountOffFen : Math.floor((amountFen * campaign.percentOff) / 100)
  // WeChat Pay takes at least 1 fen; a coupon never makes an order free.
  const discount = Math.min(off, amountFen - 1)
  await coupons.update(couponId, { set: { status: 'locked', orderId } })
  return discount
}

export async function markCouponUsed(tx: Transaction, couponId: string | null | undefined, orderId: string): Promise<void> {
  if (!couponId) return
  await tx.collection<CouponDoc>(COUPONS).updateIf(couponId, { orderId }, { set: { status: 'used' } })
}

/** The order closed unpaid or was refunded in full: the coupon goes back to the member. */
export async function returnCoupon(tx: Transaction, couponId: string | null | undefined, orderId: string): Promise<void> {
  if (!couponId) return
  await tx.collection<CouponDoc>(COUPONS).updateIf(couponId, { orderId }, { set: { status: 'available', orderId: null } })
}
