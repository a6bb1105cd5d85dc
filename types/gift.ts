// 送 gifts (cloud function `fission`, domain/plays/gift): the invitee's welcome
// gift (host-set: a coupon, trial days of a circle, or make-up cards; the
// inviter's reward stays on activation), and gift memberships (礼品卡): a member
// buys a plan of a paid circle for someone else and shares a claim card; the
// first WeChat user to claim it gets the membership; unclaimed cards are
// refunded after 30 days; a card is claimed once, ever.
import type { ClientPaymentView } from './membership'
import type { Page } from './page'

/** What a member who joins through an invite gets, as the host set it. */
export type WelcomeGift = { type: 'none' } | { type: 'coupon'; campaignId: string } | { type: 'trial'; circleId: string; days: number } | { type: 'makeupCard'; count: number }

export type WelcomeGiftType = Exclude<WelcomeGift['type'], 'none'>

export interface SetWelcomeGiftInput {
  welcome: WelcomeGift
}

/** The welcome gift a member got for joining through an invite (null when none). */
export interface MyWelcomeGiftView {
  type: WelcomeGiftType
  /** In words: 「新人礼券·满50减10」, 「减脂私教营 7 天体验」, 「补签卡 ×2」. */
  title: string
  inviterName: string
  grantedAt: number
}

export interface BuyGiftCardInput {
  circleId: string
  planId: string
  /** A few words for the friend (0–40 characters), on the card. */
  message?: string
}

export interface BuyGiftCardResult {
  orderId: string
  cardId: string
  amountFen: number
  payBefore: number
  payment: ClientPaymentView
  /** The member's open order for this plan answered again (a second tap). */
  resumed: boolean
}

export interface GiftCardIdInput {
  cardId: string
}

/** unclaimed 待领取; claimed 已被 X 领取; refunding 退款中; refunded 已退款 (unclaimed for 30 days, or by the host). */
export type GiftCardState = 'unclaimed' | 'claimed' | 'refunding' | 'refunded'

/** What the card page shows the caller: may they claim it, and if not why. */
export type GiftCardStanding = 'claimable' | 'mine' | 'claimedByYou' | 'claimedByOther' | 'expired' | 'refunded'

export interface GiftCardView {
  id: string
  circleId: string
  circleName: string
  planName: string
  days: number
  priceFen: number
  message: string
  buyerName: string
  buyerAvatarUrl: string
  state: GiftCardState
  /** Who claimed it (its nickname), when claimed. */
  claimedByName: string | null
  claimedAt: number | null
  /** Unclaimed by then: refunded to the buyer. */
  expiresAt: number
  createdAt: number
  standing: GiftCardStanding
  /** The mini-program path of the claim link (without the leading slash). */
  claimPath: string
}

export interface GiftPlanOption {
  circleId: string
  circleName: string
  planId: string
  planName: string
  days: number
  priceFen: number
}

export interface GiftMeasures {
  /** Cards paid for (any state). */
  sold: number
  claimed: number
  /** Paid, not yet claimed nor refunded. */
  unclaimed: number
  refunded: number
  /** Paid for cards not refunded (claimed or waiting), in fen. */
  revenueFen: number
  /** Claimers who had never been members of the card's circle. */
  newMembers: number
  /** Members who joined through an invite and got the welcome gift. */
  welcomed: number
}

export interface HostGiftView {
  welcome: WelcomeGift
  /** The welcome gift in words (「未设置」 when none). */
  welcomeTitle: string
  measures: GiftMeasures
}

export type GiftLogKind = 'bought' | 'claimed' | 'refused' | 'refunded' | 'welcomed' | 'welcomeFailed'

/** The host's log of what happened with gifts (abuse attempts included). */
export interface GiftLogView {
  id: string
  kind: GiftLogKind
  at: number
  memberName: string
  text: string
}

export interface GiftLogsInput {
  after?: string | null
  /** cards (default): purchases, claims, refusals, refunds; welcomes: the welcome gifts given (or not) to invitees. */
  source?: 'cards' | 'welcomes'
}

export type GiftCardPage = Page<GiftCardView>
export type GiftLogPage = Page<GiftLogView>
