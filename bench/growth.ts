// Ledger grants per second (sequential, embedded database) and, after a
// concurrent redemption run, whether every balance still equals its ledger.
import { createLocalRuntime } from '../cloudfunctions/adapters/local/local-runtime'
import { grant } from '../cloudfunctions/domain/growth/ledger'
import { DEFAULT_TIERS } from '../cloudfunctions/domain/growth/settings'
import { createMallItem, redeem } from '../cloudfunctions/domain/growth/mall'
import { withConflictRetries } from '../cloudfunctions/platform/conflict-retries'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from '../cloudfunctions/domain/growth/wallet'

const GRANTS = 20_000

export async function benchGrowth(): Promise<Record<string, number | boolean>> {
  const runtime = createLocalRuntime({ dataDir: ':memory:' })
  const now = Date.parse('2026-11-23T10:00:00+08:00')
  const start = process.hrtime.bigint()
  for (let i = 0; i < GRANTS; i++) {
    await runtime.store.transaction((tx) =>
      grant(
        tx,
        {
          openid: `o${i % 500}`,
          rule: 'checkinPosted',
          refId: `k${i}`,
          reason: '打卡',
          points: 10,
          growth: 10,
          dailyCap: null,
          expireMonths: 12,
          now: now + i
        },
        DEFAULT_TIERS
      )
    )
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9

  const host = { openid: 'host', role: 'owner' as const }
  const item = await createMallItem(runtime, host, { name: '补卡券', description: '', imageFileId: '', kind: 'makeupCard', pricePoints: 30, stock: 300, minTierLevel: 1, perMemberLimit: 0 }, now)
  // As the router runs them: a redemption that loses the stock counter's write conflict runs again after a jittered pause.
  const attempts = await Promise.allSettled(
    Array.from({ length: 1000 }, (_, i) =>
      withConflictRetries(() => redeem(runtime, { openid: `o${i % 500}`, role: 'member' }, { itemId: item.id, requestId: `bench-${String(i).padStart(5, '0')}` }, now))
    )
  )
  const wallets = (await runtime.store.collection<WalletDoc>(WALLETS).find({}, { limit: 100 })).items
  let balanced = true
  for (const wallet of wallets) {
    let sum = 0
    let after: string | null = null
    do {
      const page: { items: LedgerEntryDoc[]; next: string | null } = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid: wallet._id }, { limit: 100, after })
      sum += page.items.reduce((s, e) => s + e.points, 0)
      after = page.next
    } while (after)
    balanced = balanced && sum === wallet.points && wallet.points >= 0
  }
  await runtime.store.close()
  return {
    grants_per_s: Math.round(GRANTS / seconds),
    redemptions_ok: attempts.filter((a) => a.status === 'fulfilled').length,
    balance_check_ok: balanced
  }
}
