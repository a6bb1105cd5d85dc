// The timer job that expires points a grant has left once its time is up
// (first in, first out: spending already used the oldest grants first).
//
// First-in-first-out spending only adds to the wallet's `unsettledSpent` (see
// spend() in ledger.ts); this job settles it into the grants' stored
// `remaining`. For each member with grants due it walks the member's grants
// with points left oldest first, page after page (however many there are),
// settling the unsettled spending into them and expiring what the due ones
// truly have left, up to the last grant due in this batch. Once nothing is
// unsettled, what a grant stores is what it has: the due grants left are
// expired without walking the rest. A grant done is stored with nothing left,
// so it leaves the queries and the next run starts where this one stopped; a
// run stops before its request budget is spent.
import type { Runtime } from '../../platform/runtime'
import { chinaDate } from '../time/china-calendar'
import { entryId, fifoCompare, fifoOrder, trueRemaining } from './ledger'
import { unspentPage } from './unspent'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from './wallet'

/** Due grants per run. */
export const EXPIRE_BATCH = 100
/** Grants settled together in one transaction. */
const GRANTS_PER_TRANSACTION = 10
/** Requests a run may make (the cron budget is 500): it stops before a step could pass this. */
const RUN_REQUESTS = 450
/** A transaction over n grants: the wallet's read and write, and per grant a read, a write and an expiry entry. */
const transactionCost = (n: number) => 2 + 3 * n

interface Tally {
  expired: number
  points: number
  requests: number
}

type ChunkResult = { expired: number; points: number; unsettled: number } | 'unsettled'

/**
 * Settles and expires one run of grants in one transaction. With `prefix`, the
 * grants follow on from every older grant with points left (all settled), so
 * the unsettled spending is owed by them first; without it, the transaction
 * only goes ahead when nothing is unsettled (what each grant stores is then
 * what it has).
 */
async function settleChunk(runtime: Runtime, openid: string, chunk: LedgerEntryDoc[], prefix: boolean, now: number): Promise<ChunkResult> {
  return runtime.store.transaction(async (tx): Promise<ChunkResult> => {
    const wallets = tx.collection<WalletDoc>(WALLETS)
    const ledger = tx.collection<LedgerEntryDoc>(LEDGER)
    const wallet = await wallets.get(openid)
    if (!wallet) return { expired: 0, points: 0, unsettled: 0 }
    const unsettled = wallet.unsettledSpent ?? 0
    if (!prefix && unsettled > 0) return 'unsettled'
    const fresh: LedgerEntryDoc[] = []
    for (const g of chunk) {
      const doc = await ledger.get(g._id) // re-read inside the transaction
      if (doc && doc.remaining > 0) fresh.push(doc)
    }
    const left = trueRemaining(fresh, unsettled)
    const settled = fresh.reduce((sum, g) => sum + g.remaining - left.get(g._id)!, 0)
    let balance = wallet.points
    let result = { expired: 0, points: 0 }
    for (const g of fifoOrder(fresh)) {
      let remaining = left.get(g._id)!
      if (g.expiresAt !== null && g.expiresAt <= now) {
        // Whatever the wallet could still cover, this grant is done.
        const take = Math.min(remaining, balance)
        if (take > 0) {
          await ledger.insert({
            _id: entryId(openid, 'expire', g._id),
            openid,
            rule: 'expire',
            refId: g._id,
            reason: '积分到期',
            points: -take,
            growth: 0,
            createdAt: now,
            date: chinaDate(now),
            expiresAt: null,
            remaining: 0
          })
          balance -= take
          result = { expired: result.expired + 1, points: result.points + take }
        }
        remaining = 0
      }
      if (remaining !== g.remaining) await ledger.set({ ...g, remaining })
    }
    if (settled > 0 || balance !== wallet.points) {
      await wallets.set({ ...wallet, points: balance, unsettledSpent: unsettled - settled, updatedAt: now })
    }
    return { ...result, unsettled: unsettled - settled }
  })
}

/** One member's due grants (this batch's, oldest first): settles and expires up to the last of them, within the run's requests. */
async function expireMember(runtime: Runtime, openid: string, due: LedgerEntryDoc[], now: number, tally: Tally): Promise<void> {
  const last = due[due.length - 1]
  const pending = new Map(due.map((g) => [g._id, g]))
  const room = (n: number) => tally.requests + transactionCost(n) <= RUN_REQUESTS
  const run = async (chunk: LedgerEntryDoc[], prefix: boolean): Promise<ChunkResult> => {
    tally.requests += transactionCost(chunk.length)
    const done = await settleChunk(runtime, openid, chunk, prefix, now)
    if (done !== 'unsettled') {
      tally.expired += done.expired
      tally.points += done.points
      for (const g of chunk) pending.delete(g._id)
    }
    return done
  }
  // Nothing unsettled (the usual case): the due grants alone, no walk.
  let unsettled = -1
  if (!room(Math.min(GRANTS_PER_TRANSACTION, pending.size))) return
  const tried = await run(due.slice(0, GRANTS_PER_TRANSACTION), false)
  if (tried !== 'unsettled') unsettled = tried.unsettled
  // Otherwise walk the grants from the oldest, settling as it goes, until nothing is unsettled.
  let after: string | null = null
  while (unsettled !== 0 && pending.size > 0) {
    if (tally.requests + 1 + transactionCost(1) > RUN_REQUESTS) return
    tally.requests += 1
    const page = await unspentPage(runtime, openid, after)
    const upToLast = page.items.filter((g) => fifoCompare(g, last) <= 0)
    for (let i = 0; i < upToLast.length && unsettled !== 0; i += GRANTS_PER_TRANSACTION) {
      const chunk = upToLast.slice(i, i + GRANTS_PER_TRANSACTION)
      if (!room(chunk.length)) return
      const done = await run(chunk, true)
      if (done !== 'unsettled') unsettled = done.unsettled
    }
    if (unsettled === 0 || !page.next || upToLast.length < page.items.length) break
    after = page.next
  }
  // Nothing unsettled now: the due grants not reached by the walk, as they store.
  const rest = fifoOrder([...pending.values()])
  for (let i = 0; i < rest.length && unsettled === 0; i += GRANTS_PER_TRANSACTION) {
    const chunk = rest.slice(i, i + GRANTS_PER_TRANSACTION)
    if (!room(chunk.length)) return
    // Spending since the walk: the next run walks again.
    if ((await run(chunk, false)) === 'unsettled') return
  }
}

export async function expirePoints(runtime: Runtime, batch = EXPIRE_BATCH): Promise<{ expired: number; points: number }> {
  const now = runtime.clock.now()
  const due = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ expiresAt: { $lte: now }, remaining: { $gt: 0 } }, { sort: [['expiresAt', 'asc']], limit: batch })
  const byMember = new Map<string, LedgerEntryDoc[]>()
  for (const g of due.items) byMember.set(g.openid, [...(byMember.get(g.openid) ?? []), g])
  const tally: Tally = { expired: 0, points: 0, requests: 1 }
  for (const [openid, dueGrants] of byMember) {
    await expireMember(runtime, openid, fifoOrder(dueGrants), now, tally)
    if (tally.requests + transactionCost(1) > RUN_REQUESTS) break
  }
  return { expired: tally.expired, points: tally.points }
}
