// A completer's report on a challenge (完成报告) and the poster drawn from it.
// Dates are China dates 'YYYY-MM-DD'; instants are epoch ms.
import type { CheckedDay } from './checkin'

export interface CompletionReportInput {
  challengeId: string
  /** Whose report: absent or the caller's own openid. Anyone else's is refused. */
  memberOpenid?: string
}

export interface ReportPhoto {
  url: string
  date: string
  /** The member's N-th day done in the challenge (第 N 天). */
  dayNumber: number
}

/** The host's 点评 on one of the member's check-ins. */
export interface ReportReview {
  checkinId: string
  date: string
  /** The host's grade, e.g. 优秀 / 合格 / 不合格 ('' when the review has none). */
  grade: string
  comment: string
  reviewedAt: number
}

export interface CompletionReport {
  challengeId: string
  challengeTitle: string
  communityName: string
  member: { nickname: string; avatarUrl: string }
  startDate: string
  endDate: string
  days: number
  /** The rule: days needed and whether make-ups count. */
  completionDays: number
  makeupsCount: boolean
  /** Days checked in (make-ups included). */
  daysDone: number
  /** Days that count under the rule. */
  daysCounted: number
  makeupDays: number
  doneDays: CheckedDay[]
  longestStreak: number
  /** The streak running on the challenge's last day (or today, while it runs). */
  currentStreak: number
  /** When the member first met the rule (null for members who completed before it was recorded). */
  completedAt: number | null
  challengeEnded: boolean
  /** The member's first and last own photo in the challenge (visible check-ins); null without photos. after is null with a single photo. */
  before: ReportPhoto | null
  after: ReportPhoto | null
  /** The member's own words for the poster's testimonial: their latest visible check-in here with text, cut to 60 characters ('' without one). */
  quote: string
  /** The host's 点评 on the member's check-ins here, newest first. */
  reviews: ReportReview[]
  /** The member's invite code, link and QR (a mini-program code in WeChat, '' when it cannot be made), as on the invite poster. */
  inviteCode: string
  shareUrl: string
  qrImage: string
}
