// The timer job that expires points a grant has left once its time is up
// (first in, first out: spending already used the oldest grants first).
import type { Runtime } from '../../platform/runtime'
import { spend } from './ledger'
import { LEDGER, type LedgerEntryDoc } from './wallet'

export async function expirePoints(runtime: Runtime, batch = 200): Promise<{ expired: number; points: number }> {
  const now = runtime.clock.now()
  const due = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ expiresAt: { $lte: now }, remaining: { $gt: 0 } }, { sort: [['expiresAt', 'asc']], limit: batch })
  let expired = 0
  let points = 0
  for (const grantEntry of due.items) {
    const entry = await runtime.store.transaction(async (tx) => {
      const fresh = await tx.collection<LedgerEntryDoc>(LEDGER).get(grantEntry._id)
      if (!fresh || fresh.remaining <= 0) return null
      const entry = await spend(tx, { openid: fresh.openid, rule: 'expire', refId: fresh._id, reason: '积分到期', amount: fresh.remaining, now, unspent: [fresh], strict: false })
      // Whatever the wallet could still cover, this grant is done.
      await tx.collection<LedgerEntryDoc>(LEDGER).update(fresh._id, { set: { remaining: 0 } })
      return entry
    })
    if (entry) {
      expired++
      points -= entry.points
    }
  }
  return { expired, points }
}
