// A check-in: one per member per challenge per China date, keyed by exactly
// that, so posting twice (or fifty times at once) stores one.
import type { CheckinReview, CheckinStatus } from '../../../types/checkin'
import { COLLECTIONS } from '../../platform/collections'
import { errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import type { Caller } from '../../platform/define-action'
import { isCircleMember } from '../circles/access'
import { isStaff } from '../../../types/roles'

export const CHECKINS = COLLECTIONS.checkins.name

export interface CheckinDoc {
  _id: string
  challengeId: string
  openid: string
  date: string
  /** The challenge's circle when it is members-only (copied at posting); absent or null when open. */
  circleId?: string | null
  text: string
  photoFileIds: string[]
  location: string
  createdAt: number
  makeup: boolean
  featured: boolean
  featuredAt: number | null
  status: CheckinStatus
  /** Image checks still awaiting WeChat's verdict. */
  pendingChecks: number
  hiddenReason: string
  likeCount: number
  commentCount: number
  /** The challenge's title and the day of it, copied at posting so lists need no challenge lookup (absent on older check-ins). */
  challengeTitle?: string
  dayNumber?: number
  /** 'pending' while its photos wait for the integrity job (domain/integrity); 'done' after. Absent: nothing to hash. */
  hashState?: 'pending' | 'done'
  /** What the integrity job found: a photo matching an earlier one by another member or on another day. */
  integrity?: CheckinIntegrity
  /** The host's 点评 (challenges with host review). */
  review?: CheckinReview
  /** Where the member said they were (geofenced challenges), degrees. */
  coords?: { lat: number; lng: number }
}

export interface IntegrityMatch {
  /** This check-in's photo. */
  fileId: string
  matchCheckinId: string
  matchFileId: string
  matchOpenid: string
  matchDate: string
  distance: number
}

export interface CheckinIntegrity {
  status: 'held' | 'approved' | 'rejected'
  matches: IntegrityMatch[]
  heldAt: number
  decidedAt?: number
}

/** Why a check-in held for review waits (its hiddenReason; the host's queue shows it as the report reason). */
export const HELD_FOR_REVIEW = '内容安全检测暂不可用，等待主理人审核'

/** Why a check-in whose photo matches an earlier one waits (its author reads it; the host sees the photos side by side). */
export function duplicateReason(sameMember: boolean): string {
  return sameMember ? '照片与你之前某天的打卡照片相同，等待主理人审核' : '照片与其他成员的打卡照片相同，等待主理人审核'
}

/** How many of a member's pending check-ins their wall pins (the member document lists them). */
export const PINNED_PENDING = 3

export function checkinId(challengeId: string, openid: string, date: string): string {
  return `${challengeId}:${openid}:${date.replace(/-/g, '')}`
}

/** Whether the caller may see this check-in: visible ones to all, others to their author and hosts. */
export function canSee(checkin: CheckinDoc, caller: Caller): boolean {
  return checkin.status === 'visible' || checkin.openid === caller.openid || isStaff(caller.role)
}

/**
 * A check-in the caller may see and act on: visible (or theirs, or the caller
 * is a host), and from a members-only challenge only to the circle's current
 * members. Anything else reads as not found, so nothing leaks by probing ids.
 */
export async function loadVisibleCheckin(runtime: Runtime, id: string, caller: Caller): Promise<CheckinDoc> {
  const checkin = await runtime.store.collection<CheckinDoc>(CHECKINS).get(id)
  if (!checkin || !canSee(checkin, caller)) throw errors.notFound('打卡')
  const gated = checkin.circleId && !isStaff(caller.role) && checkin.openid !== caller.openid
  if (gated && !(await isCircleMember(runtime, checkin.circleId!, caller.openid, runtime.clock.now()))) throw errors.notFound('打卡')
  return checkin
}
