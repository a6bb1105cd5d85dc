// 拼团 group buying: the documents. The offer (a campaign) is written by hosts
// only. A group is written by its starter's payment (pending → open) and by
// the group's settling (open → completing → completed, or open → expiring →
// failed), each move one conditional update, never by a joiner. Its seats are
// one document per seat (`${groupId}:${n}`, n < size), taken by insert or by
// conditional update outside any transaction, so the last seat is exact and no
// document is written by every joiner. A member's one seat in a group is a
// claim (`${groupId}:${openid}`) written in the small transaction that makes
// the order. The design and its request counts: README.md in this folder.
import type { GroupPhase } from '../../../../types/group-buy'
import { COLLECTIONS } from '../../../platform/collections'
import { errors } from '../../../platform/app-error'
import type { Runtime } from '../../../platform/runtime'
import { itemNameOf, type EventTargetDoc, type PlanTargetDoc } from '../sold-target/target'

export const GROUP_BUYS = COLLECTIONS.groupBuys.name
export const GROUPS = COLLECTIONS.groupBuyGroups.name
export const GROUP_SEATS = COLLECTIONS.groupBuySeats.name
export const GROUP_CLAIMS = COLLECTIONS.groupBuyClaims.name
export const GROUP_LOGS = COLLECTIONS.groupBuyLogs.name

/** An unpaid seat lets go after this long (the close-unpaid timer closes its order, the kind frees the seat). */
export const GROUP_PAY_WINDOW_MS = 5 * 60_000
/** A seat held this long without its order (the joiner's function died between the two steps) may be taken again. */
export const STALE_HOLD_MS = 2 * 60_000
export const MIN_SIZE = 2
export const MAX_SIZE = 10
export const MAX_LIMIT_HOURS = 72
/** Groups a member may start per China day, and groups they may join per China day (anti-abuse). */
export const STARTS_PER_DAY = 3
export const JOINS_PER_DAY = 10

export type GroupTargetDoc = PlanTargetDoc | EventTargetDoc
export { itemNameOf }

export interface GroupBuyDoc {
  _id: string
  title: string
  target: GroupTargetDoc
  priceFen: number
  size: number
  limitHours: number
  allowSimulated: boolean
  paused: boolean
  createdBy: string
  createdAt: number
  updatedAt: number
}

/** pending → open (starter paid) → completing → completed; open → expiring → failed; pending → abandoned (starter never paid). */
export type GroupState = 'pending' | 'open' | 'completing' | 'completed' | 'expiring' | 'failed' | 'abandoned'

export interface GroupDoc {
  _id: string
  campaignId: string
  leader: string
  leaderName: string
  state: GroupState
  size: number
  /** When an open group times out; null while pending (the clock starts at the starter's payment). */
  expiresAt: number | null
  /** Copied from the campaign when the group started: a host's later change does not change a running group's rule. */
  allowSimulated: boolean
  limitHours: number
  /** Seats filled by 模拟成团. */
  simulated: number
  createdAt: number
  updatedAt: number
}

/** free (let go) → held (taken, order being written) → ordered (unpaid order) → paid → granted (the group completed); paid → refunded. */
export type SeatState = 'free' | 'held' | 'ordered' | 'paid' | 'granted' | 'refunded'

export interface SeatDoc {
  _id: string
  groupId: string
  campaignId: string
  n: number
  state: SeatState
  orderId: string | null
  openid: string | null
  name: string
  avatarFileId: string
  /** The China day the seat was taken (the per-day caps count by it). */
  day: string | null
  heldAt: number | null
  payBefore: number | null
  /** Joined the community after the campaign was made (the host's 新成员 measure). */
  newMember: boolean
}

export interface ClaimDoc {
  _id: string
  groupId: string
  openid: string
  seatId: string
  orderId: string
  /** The seat lapsed unpaid: the member may take a seat again. */
  released: boolean
  createdAt: number
  updatedAt: number
}

export const seatIdOf = (groupId: string, n: number) => `${groupId}:${n}`
export const claimIdOf = (groupId: string, openid: string) => `${groupId}:${openid}`

export async function loadCampaign(runtime: Runtime, campaignId: string): Promise<GroupBuyDoc> {
  const campaign = await runtime.store.collection<GroupBuyDoc>(GROUP_BUYS).get(campaignId)
  if (!campaign) throw errors.notFound('拼团活动')
  return campaign
}

export async function loadGroup(runtime: Runtime, groupId: string): Promise<GroupDoc> {
  const group = await runtime.store.collection<GroupDoc>(GROUPS).get(groupId)
  if (!group) throw errors.notFound('拼团')
  return group
}

/** What a member sees of a group's state (the in-between states read as where they lead). */
export function phaseOf(group: GroupDoc): GroupPhase {
  if (group.state === 'completing') return 'completed'
  if (group.state === 'expiring') return 'failed'
  return group.state
}

export interface GroupLogDoc {
  _id: string
  campaignId: string
  groupId: string
  kind: 'started' | 'joined' | 'completed' | 'simulated' | 'expired' | 'refused'
  openid: string
  text: string
  at: number
}
