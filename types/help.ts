// 助力 help tasks (cloud function `fission`, domain/plays/help): a member starts
// a task for a reward; N distinct friends tap 助力 (new members may count
// double); the reward unlocks once at N. One help per friend per task, a daily
// cap per helper, a task expires, the host can pause the campaign.
import type { Page } from './page'

/** What a completed task unlocks: a coupon of a host's campaign, a free seat of an event, or trial days of a circle. */
export type HelpRewardInput = { type: 'coupon'; campaignId: string } | { type: 'event'; eventId: string } | { type: 'trial'; circleId: string; days: number }

export type HelpRewardType = HelpRewardInput['type']

export interface CreateHelpCampaignInput {
  /** 2–30 characters; shown on the card and the share title. */
  title: string
  reward: HelpRewardInput
  /** Helps needed (points: a new member counts 2 when `newMemberDouble`), 2–50. */
  need: number
  /** A helper who joined the community after the task started counts double. */
  newMemberDouble: boolean
  /** Tasks of this campaign one member may help per China day, 1–20. */
  dailyCap: number
  /** How long a started task stays open, in hours (1–168). */
  taskHours: number
  /** When the campaign stops taking new tasks (open tasks run to their own expiry). */
  endAt: number
}

export interface HelpCampaignIdInput {
  campaignId: string
}

export interface PauseHelpCampaignInput {
  campaignId: string
  paused: boolean
}

export interface HelpTaskIdInput {
  taskId: string
}

export interface HelpLogInput {
  campaignId: string
  after?: string | null
}

/** open 进行中, completed 已解锁, expired 已过期, paused (the campaign is paused) 已暂停. */
export type HelpTaskStatus = 'open' | 'completed' | 'expired' | 'paused'

export interface HelpCampaignView {
  id: string
  title: string
  rewardType: HelpRewardType
  /** E.g. 优惠券「新人立减 20 元」, 「周末徒步」免费名额, 「私教营」7 天体验. */
  rewardName: string
  need: number
  newMemberDouble: boolean
  dailyCap: number
  taskHours: number
  endAt: number
  /** open: tasks may start; paused; ended (past endAt). */
  phase: 'open' | 'paused' | 'ended'
  /** The caller's latest task of this campaign (null when none). */
  mineTaskId: string | null
  serverNow: number
}

export interface HelperView {
  nickname: string
  avatarUrl: string
  /** 1, or 2 for a new member when the campaign counts them double. */
  weight: number
  at: number
}

/** What the reward became: granted (the coupon is in 我的券, the seat confirmed, the days added) or not available (why). */
export interface HelpRewardView {
  status: 'granted' | 'unavailable'
  /** 已放入「我的券」, 已为你报名「周末徒步」, 「私教营」体验延长 7 天; or why not. */
  message: string
  /** The coupon given (reward type coupon). */
  couponId: string | null
}

export interface HelpTaskView {
  id: string
  campaignId: string
  title: string
  rewardType: HelpRewardType
  rewardName: string
  owner: { nickname: string; avatarUrl: string }
  need: number
  /** Points counted so far, at most `need`. */
  points: number
  /** need − points: 还差 N 人助力. */
  left: number
  newMemberDouble: boolean
  status: HelpTaskStatus
  expiresAt: number
  /** The latest helpers, newest first (at most 12). */
  helpers: HelperView[]
  /** All friends who helped. */
  helperCount: number
  /** The caller started this task. */
  isOwner: boolean
  /** The caller helped it already. */
  helpedByMe: boolean
  reward: HelpRewardView | null
  serverNow: number
}

export interface HelpResult {
  /** What the caller's help counted: 1, or 2 as a new member. */
  weight: number
  points: number
  need: number
  /** This help (or one racing it) unlocked the reward. */
  completed: boolean
}

export interface HelpMeasures {
  /** Tasks members started. */
  started: number
  /** Tasks that reached N. */
  completed: number
  /** Rewards actually given (a full event or an empty coupon stock gives none). */
  rewardsGranted: number
  /** Helpers who joined the community after the task they helped started. */
  newMembers: number
  /** Helps given. */
  helps: number
}

export interface HostHelpCampaignView extends HelpCampaignView {
  paused: boolean
  measures: HelpMeasures
}

/** One help, as the host's log shows it. */
export interface HelpLogEntry {
  id: string
  taskId: string
  /** Who started the task and who helped (nickname and openid for the CRM). */
  ownerOpenid: string
  ownerNickname: string
  helperOpenid: string
  helperNickname: string
  weight: number
  newMember: boolean
  at: number
}

export type HelpCampaignPage = Page<HelpCampaignView>
export type HostHelpCampaignPage = Page<HostHelpCampaignView>
