// Tier perk: free make-up cards each China month, granted the first time the
// member shows up that month (once per member per month, whatever runs it).
// The grant is a keyed perkGrants document written with the cards; the wallet
// remembers the month it was given, so the usual visit (already given, or a
// tier with no cards) costs no request beyond the wallet read the caller makes.
import type { GrowthSettings } from '../../../types/growth'
import type { Runtime } from '../../platform/runtime'
import { COLLECTIONS } from '../../platform/collections'
import { chinaTime } from '../../ports/clock'
import { StoreConflictError } from '../../ports/store'
import { WALLETS, emptyWallet, type WalletDoc } from './wallet'

function cardsFor(settings: GrowthSettings, tierLevel: number): number {
  return settings.tiers.find((tier) => tier.level === tierLevel)?.perks.monthlyMakeupCards ?? 0
}

/** A member's first look at their growth makes their (empty) wallet: the host's segments list them as silent. */
async function createWallet(runtime: Runtime, openid: string, now: number): Promise<WalletDoc> {
  const wallets = runtime.store.collection<WalletDoc>(WALLETS)
  const wallet = emptyWallet(openid, now)
  try {
    await wallets.insert(wallet)
    return wallet
  } catch (error) {
    // Made at the same moment by another call (outside any transaction, so nothing is aborted).
    if (error instanceof StoreConflictError) return (await wallets.get(openid)) ?? wallet
    throw error
  }
}

/** Gives this month's cards when due; returns the wallet as it now is (made when the member had none). */
export async function ensureMonthlyPerks(runtime: Runtime, openid: string, now: number, settings: GrowthSettings, known: WalletDoc | null): Promise<WalletDoc> {
  const wallet = known ?? (await createWallet(runtime, openid, now))
  const month = chinaTime(now).format('YYYYMM')
  // A tier without cards has nothing to give (reaching a tier mid-month still brings this month's cards).
  if (wallet.perksMonth === month || cardsFor(settings, wallet.tierLevel) <= 0) return wallet
  const key = `monthlyCards:${openid}:${month}`
  return runtime.store.transaction(async (tx) => {
    const txGrants = tx.collection<{ _id: string; cards: number; at: number }>(COLLECTIONS.perkGrants.name)
    const wallets = tx.collection<WalletDoc>(WALLETS)
    const fresh = (await wallets.get(openid)) ?? emptyWallet(openid, now)
    const cards = cardsFor(settings, fresh.tierLevel)
    if (fresh.perksMonth === month || cards <= 0) return fresh
    // A wallet that remembers an earlier month has not had this one's (its keyed record is new: a plain insert);
    // for wallets from before perksMonth, the keyed record says whether this month was given.
    const given = fresh.perksMonth !== undefined ? null : await txGrants.get(key)
    if (!given) await txGrants.insert({ _id: key, cards, at: now })
    const next: WalletDoc = { ...fresh, makeupCards: fresh.makeupCards + (given ? 0 : cards), perksMonth: month, updatedAt: now }
    await wallets.set(next)
    return next
  })
}
