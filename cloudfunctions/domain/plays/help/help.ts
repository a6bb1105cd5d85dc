// 助力 help tasks: the documents. A campaign is written by hosts only. A task
// (`${campaignId}:${openid}:${attempt}`) is written by its owner when started
// and once more when it completes; helpers never write it. Each help is its own
// document (`${taskId}:${helperOpenid}`: one per friend per task) written with
// the helper's daily counter (`${campaignId}:${helperOpenid}:${yyyymmdd}`) in a
// small transaction of the helper's own documents, so a crowd of friends
// helping one task at once writes no common document. Progress is counted from
// the help documents; the one transaction that moves the task to completed
// grants the reward with it. Design and request counts: README.md.
import type { HelpRewardType } from '../../../../types/help'
import { COLLECTIONS } from '../../../platform/collections'
import { errors } from '../../../platform/app-error'
import type { Runtime } from '../../../platform/runtime'

export const HELP_CAMPAIGNS = COLLECTIONS.helpCampaigns.name
export const HELP_TASKS = COLLECTIONS.helpTasks.name
export const HELPS = COLLECTIONS.helps.name
export const HELP_DAILY = COLLECTIONS.helpDaily.name

/** Helpers shown on a task (avatars). */
export const HELPERS_SHOWN = 12

export type HelpRewardDoc = { type: 'coupon'; campaignId: string; name: string } | { type: 'event'; eventId: string; name: string } | { type: 'trial'; circleId: string; days: number; name: string }

export interface HelpCampaignDoc {
  _id: string
  title: string
  reward: HelpRewardDoc
  need: number
  newMemberDouble: boolean
  dailyCap: number
  taskHours: number
  endAt: number
  paused: boolean
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface HelpTaskDoc {
  _id: string
  campaignId: string
  openid: string
  attempt: number
  /** The owner's name and avatar when the task started (shown to friends). */
  nickname: string
  avatarFileId: string
  /** The campaign's terms when the task started: a later edit never moves a running task's goal. */
  title: string
  reward: HelpRewardDoc
  need: number
  newMemberDouble: boolean
  status: 'open' | 'completed'
  expiresAt: number
  createdAt: number
  completedAt: number | null
  /** Set with completion: granted, or unavailable (the event full, the coupons gone) with why. */
  rewardStatus: 'granted' | 'unavailable' | null
  rewardMessage: string | null
  couponId: string | null
}

export interface HelpDoc {
  _id: string
  taskId: string
  campaignId: string
  ownerOpenid: string
  ownerNickname: string
  openid: string
  nickname: string
  avatarFileId: string
  weight: number
  /** Counted double (weight 2): kept as its own field so one count adds the doubles. */
  double: boolean
  newMember: boolean
  at: number
}

export interface HelpDailyDoc {
  _id: string
  campaignId: string
  openid: string
  date: string
  count: number
}

export const taskIdOf = (campaignId: string, openid: string, attempt: number) => `${campaignId}:${openid}:${attempt}`
export const helpIdOf = (taskId: string, openid: string) => `${taskId}:${openid}`
export const dailyIdOf = (campaignId: string, openid: string, date: string) => `${campaignId}:${openid}:${date}`
/** The campaign a task belongs to, read from its id (campaign ids and openids hold no colon). */
export const campaignOfTask = (taskId: string) => taskId.split(':')[0]
/** The prize key of the coupon a task gives (one per task). */
export const couponKeyOf = (taskId: string) => `help-${taskId}`

export async function loadHelpCampaign(runtime: Runtime, campaignId: string): Promise<HelpCampaignDoc> {
  const campaign = await runtime.store.collection<HelpCampaignDoc>(HELP_CAMPAIGNS).get(campaignId)
  if (!campaign) throw errors.notFound('助力活动')
  return campaign
}

export function rewardTypeOf(reward: HelpRewardDoc): HelpRewardType {
  return reward.type
}
