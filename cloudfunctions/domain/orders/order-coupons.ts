// A coupon on an order: locked to it when it is made (pricing.ts), used when
// it is paid, back to the member when it closes unpaid. The coupon documents
// are the rewards module's (rewards/coupons.ts); these are the moves an order
// makes on them.
import type { CampaignDoc, CouponDoc } from '../rewards/coupons'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Transaction } from '../../ports/store'

const CAMPAIGNS = COLLECTIONS.campaigns.name
const COUPONS = COLLECTIONS.coupons.name

/** Inside the order's transaction: checks the coupon applies to the order's kind (`scope`), locks it to the order, and returns the discount. */
export async function lockCoupon(tx: Transaction, couponId: string, openid: string, scope: { scope: string; label: string }, amountFen: number, orderId: string, now: number): Promise<number> {
  const coupons = tx.collection<CouponDoc>(COUPONS)
  const coupon = await coupons.get(couponId)
  if (!coupon || coupon.openid !== openid) throw new AppError('NOT_FOUND', '优惠券不存在', 'couponId')
  if (coupon.status !== 'available') throw new AppError('CONFLICT', '这张优惠券已被使用')
  const campaign = (await tx.collection<CampaignDoc>(CAMPAIGNS).get(coupon.campaignId))!
  if (now < campaign.validFrom || now > campaign.validTo) throw new AppError('INVALID_INPUT', '优惠券不在有效期内', 'couponId')
  if (!(campaign.appliesTo as string[]).includes(scope.scope)) throw new AppError('INVALID_INPUT', `这张优惠券不能用于${scope.label}`, 'couponId')
  if (campaign.kind === 'freeTicket') throw new AppError('INVALID_INPUT', '免费票请在报名时使用：取消待支付的名额后重新报名', 'couponId')
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
