// Check-in challenges and the testimonial feed (客户见证).
// Dates are China calendar dates 'YYYY-MM-DD' (Asia/Shanghai); instants are epoch ms.
import type { LockView } from './gating'
import type { PageInput } from './page'

/** 押金 forfeits: shared by the completers, or kept by the host. */
export type ForfeitTo = 'completers' | 'host'

export interface StreakBonus {
  /** Streak length that earns the bonus, e.g. 7 or 21. */
  day: number
  points: number
}

export interface ChallengeInput {
  /** 1–40 characters. */
  title: string
  /** Up to 2000 characters. */
  description: string
  /** 押金 in fen a member pays to join (0 or absent: none; at most 100000). Fixed once anyone has paid. */
  depositFen?: number
  /** Where failed members' deposits go: shared equally by the completers, or kept by the host (absent: completers). Stated before anyone pays. */
  forfeitTo?: ForfeitTo
  /** A file id from the upload endpoint / cloud storage, or '' for none. */
  coverFileId: string
  /** First day, China date 'YYYY-MM-DD'. */
  startDate: string
  /** 1–365. */
  days: number
  /** Daily window in China time, 'HH:mm', start before end (e.g. '05:00'–'23:59'; the end minute is included). */
  windowStart: string
  windowEnd: string
  /** Minimum characters of text per check-in, 0–500. */
  minTextLength: number
  /** 0–9, minPhotos ≤ maxPhotos. */
  minPhotos: number
  maxPhotos: number
  /** Points per check-in, 0–1000 (used by the growth system). */
  pointsPerCheckin: number
  /** At most 10, distinct days within the challenge. */
  streakBonuses: StreakBonus[]
  /** Make-up cards (补卡) each member may use in this challenge, 0–30. */
  makeupCardsPerMember: number
  /** Restrict to a circle's current members (circles arrive with memberships); null for everyone. */
  circleId: string | null
  /** Only members at or above this tier level may join (1 for everyone). */
  minTierLevel: number
  /** Check in only at this place (the member's shared location within radiusM of it); null or absent: anywhere. */
  geofence?: Geofence | null
  /** The host grades each check-in (点评); a 不合格 day does not count as done. Absent: off. */
  hostReview?: boolean
  /** Completion rule: days a member must have done, 1..days (absent: every day). */
  completionDays?: number
  /** Completion rule: whether days filled with a make-up card count (absent: true). */
  makeupsCount?: boolean
}

/** A place a check-in must be sent from: degrees as the device reports them (GCJ-02 in WeChat), radius in metres (50–5000). */
export interface Geofence {
  /** 1–30 characters, shown to members (e.g. 朝阳公园南门). */
  name: string
  lat: number
  lng: number
  radiusM: number
}

export type ReviewGrade = 'excellent' | 'pass' | 'fail'

/** The host's 点评 of one check-in, stored on the check-in document as `review`. */
export interface CheckinReview {
  grade: ReviewGrade
  /** Up to 200 characters; may be ''. */
  comment: string
  reviewerOpenid: string
  reviewedAt: number
}

/** A photo of a held check-in beside the earlier photo it matched (moderation). */
export interface IntegrityMatchView {
  photo: Photo
  match: Photo
  matchCheckinId: string
  matchAuthor: Author
  matchDate: string
  /** Bits the perceptual hashes differ by (0 = the same picture). */
  distance: number
  /** The earlier photo is the same member's, from another day. */
  sameMember: boolean
}

export type ChallengePhase = 'upcoming' | 'running' | 'ended'

export interface Challenge extends ChallengeInput {
  /** The completion rule, defaults filled in (see ChallengeInput). */
  completionDays: number
  makeupsCount: boolean
  id: string
  coverUrl: string
  /** Last day, China date. */
  endDate: string
  phase: ChallengePhase
  archived: boolean
  participantCount: number
  checkinCount: number
  createdAt: number
  /** In member lists: what keeps this member out (null or absent: open to them). */
  lock?: LockView | null
}

export interface CheckedDay {
  date: string
  makeup: boolean
}

export interface ChallengeProgress {
  joined: boolean
  joinedAt: number | null
  daysDone: number
  daysTotal: number
  currentStreak: number
  longestStreak: number
  makeupCardsLeft: number
  /** Today in China time, 'YYYY-MM-DD'. */
  today: string
  checkedInToday: boolean
  /** Whether today's window is open now. */
  windowOpen: boolean
  /** Completed under the challenge's rule (completionDays, makeupsCount, days graded 不合格 left out). */
  completed: boolean
  /** Days that count toward completion under the rule (the server always sends it). */
  daysCounted?: number
  doneDays: CheckedDay[]
  /** Missed days a make-up card can still cover (within the last 3 days). */
  makeupableDates: string[]
}

export interface ChallengeDetail {
  challenge: Challenge
  progress: ChallengeProgress
  /** Members-only challenge: the circle's name; null when open to everyone. */
  circleName: string | null
  /** Whether the caller may take part as far as the circle goes (true for open challenges and hosts). */
  inCircle: boolean
  /** What keeps this member out (a circle to join, a tier to reach); null when they may take part. */
  lock?: LockView | null
}

export interface Author {
  openid: string
  nickname: string
  avatarUrl: string
  /** The tier badge shown beside the name ('' for none). */
  badge: string
}

export interface Photo {
  fileId: string
  url: string
}

export type CheckinStatus = 'visible' | 'pending' | 'hidden'

export interface CheckinView {
  id: string
  challengeId: string
  challengeTitle: string
  author: Author
  /** The China date the check-in counts for. */
  date: string
  /** Day N of the challenge. */
  dayNumber: number
  text: string
  photos: Photo[]
  location: string
  createdAt: number
  makeup: boolean
  featured: boolean
  /** 'pending' while images are being checked: only the author sees it. */
  status: CheckinStatus
  likeCount: number
  commentCount: number
  likedByMe: boolean
  mine: boolean
  /** Why a check-in is off the wall, waiting (pending) or hidden, to its author and staff: e.g. a photo that matches an earlier one. */
  heldReason?: string
  /** Staff only: the photo integrity check's verdict when it found a match. */
  integrity?: { status: 'held' | 'approved' | 'rejected'; matchCount: number }
  /** The host's 点评, when the challenge has host review and it was graded. */
  review?: { grade: ReviewGrade; comment: string; reviewedAt: number } | null
}

/** One comment of a thread (under a check-in or a circle post): two levels, a reply names whom it answers. */
export interface ThreadComment {
  id: string
  /** The top-level comment this replies to; null for a top-level comment. */
  parentId: string | null
  author: Author
  replyTo: Author | null
  text: string
  createdAt: number
  mine: boolean
}

export interface CommentView extends ThreadComment {
  checkinId: string
}

export type ReportTarget = 'checkin' | 'comment'

export interface ReportView {
  id: string
  targetType: ReportTarget
  targetId: string
  /** The latest reason given. */
  reason: string
  reporterCount: number
  status: 'open' | 'resolved'
  resolution: 'hidden' | 'dismissed' | null
  createdAt: number
  preview: { text: string; author: Author; photos: Photo[] }
  /** A check-in held by the photo integrity check: each matching photo beside the earlier one. */
  matches?: IntegrityMatchView[]
}

// ---- action inputs ----

export interface ListChallengesInput extends PageInput {
  phase?: ChallengePhase | 'all'
  /** Hosts only: include archived challenges. */
  includeArchived?: boolean
  /** Only the challenges of this circle (circle-scoped content). */
  circleId?: string
}
export interface ChallengeIdInput {
  challengeId: string
}
export type UpdateChallengeInput = ChallengeIdInput & Partial<ChallengeInput>

export interface PostCheckinInput {
  challengeId: string
  /** Check-in text, up to 2000 characters. */
  text: string
  /** Up to 9 uploaded file ids. */
  photoFileIds: string[]
  /** Optional location text, up to 50 characters. */
  location?: string
  /** The member's shared position (degrees); required by a challenge with a geofence. */
  coords?: { lat: number; lng: number }
}
export interface MakeupCheckinInput extends PostCheckinInput {
  /** The missed China date to make up, within the last 3 days. */
  date: string
}
export interface PostCheckinResult {
  checkin: CheckinView
  /** True when this day was already checked in: the existing check-in is returned, nothing granted again. */
  duplicate: boolean
  progress: ChallengeProgress
}

export type FeedScope = 'all' | 'challenge' | 'featured' | 'member'
export interface FeedInput extends PageInput {
  scope: FeedScope
  /** With scope 'challenge' (and optionally 'featured'). */
  challengeId?: string
  /** With scope 'member': whose check-ins (default: the caller's own). Never identity: that comes from the platform. */
  authorOpenid?: string
}
export interface CheckinIdInput {
  checkinId: string
}
export interface LikeResult {
  liked: boolean
  likeCount: number
}
export interface AddCommentInput {
  checkinId: string
  /** 1–500 characters. */
  text: string
  /** Reply to this comment (a reply to a reply attaches to its top-level comment). */
  parentId?: string | null
}
export interface CommentIdInput {
  commentId: string
}
export interface ListCommentsInput extends PageInput {
  checkinId: string
}
export interface ReportInput {
  targetType: ReportTarget
  targetId: string
  /** 1–200 characters. */
  reason: string
}
export interface FeatureInput {
  checkinId: string
  featured: boolean
}
export interface HideCheckinInput {
  checkinId: string
  hidden: boolean
}
export interface ReviewCheckinInput {
  checkinId: string
  grade: ReviewGrade
  /** Up to 200 characters. */
  comment?: string
}
/** 'resolution', not 'action': the event's own 'action' names the function's action. */
export interface ResolveReportInput {
  reportId: string
  resolution: 'hide' | 'dismiss'
}
