// 秒杀 flash sales: the documents. A sale is written by hosts only; buyers read
// it and never write it. Its stock is one slot document per unit
// (`${saleId}:${n}`), each taken by one conditional update (free → held), so a
// rush of buyers spreads over as many documents as there are units and no
// document is written by every buyer. A member's one purchase is a claim
// document (`${saleId}:${openid}`) written in the small transaction that makes
// the order. The design and its request counts: README.md, 秒杀 flash sales.
import type { FlashSalePhase, StockBand } from '../../../../types/flash-sale'
import { COLLECTIONS } from '../../../platform/collections'
import { errors } from '../../../platform/app-error'
import type { Runtime } from '../../../platform/runtime'
import { itemNameOf, type SoldTargetDoc } from '../sold-target/target'

export const FLASH_SALES = COLLECTIONS.flashSales.name
export const FLASH_SLOTS = COLLECTIONS.flashSaleSlots.name
export const FLASH_CLAIMS = COLLECTIONS.flashSaleClaims.name

/** An unpaid flash-sale order lets its unit go after this long (the close-unpaid timer closes it, the kind frees the slot). */
export const FLASH_PAY_WINDOW_MS = 5 * 60_000
/** A slot held this long without its order (the buyer's function died between the two steps) is free again: a transaction lives 30 s at most. */
export const STALE_HOLD_MS = 2 * 60_000
/** Units per sale: one slot document each, written when the sale is made. */
export const MAX_STOCK = 200

export type FlashTargetDoc = SoldTargetDoc
export { itemNameOf }

export interface FlashSaleDoc {
  _id: string
  title: string
  target: FlashTargetDoc
  priceFen: number
  stock: number
  startAt: number
  endAt: number
  paused: boolean
  createdBy: string
  createdAt: number
  updatedAt: number
}

/**
 * free → held (taken by a buyer, the order being written) → ordered (its order, paid or not);
 * ordered → free when the order closes unpaid or is refunded while the sale runs, → refunded when refunded after it.
 */
export type SlotState = 'free' | 'held' | 'ordered' | 'refunded'

export interface FlashSlotDoc {
  _id: string
  saleId: string
  n: number
  state: SlotState
  orderId: string | null
  openid: string | null
  heldAt: number | null
}

/** held: an unpaid order; paid; refunded; released: it lapsed unpaid (the member may try again). */
export type ClaimState = 'held' | 'paid' | 'refunded' | 'released'

export interface FlashClaimDoc {
  _id: string
  saleId: string
  openid: string
  state: ClaimState
  orderId: string
  slotId: string
  /** When the held order's payment window closes (state held). */
  payBefore: number
  /** Joined the community after the sale was made (the host's 新成员 measure). */
  newMember: boolean
  createdAt: number
  updatedAt: number
}

export const slotIdOf = (saleId: string, n: number) => `${saleId}:${n}`
export const claimIdOf = (saleId: string, openid: string) => `${saleId}:${openid}`

export async function loadSale(runtime: Runtime, saleId: string): Promise<FlashSaleDoc> {
  const sale = await runtime.store.collection<FlashSaleDoc>(FLASH_SALES).get(saleId)
  if (!sale) throw errors.notFound('秒杀活动')
  return sale
}

/** The phase a member sees; `left` is the free units (null when not counted). */
export function phaseOf(sale: FlashSaleDoc, now: number, left: number | null): FlashSalePhase {
  if (now >= sale.endAt) return 'ended'
  if (sale.paused) return 'paused'
  if (now < sale.startAt) return 'upcoming'
  return left === 0 ? 'soldOut' : 'onSale'
}

/** Stock left as a band and a percent rounded to 10: members see it approximately, on purpose. */
export function stockBand(stock: number, left: number): { band: StockBand; percent: number } {
  if (left <= 0) return { band: 'none', percent: 0 }
  const ratio = left / stock
  const percent = Math.max(10, Math.round(ratio * 10) * 10)
  return { band: ratio > 0.5 ? 'plenty' : ratio > 0.2 ? 'some' : 'few', percent }
}
