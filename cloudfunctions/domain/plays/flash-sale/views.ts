// What members and hosts see of a sale: its phase from the server's clock, stock
// left by one count of free slots (approximate for members), the caller's own
// purchase by id, and for hosts the measures by counts on the claims.
import type { FlashSaleMeasures, FlashSaleView, HostFlashSaleView } from '../../../../types/flash-sale'
import type { Runtime } from '../../../platform/runtime'
import { needsAddress, campaignHead } from '../sold-target/target'
import { FLASH_CLAIMS, FLASH_SLOTS, claimIdOf, phaseOf, stockBand, type FlashClaimDoc, type FlashSaleDoc } from './sale'

export function countFree(runtime: Runtime, saleId: string): Promise<number> {
  return runtime.store.collection(FLASH_SLOTS).count({ saleId, state: 'free' })
}

export function toSaleView(sale: FlashSaleDoc, left: number, claim: FlashClaimDoc | null, now: number): FlashSaleView {
  const { band, percent } = stockBand(sale.stock, left)
  const mine = claim && claim.state !== 'released' ? { status: claim.state, orderId: claim.orderId, payBefore: claim.payBefore } : null
  return {
    ...campaignHead(sale, ['priceFen', 'stock', 'startAt', 'endAt']),
    phase: phaseOf(sale, now, left),
    stockBand: band,
    leftPercent: percent,
    needsAddress: needsAddress(sale.target),
    mine,
    serverNow: now
  }
}

/** A member's view: 2 requests (the free count and their own claim). */
export async function memberSaleView(runtime: Runtime, sale: FlashSaleDoc, openid: string, now: number): Promise<FlashSaleView> {
  const [left, claim] = await Promise.all([countFree(runtime, sale._id), runtime.store.collection<FlashClaimDoc>(FLASH_CLAIMS).get(claimIdOf(sale._id, openid))])
  return toSaleView(sale, left, claim, now)
}

/** The host's measures: 4 counts (free slots; claims; paid claims; paid claims by new members). */
export async function measuresOf(runtime: Runtime, sale: FlashSaleDoc): Promise<FlashSaleMeasures> {
  const claims = runtime.store.collection(FLASH_CLAIMS)
  const [left, started, paid, newMembers] = await Promise.all([
    countFree(runtime, sale._id),
    claims.count({ saleId: sale._id }),
    claims.count({ saleId: sale._id, state: 'paid' }),
    claims.count({ saleId: sale._id, state: 'paid', newMember: true })
  ])
  return { started, sold: sale.stock - left, paid, revenueFen: paid * sale.priceFen, newMembers, left }
}

export async function hostSaleView(runtime: Runtime, sale: FlashSaleDoc, now: number): Promise<HostFlashSaleView> {
  const measures = await measuresOf(runtime, sale)
  return { ...toSaleView(sale, measures.left, null, now), paused: sale.paused, measures }
}
