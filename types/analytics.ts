// Analytics the host reads: testimonial → revenue attribution and AARRR reports,
// precomputed by cron (cloudfunctions/domain/analytics), read in a few requests.

/** Days a touch (viewing a check-in) may precede the viewer's first payment and still be credited, in China calendar days. */
export const ATTRIBUTION_WINDOW_DAYS = 7

export type AnalyticsPeriod = 7 | 30 | 90
export const ANALYTICS_PERIODS: readonly AnalyticsPeriod[] = [7, 30, 90]

/** How a viewer reached a check-in: the feed or a link in the app ('view'), or a shared card ('share'). */
export type TouchChannel = 'view' | 'share'

/** checkin.getCheckin's input: `via: 'share'` when the page was opened from a share card. */
export interface GetCheckinInput {
  checkinId: string
  via?: TouchChannel
}

export interface AnalyticsInput {
  period: AnalyticsPeriod
}

export interface TopConvertingInput {
  after?: string | null
}

export interface ConvertingCheckinView {
  checkinId: string
  authorOpenid: string
  authorNickname: string
  challengeTitle: string
  text: string
  featured: boolean
  /** Payers whose first touch was this check-in. */
  firstTouch: number
  /** Payers whose last touch before paying was this check-in. */
  lastTouch: number
  /** What those payers' first payments came to (first or last touch, each payer once), in fen. */
  revenueFen: number
}

export type AcquisitionSource = 'invite' | 'share' | 'direct'

export interface FunnelReport {
  period: AnalyticsPeriod
  /** New members by where they came from. */
  acquisition: Record<AcquisitionSource, number>
  /** Of the new members (eligible: all of them): how many checked in within their first 7 days (those still in their first week count once they do). */
  activation: { eligible: number; activated: number }
  /** Of the new members at least 7 / 30 days in: how many checked in on that day after joining. */
  retention: { day7: { eligible: number; retained: number }; day30: { eligible: number; retained: number } }
  revenue: { firstPayments: number; firstPaymentFen: number; renewals: number; renewalFen: number; refunds: number; refundFen: number; payingMembers: number; perMemberFen: number }
  /** Invites activated in the period, per inviter (most first, at most 10), and the average per inviter. */
  referral: { activated: number; inviters: number; top: Array<{ openid: string; nickname: string; activated: number }> }
}

export interface CohortRow {
  /** The Monday (China date) of the join week. */
  week: string
  size: number
  /** Members active (checked in) in week N after the join week, N = 0..8 (null: that week has not ended yet). */
  active: Array<number | null>
}

export interface CompletionCurve {
  challengeId: string
  title: string
  participants: number
  /** Share of participants (0–1) who checked in on day N of the challenge, N = 1..days. */
  byDay: number[]
}

export interface RevenueReport {
  byMonth: Array<{ month: string; fen: number; refundFen: number }>
  byCircle: Array<{ circleId: string; name: string; fen: number }>
  byPlan: Array<{ planId: string; name: string; circleName: string; fen: number }>
  /** Members with a first payment who paid again / all members with a first payment (0–1). */
  renewalRate: number
  /** Refunded fen / paid fen (0–1). */
  refundRate: number
}

export interface AnalyticsView {
  /** When the reports were computed (null: never yet, cron has not finished its first pass). */
  computedAt: number | null
  funnel: FunnelReport | null
  cohorts: CohortRow[]
  completion: CompletionCurve[]
  revenue: RevenueReport | null
}
