// 砍价 bargains (cloud function `fission`, domain/plays/bargain): a host's
// campaign puts a plan, an event seat or a mall item at a start price; a member
// starts a bargain on it and friends each cut once, by amounts the server
// decided from a seed when the bargain started, until the floor is reached in
// at most N cuts. The member pays the current price at any time before it expires.
import type { ClientPaymentView } from './membership'
import type { Page } from './page'
import type { ShippingAddress } from './growth'

/** What is bargained for: a plan of a paid circle, a seat of an event, or a points-mall item (sold for money here). */
export type BargainTarget = { type: 'plan'; circleId: string; planId: string } | { type: 'event'; eventId: string } | { type: 'mall'; itemId: string }

/** How a campaign's bargains run: the same when the host creates it and when anyone views it. */
export interface BargainTerms {
  /** The price a bargain starts at, in fen. */
  startFen: number
  /** The lowest price, reached by the N-th cut, in fen (at least 1). */
  floorFen: number
  /** N: cuts that take the price from start to floor (2–50); start − floor must be at least N fen. */
  cuts: number
  /** How long one bargain runs from its start, in hours (1–168). */
  hours: number
  /** Cuts one friend may give in this campaign per China day (1–20). */
  dailyCap: number
  /** After this no new bargain starts (bargains already started run their own hours). */
  endAt: number
}

export interface CreateBargainCampaignInput extends BargainTerms {
  target: BargainTarget
  /** 2–30 characters; on the card and the share title. */
  title: string
}

export interface BargainCampaignIdInput {
  campaignId: string
}

export interface PauseBargainCampaignInput {
  campaignId: string
  paused: boolean
}

export interface BargainIdInput {
  bargainId: string
}

export interface PayBargainInput {
  bargainId: string
  /** A mall item of kind physical ships: where to. */
  address?: ShippingAddress
}

export interface BargainCutLogInput {
  campaignId: string
  after?: string | null
}

/** open: can be cut and paid; floor reached but unpaid is still open; paid; refunded; expired: its hours ran out unpaid. */
export type BargainStatus = 'open' | 'paid' | 'refunded' | 'expired'

export interface BargainCampaignView extends BargainTerms {
  id: string
  title: string
  targetType: BargainTarget['type']
  itemName: string
  /** What it costs elsewhere (the plan's price, the event fee), 0 for a mall item. */
  originalFen: number
  /** running, paused or ended (no new bargains). */
  phase: 'running' | 'paused' | 'ended'
  needsAddress: boolean
  /** The caller's bargain in this campaign (open, paid or refunded; an expired one is dropped). */
  mine: { bargainId: string; status: BargainStatus; priceFen: number } | null
  serverNow: number
}

export interface BargainCutterView {
  k: number
  nickname: string
  avatarUrl: string
  amountFen: number
  at: number
}

export interface BargainView {
  id: string
  campaignId: string
  title: string
  targetType: BargainTarget['type']
  itemName: string
  starterNickname: string
  startFen: number
  floorFen: number
  /** Cut so far and the price now (start − cut). */
  cutFen: number
  priceFen: number
  /** floor reached: priceFen − floorFen. */
  leftFen: number
  cuts: number
  cutsTotal: number
  reachedFloor: boolean
  expiresAt: number
  status: BargainStatus
  /** The cutters, newest first. */
  cutters: BargainCutterView[]
  /** The caller is the one who started it. */
  isMine: boolean
  /** The caller's own cut of this bargain, null when none. */
  myCut: { k: number; amountFen: number } | null
  /** The starter's unpaid order (its price was fixed when it opened: later cuts do not change it). */
  openOrder: { orderId: string; amountFen: number; payBefore: number } | null
  /** The paid order, once paid. */
  paidOrderId: string | null
  needsAddress: boolean
  /** Campaign paused: no cuts now (paying stays open). */
  paused: boolean
  serverNow: number
}

export interface CutBargainResult {
  /** This cut's place (1..N) and amount. */
  k: number
  amountFen: number
  /** The bargain's price after this cut. */
  priceFen: number
  reachedFloor: boolean
}

export interface PayBargainResult {
  orderId: string
  amountFen: number
  payBefore: number
  payment: ClientPaymentView
  /** The bargain's open order answered again (its price as it was when it opened). */
  resumed: boolean
}

export interface BargainMeasures {
  /** Bargains started (every member's, expired included). */
  started: number
  reachedFloor: number
  /** Paid and not refunded. */
  paid: number
  /** Sum of the paid bargains' prices (of the first 100 paid; `revenueCapped` says there are more). */
  revenueFen: number
  revenueCapped: boolean
  /** Cutters who joined the community after the campaign was made. */
  newMembers: number
  cuts: number
}

export interface HostBargainCampaignView extends BargainCampaignView {
  paused: boolean
  measures: BargainMeasures
}

export interface BargainCutLogEntry {
  id: string
  bargainId: string
  starterNickname: string
  cutterNickname: string
  k: number
  amountFen: number
  newMember: boolean
  at: number
}

export type BargainCampaignPage = Page<BargainCampaignView>
export type HostBargainCampaignPage = Page<HostBargainCampaignView>
