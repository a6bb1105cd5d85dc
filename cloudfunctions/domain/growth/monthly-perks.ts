// Tier perk: free make-up cards each China month, granted the first time the
// member shows up that month (once per member per month, whatever runs it).
import type { Runtime } from '../../platform/runtime'
import { COLLECTIONS } from '../../platform/collections'
import { chinaTime } from '../../ports/clock'
import { loadSettings } from './settings'
import { WALLETS, walletIn, type WalletDoc } from './wallet'

export async function ensureMonthlyPerks(runtime: Runtime, openid: string, now: number): Promise<void> {
  const month = chinaTime(now).format('YYYYMM')
  const key = `monthlyCards:${openid}:${month}`
  const grants = runtime.store.collection<{ _id: string }>(COLLECTIONS.perkGrants.name)
  if (await grants.get(key)) return
  const settings = await loadSettings(runtime)
  await runtime.store.transaction(async (tx) => {
    const txGrants = tx.collection<{ _id: string; cards: number; at: number }>(COLLECTIONS.perkGrants.name)
    if (await txGrants.get(key)) return
    const wallets = tx.collection<WalletDoc>(WALLETS)
    const wallet = await walletIn(wallets, openid, now)
    const cards = settings.tiers.find((tier) => tier.level === wallet.tierLevel)?.perks.monthlyMakeupCards ?? 0
    // Only a month with cards to give is marked, so reaching a tier mid-month still brings this month's cards.
    if (cards <= 0) return
    await txGrants.insert({ _id: key, cards, at: now })
    await wallets.update(openid, { inc: { makeupCards: cards }, set: { updatedAt: now } })
  })
}
