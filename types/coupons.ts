// Coupons: amount off or percent off, a minimum spend, a validity window, for
// memberships and/or events. Claimed from a host's campaign (limited stock) or
// given as rewards. Applied by the server at order creation, one per order.
import type { PageInput } from './page'

export type CouponKind = 'amountOff' | 'percentOff'
export type CouponScope = 'membership' | 'event'

export interface CampaignInput {
  /** 1–30 characters, e.g. 新人立减 20 元. */
  name: string
  kind: CouponKind
  /** For amountOff, in fen. */
  amountOffFen: number
  /** For percentOff, 1–99 (% off). */
  percentOff: number
  /** The order must be at least this much before the discount (fen). */
  minSpendFen: number
  validFrom: number
  validTo: number
  appliesTo: CouponScope[]
  /** Coupons members can claim. */
  stock: number
}

export interface CampaignView extends CampaignInput {
  id: string
  claimed: number
  /** Whether the caller already holds one. */
  claimedByMe: boolean
}

export type CouponStatus = 'available' | 'locked' | 'used' | 'expired'

export interface CouponView {
  id: string
  campaignId: string
  name: string
  kind: CouponKind
  amountOffFen: number
  percentOff: number
  minSpendFen: number
  validFrom: number
  validTo: number
  appliesTo: CouponScope[]
  /** locked: held by an unpaid order; returned when it closes or is refunded. */
  status: CouponStatus
  orderId: string | null
}

export interface CampaignIdInput { campaignId: string }
export interface MyCouponsInput extends PageInput { usableFor?: CouponScope }
