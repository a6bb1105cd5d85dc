import type { Runtime } from '../../platform/runtime'
import { LEDGER, type LedgerEntryDoc } from './wallet'

/**
 * A member's grants with points left as stored, oldest first: the order points are spent in.
 * The wallet's `unsettledSpent` is still owed by the oldest of them: trueRemaining() in ledger.ts applies it.
 */
export async function unspentGrants(runtime: Runtime, openid: string): Promise<LedgerEntryDoc[]> {
  const page = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid, remaining: { $gt: 0 } }, { sort: [['createdAt', 'asc']], limit: 100 })
  return page.items
}
