// The timer's refund of gift cards nobody claimed within 30 days of payment.
// Each card moves unclaimed → refunding in the same transaction that records
// its refund (out_refund_no `${orderId}-unclaimed`, one per order) and moves
// its order to refunding: a second run, an overlapping run, or a claim
// committed first all find it no longer unclaimed, so each card is refunded
// once and never both refunded and claimed. The refund then goes through the
// orders module's path (the provider, settling, the notice; the reconcile
// timer when WeChat does not answer at once), and settling marks the card
// refunded (gift-order.ts). Nothing was granted, so nothing is taken back.
import type { Runtime } from '../../../platform/runtime'
import { beginRefund, finishRefund, type BegunRefund } from '../../orders/refunds'
import '../../orders/installed-kinds'
import { GIFT_CARDS, logGift, type GiftCardDoc } from './gift'

/** Cards taken per run: about 15 requests each (the refund transaction, the provider, settling it with its notice). */
export const REFUND_BATCH = 20

export async function refundUnclaimedGiftCards(runtime: Runtime, options: { limit?: number } = {}): Promise<{ refunded: number; skipped: number }> {
  const now = runtime.clock.now()
  const due = await runtime.store.collection<GiftCardDoc>(GIFT_CARDS).find({ state: 'unclaimed', expiresAt: { $lte: now } }, { sort: [['expiresAt', 'asc']], limit: options.limit ?? REFUND_BATCH })
  let refunded = 0
  let skipped = 0
  for (const candidate of due.items) {
    let begun: BegunRefund | null = null
    try {
      begun = await runtime.store.transaction(async (tx) => {
        const cards = tx.collection<GiftCardDoc>(GIFT_CARDS)
        const card = await cards.get(candidate._id)
        // Claimed (or taken by another run) since the find: nothing to do.
        if (!card || card.state !== 'unclaimed' || card.expiresAt > now) return null
        const started = await beginRefund(tx, card.orderId, { amountFen: 'rest', outRefundNo: `${card.orderId}-unclaimed`, endsAccess: false, now, purpose: 'host', quietly: true })
        if (!started) return null
        await cards.set({ ...card, state: 'refunding', updatedAt: now })
        return started
      })
    } catch (error) {
      console.error('[gift] refund of an unclaimed card skipped:', (error as Error).message)
    }
    if (!begun) {
      skipped += 1
      continue
    }
    await finishRefund(runtime, begun, '礼品卡 30 天未被领取，自动退款').catch((error) => console.error('[gift] refund left for the reconcile timer', (error as Error).message))
    await logGift(
      runtime,
      {
        kind: 'refunded',
        openid: candidate.buyer,
        cardId: candidate._id,
        text: `礼品卡 30 天未被领取，已退款 ¥${(candidate.priceFen / 100).toFixed(2)}（${candidate.circleName}·${candidate.planName}）`,
        at: now
      },
      `refunded:${candidate._id}`
    )
    refunded += 1
  }
  return { refunded, skipped }
}
