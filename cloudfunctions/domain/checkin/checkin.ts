// A check-in: one per member per challenge per China date, keyed by exactly
// that, so posting twice (or fifty times at once) stores one.
import type { CheckinStatus } from '../../../types/checkin'
import { COLLECTIONS } from '../../platform/collections'
import { errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import type { Caller } from '../../platform/define-action'

export const CHECKINS = COLLECTIONS.checkins.name

export interface CheckinDoc {
  _id: string
  challengeId: string
  openid: string
  date: string
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
}

export function checkinId(challengeId: string, openid: string, date: string): string {
  return `${challengeId}:${openid}:${date.replace(/-/g, '')}`
}

/** Whether the caller may see this check-in: visible ones to all, others to their author and hosts. */
export function canSee(checkin: CheckinDoc, caller: Caller): boolean {
  return checkin.status === 'visible' || checkin.openid === caller.openid || caller.role === 'host'
}

export async function loadVisibleCheckin(runtime: Runtime, id: string, caller: Caller): Promise<CheckinDoc> {
  const checkin = await runtime.store.collection<CheckinDoc>(CHECKINS).get(id)
  if (!checkin || !canSee(checkin, caller)) throw errors.notFound('打卡')
  return checkin
}
