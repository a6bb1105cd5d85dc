// Growth: points (spendable, expire), growth value (never decreases, decides the
// tier), tiers with perks, and the points mall. Points are whole numbers.
import type { PageInput } from './page'

export type GrowthRule = 'checkinPosted' | 'streakReached' | 'challengeCompleted' | 'featuredByHost' | 'commentReceived' | 'eventAttended' | 'inviteActivated' | 'firstPayment' | 'testimonialConverted'

export interface RuleSetting {
  /** Points granted; for check-ins and streaks the challenge's own figure is used when it sets one. 0 switches the rule off. */
  points: number
  /** Growth value granted. */
  growth: number
  /** Most points this rule grants one member per China day; null for no cap. */
  dailyCap: number | null
}

export type RuleSettings = Record<GrowthRule, RuleSetting>

export interface TierPerks {
  /** Percent off event fees, 0–100. */
  eventDiscountPercent: number
  /** Free make-up cards granted each China month. */
  monthlyMakeupCards: number
  /** Badge text shown on the member's check-ins ('' for none). */
  badge: string
}

export interface Tier {
  level: number
  name: string
  /** Growth value needed. */
  minGrowth: number
  perks: TierPerks
}

export interface GrowthSettings {
  rules: RuleSettings
  tiers: Tier[]
  /** Months after which a grant of points expires (0: never). */
  pointsExpireMonths: number
}

export interface GrowthSummary {
  points: number
  growth: number
  tier: Tier
  nextTier: Tier | null
  /** Growth still needed for the next tier (0 at the top). */
  growthToNext: number
  /** Points expiring within the next 30 days. */
  expiringSoon: number
  /** Make-up cards from the mall or tier perks, usable in any challenge. */
  makeupCards: number
  /** A tier reached and not yet celebrated in the app (shown once). */
  celebrateTier: Tier | null
  tiers: Tier[]
}

export interface LedgerEntryView {
  id: string
  rule: GrowthRule | 'manual' | 'redeem' | 'expire' | 'revoke' | 'refund'
  /** Chinese description, e.g. 打卡「21 天减脂打卡」. */
  reason: string
  points: number
  growth: number
  createdAt: number
}

export type Segment = 'kol' | 'core' | 'ordinary' | 'silent'

export interface MemberSegmentView {
  openid: string
  nickname: string
  avatarUrl: string
  growth: number
  tierLevel: number
  activeDays30: number
  segment: Segment
}

/** coupon: redeeming gives one coupon (or free event ticket) of a host's campaign. */
export type MallItemKind = 'makeupCard' | 'physical' | 'virtual' | 'coupon'

export interface MallItemInput {
  /** 1–40 characters. */
  name: string
  description: string
  imageFileId: string
  kind: MallItemKind
  /** Price in points, 1–1,000,000. */
  pricePoints: number
  /** Units available. */
  stock: number
  /** Only members at or above this tier level may redeem (1 for everyone). */
  minTierLevel: number
  /** Most each member may redeem (0 for no limit). */
  perMemberLimit: number
  /** kind coupon: the campaign whose coupon a redemption gives. */
  couponCampaignId?: string | null
}

export interface MallItem extends MallItemInput {
  id: string
  imageUrl: string
  active: boolean
  redeemedCount: number
}

export interface ShippingAddress {
  name: string
  phone: string
  address: string
}

export type RedemptionStatus = 'done' | 'awaitingShipment' | 'shipped'

export interface RedemptionView {
  id: string
  itemId: string
  itemName: string
  kind: MallItemKind
  pricePoints: number
  status: RedemptionStatus
  address: ShippingAddress | null
  trackingNo: string
  member: { openid: string; nickname: string }
  createdAt: number
}

// ---- inputs ----
export type LedgerInput = PageInput
export interface RedeemInput {
  itemId: string
  /** A key the app makes per tap, so a retried request redeems once. */
  requestId: string
  address?: ShippingAddress
}
export interface AdjustPointsInput {
  memberOpenid: string
  /** Positive grants, negative deducts; never zero. */
  points: number
  /** 1–100 characters, shown to the member. */
  reason: string
  /** A key per adjustment, so a retried request applies once. */
  requestId: string
}
export interface UpdateGrowthSettingsInput {
  rules?: Partial<RuleSettings>
  tiers?: Tier[]
  pointsExpireMonths?: number
}
export interface UpdateMallItemInput extends Partial<MallItemInput> {
  itemId: string
  active?: boolean
}
export interface ListRedemptionsInput extends PageInput {
  status?: RedemptionStatus
}
export interface ShipRedemptionInput {
  redemptionId: string
  trackingNo: string
}
export interface SegmentsInput extends PageInput {
  segment?: Segment
}
