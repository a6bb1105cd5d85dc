// 拼团 group buying (cloud function `fission`, domain/plays/group-buy): a host
// sets a group price on a plan of a paid circle or a paid event (a group of
// 2–10, a time limit); a member starts a group by paying, friends join by
// paying through the share card; a full group is fulfilled together, a group
// that times out is refunded, once.
import type { ClientPaymentView } from './membership'
import type { Page } from './page'

/** What the group buys: a plan of a paid circle, or a seat of a paid event. */
export type GroupBuyTarget = { type: 'plan'; circleId: string; planId: string } | { type: 'event'; eventId: string }

export interface CreateGroupBuyInput {
  target: GroupBuyTarget
  /** 2–30 characters; shown on the card and the share title. */
  title: string
  /** The group price in fen, 1–1,000,000 (below the plan's or event's own price). */
  priceFen: number
  /** Members a group needs, 2–10 (the starter included). */
  size: number
  /** Hours a group has to fill once its starter paid, 1–72. */
  limitHours: number
  /** 模拟成团: a group short of members at its time limit is filled by the host (its paying members fulfilled) instead of refunded. */
  allowSimulated: boolean
}

export interface GroupBuyIdInput {
  campaignId: string
}

export interface GroupIdInput {
  groupId: string
}

export interface PauseGroupBuyInput {
  campaignId: string
  paused: boolean
}

/** pending: the starter has not paid yet; open: joinable until its time; completed: filled (or 模拟成团), all fulfilled; failed: timed out, all refunded; abandoned: the starter never paid. */
export type GroupPhase = 'pending' | 'open' | 'completed' | 'failed' | 'abandoned'

export interface GroupBuyView {
  id: string
  title: string
  targetType: GroupBuyTarget['type']
  /** The plan's (circle·plan) or event's own name. */
  itemName: string
  /** The plan's or event's own price. */
  originalFen: number
  priceFen: number
  size: number
  limitHours: number
  allowSimulated: boolean
  paused: boolean
  /** The caller's groups in this campaign that are still going (open or waiting for their starter's payment). */
  myGroupIds: string[]
  serverNow: number
}

export interface GroupMemberView {
  /** The seat's number (0: the starter). */
  n: number
  name: string
  avatarFileId: string
  /** 已支付 or 待支付 (an unpaid seat lapses after 5 minutes). */
  paid: boolean
  isLeader: boolean
  isMe: boolean
}

export interface GroupView {
  id: string
  campaignId: string
  title: string
  itemName: string
  targetType: GroupBuyTarget['type']
  originalFen: number
  priceFen: number
  size: number
  phase: GroupPhase
  /** When an open group times out (null before its starter paid). */
  expiresAt: number | null
  /** Paid members. */
  paidCount: number
  /** Seats not yet paid for: 还差 N 人. */
  missing: number
  /** Seats filled by 模拟成团 at the time limit. */
  simulated: number
  leaderName: string
  members: GroupMemberView[]
  /** The caller's own seat: held (待支付, its order), paid, granted (fulfilled with the group), refunded; null when none. */
  mine: { status: 'held' | 'paid' | 'granted' | 'refunded'; orderId: string; payBefore: number } | null
  /** Whether the caller may join now (open, a seat free, not in it). */
  canJoin: boolean
  serverNow: number
}

export interface GroupBuyMeasures {
  /** Groups whose starter paid. */
  started: number
  completed: number
  failed: number
  /** Fulfilled members × the group price (refunds leave it). */
  revenueFen: number
  /** Fulfilled members who joined the community after the group buy was made. */
  newMembers: number
}

export interface HostGroupBuyView extends GroupBuyView {
  measures: GroupBuyMeasures
}

export interface GroupBuyLogView {
  id: string
  at: number
  /** started / joined / completed / simulated / expired / refused */
  kind: string
  groupId: string
  text: string
}

export interface GroupBuyOrderResult {
  groupId: string
  orderId: string
  amountFen: number
  payBefore: number
  payment: ClientPaymentView
  /** The member's open order in this group answered again (a second tap). */
  resumed: boolean
}

export type GroupBuyPage = Page<GroupBuyView>
export type HostGroupBuyPage = Page<HostGroupBuyView>
