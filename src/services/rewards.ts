import type { CampaignIdInput, CampaignInput, CampaignView, CouponKind, CouponScope, CouponStatus, CouponView, HostCampaignView, MyCouponsInput, UpdateCampaignInput } from '../../types/coupons'
import type { Page, PageInput } from '../../types/page'
import { chinaTime } from '../utils/china-time'
import { formatFen } from '../utils/format'
import { callFunction } from './api'

// Coupon campaigns and a member's coupons: every rewards call the pages make,
// named and typed from types/coupons (pages call these, never callFunction).

export function fetchCampaigns(input: PageInput): Promise<Page<CampaignView>> {
  return callFunction('rewards', 'campaigns', input)
}

export function claimCoupon(input: CampaignIdInput): Promise<CouponView> {
  return callFunction('rewards', 'claimCoupon', input)
}

export function fetchMyCoupons(input: MyCouponsInput): Promise<Page<CouponView>> {
  return callFunction('rewards', 'myCoupons', input)
}

export function createCampaign(input: CampaignInput): Promise<CampaignView> {
  return callFunction('rewards', 'createCampaign', input)
}

export const HOST_CAMPAIGNS_KEY = 'rewards.hostCampaigns'

/** The host's list: every campaign with claimed / used / remaining. */
export function fetchHostCampaigns(input: PageInput): Promise<Page<HostCampaignView>> {
  return callFunction('rewards', 'hostCampaigns', input)
}

export function updateCampaign(input: UpdateCampaignInput): Promise<HostCampaignView> {
  return callFunction('rewards', 'updateCampaign', input)
}

/** No more claims; coupons already claimed stay usable until they expire. */
export function stopCampaign(input: CampaignIdInput): Promise<HostCampaignView> {
  return callFunction('rewards', 'stopCampaign', input)
}

// Coupon wording and the expected discount, shared by the picker and the
// rewards pages. The server prices the order; this only predicts it.

type Terms = Pick<CouponView, 'kind' | 'amountOffFen' | 'percentOff' | 'minSpendFen'>

/** ¥50 for whole yuan, ¥19.90 otherwise. */
export function yuanLabel(fen: number): string {
  return fen % 100 === 0 ? `¥${fen / 100}` : formatFen(fen)
}

/** 15 (% off) → 8.5 折. */
export function zheLabel(percentOff: number): string {
  return `${String((100 - percentOff) / 10)} 折`
}

/** The big figure on a coupon: ¥20 / 8.5 折 / 免费. */
export function faceLabel(terms: Pick<Terms, 'kind' | 'amountOffFen' | 'percentOff'>): string {
  if (terms.kind === 'freeTicket') return '免费'
  return terms.kind === 'amountOff' ? yuanLabel(terms.amountOffFen) : zheLabel(terms.percentOff)
}

/** 满 ¥50 减 ¥20 / 立减 ¥20 / 8.5 折 / 满 ¥100 享 8.5 折 / 免费报名一次活动. */
export function ruleLabel(terms: Terms): string {
  if (terms.kind === 'freeTicket') return '免费报名一次活动'
  if (terms.kind === 'amountOff') {
    return terms.minSpendFen > 0 ? `满 ${yuanLabel(terms.minSpendFen)} 减 ${yuanLabel(terms.amountOffFen)}` : `立减 ${yuanLabel(terms.amountOffFen)}`
  }
  return terms.minSpendFen > 0 ? `满 ${yuanLabel(terms.minSpendFen)} 享 ${zheLabel(terms.percentOff)}` : zheLabel(terms.percentOff)
}

export const KIND_LABEL: Record<CouponKind, string> = { amountOff: '满减', percentOff: '折扣', freeTicket: '免费活动票' }
export const SCOPE_LABEL: Record<CouponScope, string> = { membership: '会员', event: '活动' }

/** 会员、活动可用 */
export function scopeLabel(appliesTo: CouponScope[]): string {
  return `${appliesTo.map((s) => SCOPE_LABEL[s]).join('、')}可用`
}

/** Where a free ticket admits: 任意活动可用, 限「周末徒步」, or 指定活动可用 while the title is unknown. */
export function ticketScopeLabel(eventId: string | null, eventTitle?: string): string {
  if (!eventId) return '任意活动可用'
  return eventTitle ? `限「${eventTitle}」` : '指定活动可用'
}

/** 2026.11.01–2026.12.31, China time. */
export function validityLabel(validFrom: number, validTo: number): string {
  return `${chinaTime(validFrom).format('YYYY.MM.DD')}–${chinaTime(validTo).format('YYYY.MM.DD')}`
}

export const STATUS_LABEL: Record<CouponStatus, string> = { available: '可使用', locked: '待支付占用', used: '已使用', expired: '已过期' }

/**
 * Expected discount on a list price: a free ticket takes the whole price (the
 * signup is free); amountOff is capped at price − 1 fen, percentOff rounded
 * down; 0 below the minimum spend.
 */
export function discountFen(terms: Terms, priceFen: number): number {
  if (terms.kind === 'freeTicket') return Math.max(0, priceFen)
  if (priceFen <= 1 || priceFen < terms.minSpendFen) return 0
  const off = terms.kind === 'amountOff' ? terms.amountOffFen : Math.floor((priceFen * terms.percentOff) / 100)
  return Math.max(0, Math.min(off, priceFen - 1))
}

/** Cache key of the member's coupons (all, or usable for one scope, and for one event: free tickets differ by event). */
export const myCouponsKey = (scope?: CouponScope, eventId?: string) => `rewards.myCoupons.${scope ?? 'all'}${eventId ? `.${eventId}` : ''}`
export const CAMPAIGNS_KEY = 'rewards.campaigns'
