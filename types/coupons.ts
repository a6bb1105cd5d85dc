// Coupons: amount off or percent off, a minimum spend, a validity window, for
// memberships and/or events; or a free event ticket. Claimed from a host's
// campaign (limited stock) or given as rewards (contest prizes). Applied by the
// server at order creation, one per order; a free ticket at signup.
import type { PageInput } from './page'

/** freeTicket: one event signup at no charge (events only; one event or any). */
export type CouponKind = 'amountOff' | 'percentOff' | 'freeTicket'
/** claim: members take one from the campaign list; reward: only given as a prize. */
export type CampaignChannel = 'claim' | 'reward'
export type CouponScope = 'membership' | 'event'

/** What a coupon gives and when, the same on its campaign and on every coupon claimed from it. */
export interface CouponTerms {
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
}

export interface CampaignInput extends CouponTerms {
  /** Coupons members can claim, or prizes that can be given. */
  stock: number
  /** Default claim. */
  channel?: CampaignChannel
  /** freeTicket only: the one event it admits to; absent or null for any event. */
  eventId?: string | null
}

export interface CampaignView extends CampaignInput {
  id: string
  claimed: number
  channel: CampaignChannel
  eventId: string | null
  /** freeTicket for one event: its title ('' if the event is gone); null otherwise. */
  eventTitle: string | null
  /** Whether the caller already holds one. */
  claimedByMe: boolean
  /** When the host stopped it (no more claims; coupons already claimed stay usable until they expire); null while it runs. */
  stoppedAt: number | null
}

/** The host's campaign list: what was claimed (including prizes set aside), used, and is left. */
export interface HostCampaignView extends CampaignView {
  used: number
  remaining: number
}

/** What a host may change on a campaign; absent fields stay. Stock never below what was claimed. */
export interface UpdateCampaignInput {
  campaignId: string
  name?: string
  validTo?: number
  stock?: number
  minSpendFen?: number
}

export type CouponStatus = 'available' | 'locked' | 'used' | 'expired'

export interface CouponView extends CouponTerms {
  id: string
  campaignId: string
  /** freeTicket: the one event it admits to, or null for any. */
  eventId: string | null
  /** That event's title ('' if the event is gone); null for any event. */
  eventTitle: string | null
  /** locked: held by an unpaid order; returned when it closes or is refunded. */
  status: CouponStatus
  orderId: string | null
}

export interface CampaignIdInput {
  campaignId: string
}
export interface MyCouponsInput extends PageInput {
  usableFor?: CouponScope
  /** With usableFor 'event': leaves out free tickets for other events. */
  eventId?: string
}
