// 秒杀 flash sales (cloud function `fission`, domain/plays/flash-sale): stock of a
// plan, an event seat or a mall item on sale at a price in fen for a time window,
// one per member.
import type { ClientPaymentView } from './membership'
import type { Page } from './page'
import type { ShippingAddress } from './growth'

/** What is on sale: a plan of a paid circle, a seat of an event, or a points-mall item (sold for money here). */
export type FlashSaleTarget = { type: 'plan'; circleId: string; planId: string } | { type: 'event'; eventId: string } | { type: 'mall'; itemId: string }

export interface CreateFlashSaleInput {
  target: FlashSaleTarget
  /** 2–30 characters; shown on the card and the share title. */
  title: string
  /** Sale price in fen, 1–1,000,000. */
  priceFen: number
  /** Units on sale, 1–200 (one stock slot document each). */
  stock: number
  startAt: number
  endAt: number
}

export interface FlashSaleIdInput {
  saleId: string
}

export interface PauseFlashSaleInput {
  saleId: string
  paused: boolean
}

export interface BuyFlashSaleInput {
  saleId: string
  /** A mall item of kind physical ships: where to. */
  address?: ShippingAddress
}

/** Before the start 即将开始, during 立即抢购, no free unit 已抢光, paused 已暂停, after the end 已结束. */
export type FlashSalePhase = 'upcoming' | 'onSale' | 'soldOut' | 'paused' | 'ended'

/** Stock left, shown approximately (a member sees a band, the host the count). */
export type StockBand = 'plenty' | 'some' | 'few' | 'none'

export interface FlashSaleView {
  id: string
  title: string
  targetType: FlashSaleTarget['type']
  /** The plan's, event's or item's own name. */
  itemName: string
  /** What it costs elsewhere (the plan's price, the event fee), 0 when it has none in fen (a mall item). */
  originalFen: number
  priceFen: number
  stock: number
  startAt: number
  endAt: number
  phase: FlashSalePhase
  stockBand: StockBand
  /** Percent of the stock still free, rounded to 10 (approximate on purpose). */
  leftPercent: number
  /** A mall item of kind physical: the buyer gives an address. */
  needsAddress: boolean
  /** The caller's own purchase: held (待支付, with its order), paid, refunded; null when none or it lapsed. */
  mine: { status: 'held' | 'paid' | 'refunded'; orderId: string; payBefore: number } | null
  /** Server time of the answer, so the countdown runs from the server's clock. */
  serverNow: number
}

export interface FlashSaleMeasures {
  /** Members who took a unit (paid or not, a lapsed one included). */
  started: number
  /** Units taken now (held by an unpaid order, paid, or refunded after the end): stock − left. */
  sold: number
  /** Paid and not refunded. */
  paid: number
  /** paid × price (a refunded purchase leaves it). */
  revenueFen: number
  /** Paying buyers who joined the community after the sale was made. */
  newMembers: number
  left: number
}

export interface HostFlashSaleView extends FlashSaleView {
  paused: boolean
  measures: FlashSaleMeasures
}

export interface BuyFlashSaleResult {
  orderId: string
  amountFen: number
  payBefore: number
  payment: ClientPaymentView
  /** The member's open order answered again (a second tap). */
  resumed: boolean
}

export type FlashSalePage = Page<FlashSaleView>
export type HostFlashSalePage = Page<HostFlashSaleView>
