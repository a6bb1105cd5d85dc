// What "我的成长" shows, and the member's ledger history.
import type { GrowthSummary, LedgerEntryView } from '../../../types/growth'
import type { Page, PageInput } from '../../../types/page'
import type { Runtime } from '../../platform/runtime'
import { ensureMonthlyPerks } from './monthly-perks'
import { loadSettings, nextTier, tierFor } from './settings'
import { trueRemaining } from './ledger'
import { heldBy, unspentPage } from './unspent'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from './wallet'

const THIRTY_DAYS = 30 * 24 * 3600_000
/** Pages of grants the summary reads at most (1,000 grants). */
const SUMMARY_PAGES = 10

export async function growthSummary(runtime: Runtime, openid: string, now: number): Promise<GrowthSummary> {
  // Three reads at once: settings, wallet, and the first page of grants with points left (oldest first).
  const [settings, stored, first] = await Promise.all([loadSettings(runtime), runtime.store.collection<WalletDoc>(WALLETS).get(openid), unspentPage(runtime, openid)])
  const wallet = await ensureMonthlyPerks(runtime, openid, now, settings, stored)
  const soon = (g: LedgerEntryDoc) => g.expiresAt !== null && g.expiresAt <= now + THIRTY_DAYS
  // Further pages only while the unsettled spending reaches past the grants read (they owe it oldest first), or the
  // last one read still expires soon (later grants expire no sooner): one page for almost every member.
  const unspent = [...first.items]
  let after = first.next
  for (let pages = 1; after && pages < SUMMARY_PAGES && (heldBy(unspent) < (wallet.unsettledSpent ?? 0) || soon(unspent[unspent.length - 1])); pages++) {
    const page = await unspentPage(runtime, openid, after)
    unspent.push(...page.items)
    after = page.next
  }
  const tier = settings.tiers.find((t) => t.level === wallet.tierLevel) ?? tierFor(wallet.growth, settings.tiers)
  const next = nextTier(tier, settings.tiers)
  // What each grant truly has left, after the spending the oldest grants still owe.
  const left = trueRemaining(unspent, wallet.unsettledSpent ?? 0)
  const expiringSoon = unspent.filter(soon).reduce((sum, g) => sum + (left.get(g._id) ?? 0), 0)
  return {
    points: wallet.points,
    growth: wallet.growth,
    tier,
    nextTier: next,
    growthToNext: next ? Math.max(0, next.minGrowth - wallet.growth) : 0,
    expiringSoon,
    makeupCards: wallet.makeupCards,
    celebrateTier: wallet.celebrateLevel ? (settings.tiers.find((t) => t.level === wallet.celebrateLevel) ?? null) : null,
    tiers: [...settings.tiers].sort((a, b) => a.level - b.level)
  }
}

export async function acknowledgeCelebration(runtime: Runtime, openid: string, now: number): Promise<{ acknowledged: true }> {
  await runtime.store.collection<WalletDoc>(WALLETS).updateIf(openid, { celebrateLevel: { $ne: null } }, { set: { celebrateLevel: null, updatedAt: now } })
  return { acknowledged: true }
}

export function toLedgerView(entry: LedgerEntryDoc): LedgerEntryView {
  return { id: entry._id, rule: entry.rule, reason: entry.reason, points: entry.points, growth: entry.growth, createdAt: entry.createdAt }
}

export async function ledgerHistory(runtime: Runtime, openid: string, input: PageInput): Promise<Page<LedgerEntryView>> {
  const page = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid }, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  return { items: page.items.map(toLedgerView), next: page.next }
}
