import type { Runtime } from '../../platform/runtime'
import type { Page } from '../../ports/store'
import { fifoCompare } from './ledger'
import { LEDGER, type LedgerEntryDoc, type WalletDoc } from './wallet'

/** Grants read per page: the Store's largest page. */
export const UNSPENT_PAGE = 100

/**
 * One page of a member's grants with points left as stored, oldest first (the
 * Store breaks createdAt ties by `_id`, as fifoOrder() does): the order points
 * are spent in. The wallet's `unsettledSpent` is still owed by the oldest of
 * them: trueRemaining() in ledger.ts applies it, over a run of pages that
 * starts at the first.
 */
export function unspentPage(runtime: Runtime, openid: string, after: string | null = null): Promise<Page<LedgerEntryDoc>> {
  return runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid, remaining: { $gt: 0 } }, { sort: [['createdAt', 'asc']], limit: UNSPENT_PAGE, after })
}

/** What the grants hold as stored. */
export function heldBy(grants: LedgerEntryDoc[]): number {
  return grants.reduce((sum, g) => sum + Math.max(0, g.remaining), 0)
}

/**
 * What the grants older than `grant` hold as stored, for spend()'s `first`
 * (read before the transaction, which cannot query). Every grant's stored
 * remainder less the unsettled spending is the wallet's balance, so what the
 * older ones hold is that total less what `grant` and the grants after it hold:
 * only those are read (usually one page: the grant taken back is a recent one).
 */
export async function olderHeldOf(runtime: Runtime, grant: LedgerEntryDoc, wallet: Pick<WalletDoc, 'points' | 'unsettledSpent'> | null): Promise<number> {
  const unsettled = wallet?.unsettledSpent ?? 0
  // Nothing owed (or nothing left to take): what older grants hold does not matter.
  if (!wallet || unsettled <= 0 || grant.remaining <= 0) return 0
  const ledger = runtime.store.collection<LedgerEntryDoc>(LEDGER)
  let held = 0
  let after: string | null = null
  do {
    const page: Page<LedgerEntryDoc> = await ledger.find(
      { openid: grant.openid, remaining: { $gt: 0 }, createdAt: { $gte: grant.createdAt } },
      { sort: [['createdAt', 'asc']], limit: UNSPENT_PAGE, after }
    )
    held += heldBy(page.items.filter((g) => fifoCompare(g, grant) >= 0))
    after = page.next
  } while (after)
  return Math.max(0, wallet.points + unsettled - held)
}
