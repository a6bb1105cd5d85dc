// 砍价 bargains: the documents. A campaign is written by hosts only. A bargain
// is one member's (`bargains`, a random id) and carries its seed, its whole cut
// schedule, the count of cuts taken and the cutters' list: a friend's cut is
// one conditional update on it (cuts: c → c + 1), so two friends never take
// the same place and the price never passes the floor. Only that bargain's
// friends write it, never inside a transaction. A friend's one cut is a cut
// document `${bargainId}:${openid}` (the host's log); a member's one open
// bargain per campaign is a start document `${campaignId}:${openid}`; a
// friend's cuts per China day in a campaign a cap document
// `${campaignId}:${openid}:${date}`. Design and request counts: README.md here.
import type { BargainStatus } from '../../../../types/bargain'
import { COLLECTIONS } from '../../../platform/collections'
import { errors } from '../../../platform/app-error'
import type { Runtime } from '../../../platform/runtime'
import { itemNameOf, type SoldTargetDoc } from '../sold-target/target'

export const BARGAIN_CAMPAIGNS = COLLECTIONS.bargainCampaigns.name
export const BARGAINS = COLLECTIONS.bargains.name
export const BARGAIN_CUTS = COLLECTIONS.bargainCuts.name
export const BARGAIN_STARTS = COLLECTIONS.bargainStarts.name
export const BARGAIN_CAPS = COLLECTIONS.bargainCaps.name

/** An unpaid bargain order stays open this long (never past the bargain's end). */
export const BARGAIN_PAY_WINDOW_MS = 15 * 60_000
/** Cuts per bargain at most (the schedule and the cutters' list live on the bargain document). */
export const MAX_CUTS = 50
/** A start or an order claim whose function died before writing its document is taken over after this long. */
export const STALE_CLAIM_MS = 60_000

export type BargainTargetDoc = SoldTargetDoc
export { itemNameOf }

export interface BargainCampaignDoc {
  _id: string
  title: string
  target: BargainTargetDoc
  startFen: number
  floorFen: number
  cuts: number
  hours: number
  dailyCap: number
  endAt: number
  paused: boolean
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface CutterEntry {
  k: number
  openid: string
  nickname: string
  avatarFileId: string
  amountFen: number
  at: number
}

/** open → paid → refunded; an open bargain past expiresAt is expired (by time, no job writes it). */
export type BargainDocStatus = 'open' | 'paid' | 'refunded'
/** A bargain's own statuses by name (the orders module's check keeps order statuses to the Order entity; these are the bargain's). */
export const BARGAIN_OPEN: BargainDocStatus = 'open'
export const BARGAIN_PAID: BargainDocStatus = 'paid'
export const BARGAIN_REFUNDED: BargainDocStatus = 'refunded'

export interface BargainDoc {
  _id: string
  campaignId: string
  openid: string
  nickname: string
  title: string
  target: BargainTargetDoc
  startFen: number
  floorFen: number
  /** Server-side seed (hex) the schedule was made from; never leaves the server. */
  seed: string
  /** The N cut amounts in fen, largest first, summing to start − floor. */
  amounts: number[]
  /** Cuts taken (the next cut is amounts[cuts]). */
  cuts: number
  cutFen: number
  reachedFloor: boolean
  cutters: CutterEntry[]
  expiresAt: number
  status: BargainDocStatus
  /** The open (or paid) order, its price fixed when it opened. */
  orderId: string | null
  orderFen: number | null
  orderAt: number | null
  paidFen: number | null
  /** The starter joined the community after the campaign was made. */
  newMember: boolean
  createdAt: number
  updatedAt: number
}

export interface BargainCutDoc {
  _id: string
  bargainId: string
  campaignId: string
  starter: string
  starterNickname: string
  openid: string
  nickname: string
  /** pending while the place is being taken; done with k and amount. */
  state: 'pending' | 'done'
  k: number
  amountFen: number
  newMember: boolean
  at: number
}

export interface BargainStartDoc {
  _id: string
  campaignId: string
  openid: string
  bargainId: string
  at: number
}

export interface BargainCapDoc {
  _id: string
  n: number
}

export const cutIdOf = (bargainId: string, openid: string) => `${bargainId}:${openid}`
export const startIdOf = (campaignId: string, openid: string) => `${campaignId}:${openid}`
export const capIdOf = (campaignId: string, openid: string, date: string) => `${campaignId}:${openid}:${date}`

export async function loadCampaign(runtime: Runtime, campaignId: string): Promise<BargainCampaignDoc> {
  const campaign = await runtime.store.collection<BargainCampaignDoc>(BARGAIN_CAMPAIGNS).get(campaignId)
  if (!campaign) throw errors.notFound('砍价活动')
  return campaign
}

export async function loadBargain(runtime: Runtime, bargainId: string): Promise<BargainDoc> {
  const bargain = await runtime.store.collection<BargainDoc>(BARGAINS).get(bargainId)
  if (!bargain) throw errors.notFound('砍价')
  return bargain
}

export function statusOf(bargain: BargainDoc, now: number): BargainStatus {
  if (bargain.status !== 'open') return bargain.status
  return now >= bargain.expiresAt ? 'expired' : 'open'
}

export const priceOf = (bargain: Pick<BargainDoc, 'startFen' | 'cutFen'>) => bargain.startFen - bargain.cutFen
