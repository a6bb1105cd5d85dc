// The timer job that expires points a grant has left once its time is up
// (first in, first out: spending already used the oldest grants first).
//
// First-in-first-out spending only adds to the wallet's `unsettledSpent` (see
// spend() in ledger.ts); this job settles it into the grants' stored
// `remaining`, oldest grant first, as it works through each member's grants up
// to the last one due, then expires what the due grants truly have left. A
// grant done is stored with nothing left, so it leaves the due query and the
// next run starts where this one stopped.
import type { Runtime } from '../../platform/runtime'
import { chinaDate } from '../time/china-calendar'
import { entryId, fifoOrder, trueRemaining } from './ledger'
import { unspentGrants } from './unspent'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from './wallet'

/** Due grants per run: about 3 requests each (read, write, expiry entry) plus a few per member, within 500. */
export const EXPIRE_BATCH = 100
/** Grants settled together in one transaction. */
const GRANTS_PER_TRANSACTION = 10

export async function expirePoints(runtime: Runtime, batch = EXPIRE_BATCH): Promise<{ expired: number; points: number }> {
  const now = runtime.clock.now()
  const due = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ expiresAt: { $lte: now }, remaining: { $gt: 0 } }, { sort: [['expiresAt', 'asc']], limit: batch })
  const byMember = new Map<string, LedgerEntryDoc[]>()
  for (const g of due.items) byMember.set(g.openid, [...(byMember.get(g.openid) ?? []), g])
  let expired = 0
  let points = 0
  for (const [openid, dueGrants] of byMember) {
    const dueIds = new Set(dueGrants.map((g) => g._id))
    // The oldest grants up to the last one due: the member's unsettled spending is owed by them first.
    const stored = fifoOrder(await unspentGrants(runtime, openid))
    const lastDue = stored.reduce((last, g, i) => (dueIds.has(g._id) ? i : last), -1)
    const listed = new Set(stored.map((g) => g._id))
    const work = fifoOrder([...stored.slice(0, lastDue + 1), ...dueGrants.filter((g) => !listed.has(g._id))])
    for (let i = 0; i < work.length; i += GRANTS_PER_TRANSACTION) {
      const chunk = work.slice(i, i + GRANTS_PER_TRANSACTION)
      const done = await runtime.store.transaction(async (tx) => {
        const wallets = tx.collection<WalletDoc>(WALLETS)
        const ledger = tx.collection<LedgerEntryDoc>(LEDGER)
        const wallet = await wallets.get(openid)
        if (!wallet) return { expired: 0, points: 0 }
        const fresh: LedgerEntryDoc[] = []
        for (const g of chunk) {
          const doc = await ledger.get(g._id) // re-read inside the transaction
          if (doc && doc.remaining > 0) fresh.push(doc)
        }
        const left = trueRemaining(fresh, wallet.unsettledSpent ?? 0)
        const settled = fresh.reduce((sum, g) => sum + g.remaining - left.get(g._id)!, 0)
        let balance = wallet.points
        let result = { expired: 0, points: 0 }
        for (const g of fifoOrder(fresh)) {
          let remaining = left.get(g._id)!
          if (dueIds.has(g._id) && g.expiresAt !== null && g.expiresAt <= now) {
            // Whatever the wallet could still cover, this grant is done.
            const take = Math.min(remaining, balance)
            if (take > 0) {
              await ledger.insert({
                _id: entryId(openid, 'expire', g._id), openid, rule: 'expire', refId: g._id, reason: '积分到期',
                points: -take, growth: 0, createdAt: now, date: chinaDate(now), expiresAt: null, remaining: 0
              })
              balance -= take
              result = { expired: result.expired + 1, points: result.points + take }
            }
            remaining = 0
          }
          if (remaining !== g.remaining) await ledger.set({ ...g, remaining })
        }
        if (settled > 0 || balance !== wallet.points) {
          await wallets.set({ ...wallet, points: balance, unsettledSpent: (wallet.unsettledSpent ?? 0) - settled, updatedAt: now })
        }
        return result
      })
      expired += done.expired
      points += done.points
    }
  }
  return { expired, points }
}
