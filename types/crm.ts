// The host's member CRM: the member list with its filters, a member's page for
// hosts, host-defined tags, notes, a manual segment, removing or blocking a
// member from a circle, and join applications for circles that review joins.
import type { Segment } from './growth'
import type { PageInput } from './page'
import type { Role } from './roles'

/** Tag colours, each a token pair in src/styles/tokens.css (the tag's text and its pale fill). */
export const TAG_COLORS = ['green', 'blue', 'orange', 'red', 'purple', 'gray'] as const
export type TagColor = (typeof TAG_COLORS)[number]

export interface CrmTag {
  id: string
  name: string
  color: TagColor
  createdAt: number
}

/** 最近活跃: within the last 7 or 30 days, or not in the last 30. */
export type ActiveWithin = '7d' | '30d' | 'over30d'

export interface MemberListInput extends PageInput {
  /** Nickname, matched anywhere in it (case-insensitive), 1–20 characters. */
  q?: string
  segment?: Segment
  tagId?: string
  circleId?: string
  /** Tier level 1–10. */
  tier?: number
  /** Joined at or after / before (epoch ms). */
  joinedFrom?: number
  joinedTo?: number
  active?: ActiveWithin
}

export interface MemberRow {
  memberId: string
  nickname: string
  avatarUrl: string
  role: Role
  /** Staff: 主理人 / 管理员 / 审核员 (null for members and guests). */
  roleLabel: string | null
  segment: Segment
  /** The host chose it (null: worked out daily). */
  segmentOverride: Segment | null
  tierLevel: number
  tags: CrmTag[]
  joinedAt: number
  /** Last day with activity (epoch ms of that China day's start, or the last-activity time when kept), null when none known. */
  lastActiveAt: number | null
}

export interface MemberIdInput {
  memberId: string
}

export interface MemberNoteView {
  id: string
  text: string
  authorId: string
  authorName: string
  createdAt: number
}

export interface ChallengeStat {
  challengeId: string
  title: string
  checkins: number
  currentStreak: number
  bestStreak: number
}

export interface MemberOrderRow {
  id: string
  title: string
  amountFen: number
  refundedFen: number
  status: string
  createdAt: number
}

export interface MemberCircleRow {
  circleId: string
  circleName: string
  status: 'active' | 'trial' | 'ended' | 'blocked'
  endsAt: number | null
  /** Paid orders of this circle still refundable: the latest one (for 移出圈子 with a refund). */
  source: 'free' | 'trial' | 'paid'
}

export interface MemberDetail {
  member: MemberRow
  points: number
  growth: number
  invitedBy: { memberId: string; nickname: string } | null
  invitees: { count: number; first: Array<{ memberId: string; nickname: string; joinedAt: number }> }
  checkins: { total: number; challenges: ChallengeStat[] }
  orders: { paidFen: number; refundedFen: number; count: number; recent: MemberOrderRow[] }
  events: Array<{ eventId: string; title: string; status: string; startAt: number }>
  circles: MemberCircleRow[]
  notes: MemberNoteView[]
}

export interface TagInput {
  /** 1–12 characters. */
  name: string
  color: TagColor
}
export interface UpdateTagInput extends TagInput {
  tagId: string
}
export interface TagIdInput {
  tagId: string
}
export interface TagMembersInput {
  /** 1–100 members. */
  memberIds: string[]
  tagId: string
  op: 'add' | 'remove'
}
export interface TagMembersResult {
  /** Members whose tags changed (0 on a repeat). */
  changed: number
}
export interface AddMemberNoteInput {
  memberId: string
  /** 1–500 characters. */
  text: string
}
export interface SetMemberSegmentInput {
  memberId: string
  /** null: back to the daily automatic segment. */
  segment: Segment | null
}

export type RefundChoice = 'none' | 'prorated' | 'full'
export interface RemoveFromCircleInput {
  memberId: string
  circleId: string
  /** Blocked: cannot join again or buy this circle until unblocked. */
  block: boolean
  refund: RefundChoice
}
export interface RemoveFromCircleResult {
  removed: true
  blocked: boolean
  refundedFen: number
}

export type JoinApplicationStatus = 'pending' | 'approved' | 'rejected'
export interface JoinApplicationView {
  id: string
  circleId: string
  circleName: string
  memberId: string
  nickname: string
  avatarUrl: string
  questions: string[]
  answers: string[]
  status: JoinApplicationStatus
  reason: string | null
  createdAt: number
  reviewedAt: number | null
}
export interface JoinApplicationsInput extends PageInput {
  status?: JoinApplicationStatus
  circleId?: string
}
export interface ReviewJoinInput {
  applicationId: string
  decision: 'approve' | 'reject'
  /** Shown to the member on rejection, up to 60 characters. */
  reason?: string
}
