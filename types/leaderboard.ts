// Leaderboards, referral (invites) and invite contests.
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

export interface ContestInput {
  /** 1–40 characters. */
  title: string
  startAt: number
  endAt: number
  /** Points for 1st, 2nd, 3rd. */
  prizePoints: [number, number, number]
}

export interface ContestView extends ContestInput {
  id: string
  phase: 'upcoming' | 'running' | 'ended'
  settled: boolean
}

export interface MyInvitesInput extends PageInput {}
