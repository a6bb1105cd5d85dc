// Leaderboards, referral (invites) and invite contests.
import type { CouponKind } from './coupons'
import type { PageInput } from './page'

export type BoardKind = 'pointsWeek' | 'pointsMonth' | 'pointsAll' | 'challengeCheckins' | 'challengeStreak' | 'contestInvites'

export interface BoardInput {
  kind: BoardKind
  /** For challengeCheckins / challengeStreak. */
  challengeId?: string
  /** For contestInvites. */
  contestId?: string
  /** Weekly and monthly boards: this period or the one before (settled). */
  period?: 'current' | 'previous'
  /** Only members in their first 30 days, so newcomers can win too. */
  newcomers?: boolean
}

export interface BoardEntryView {
  /** Ties share a rank; among ties, whoever reached the score first is listed first. */
  rank: number
  openid: string
  nickname: string
  avatarUrl: string
  badge: string
  score: number
}

export interface BoardView {
  boardId: string
  title: string
  /** e.g. 11月23日–11月29日 (China time). */
  periodLabel: string
  /** The period is over and its rewards were granted. */
  settled: boolean
  /** Top 50. */
  entries: BoardEntryView[]
  /** The caller, wherever they are on the board; null when not on it. */
  me: BoardEntryView | null
  total: number
  /** Points for the top places when the period settles (index 0 = 1st). */
  rewards: number[]
  /** Invite contests: the coupon or free ticket given with each place's points (name), or null. */
  rewardCoupons: Array<string | null>
}

/** What the invite poster shows of the member: a check-in of theirs as a testimonial. */
export interface InvitePoster {
  photoUrl: string
  /** The check-in's words, at most 40 characters (… when cut). */
  quote: string
  /** The host featured it (精选). */
  featured: boolean
}

export interface InviteInfo {
  code: string
  /** The H5 link (local) or the mini-program path with the code, to share. */
  shareUrl: string
  /** QR code image (data URL): a mini-program code in WeChat, a QR of the H5 link locally. */
  qrImage: string
  invitedCount: number
  activatedCount: number
  rewardPoints: number
  /** Their latest featured check-in with a photo, else their latest with a photo; null when there is none. */
  poster: InvitePoster | null
}

export interface InviteeView {
  openid: string
  nickname: string
  avatarUrl: string
  status: 'joined' | 'activated'
  joinedAt: number
  activatedAt: number | null
  /** Points the inviter earned for this invitee (0 until activated, or when capped). */
  rewardPoints: number
}

/** One place's prize: points, and optionally a coupon or free event ticket. */
export interface ContestPrize {
  points: number
  /** A coupon campaign (a free ticket is one kind) whose coupon is given with the points; null for none. */
  couponCampaignId: string | null
}

export interface ContestPrizeView extends ContestPrize {
  /** The campaign's name, e.g. 免费活动票·读书会; null without a coupon. */
  couponName: string | null
  couponKind: CouponKind | null
}

export interface ContestInput {
  /** 1–40 characters. */
  title: string
  startAt: number
  endAt: number
  /** Prizes for 1st, 2nd, 3rd. */
  prizes: [ContestPrize, ContestPrize, ContestPrize]
}

export interface ContestView extends ContestInput {
  id: string
  prizes: [ContestPrizeView, ContestPrizeView, ContestPrizeView]
  phase: 'upcoming' | 'running' | 'ended'
  settled: boolean
  /** Cancelled by the host before it started (its prize coupons went back to their campaigns). */
  cancelled: boolean
}

export interface ContestIdInput {
  contestId: string
}

/** Before the contest starts: everything it was made with may change (prize coupons are set aside again). */
export interface UpdateContestInput extends ContestInput {
  contestId: string
}

export type MyInvitesInput = PageInput
