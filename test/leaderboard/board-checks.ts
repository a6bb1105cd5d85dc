// Shared by the leaderboard and contention suites: run cron until facts and
// boards are drained, read whole collections, and recount every board from
// what lies beneath it (its entries, the ledger, the check-ins).
import type { BaseDoc, Store } from '../../cloudfunctions/ports/store'
import type { Runtime } from '../../cloudfunctions/platform/runtime'
import { runJobsByName } from '../../cloudfunctions/domain/jobs/jobs'
import { ENTRIES, boardIds, type EntryDoc } from '../../cloudfunctions/domain/leaderboard/boards'
import { BUCKET, RANK_COUNTS, bucketOf, type CountsDoc } from '../../cloudfunctions/domain/leaderboard/rank-counts'
import { FACTS, type FactDoc } from '../../cloudfunctions/domain/facts/facts'
import { LEDGER, type LedgerEntryDoc, type LedgerRule } from '../../cloudfunctions/domain/growth/wallet'

/** Every document of a collection, page by page. */
export async function readAll<T extends BaseDoc>(store: Store, name: string, filter: Record<string, never> | object = {}): Promise<T[]> {
  const all: T[] = []
  let after: string | null = null
  do {
    const page = await store.collection<T>(name).find(filter as never, { limit: 100, after })
    all.push(...page.items)
    after = page.next
  } while (after)
  return all
}

/** Runs the cron jobs that apply facts and move boards until neither has work left. */
export async function drainBoards(runtime: Runtime, maxRuns = 500): Promise<{ runs: number }> {
  for (let runs = 1; runs <= maxRuns; runs++) {
    const report = await runJobsByName(runtime, ['applyFacts', 'moveBoards'])
    const failed = report.jobs.find((j) => !j.ok)
    if (failed) throw new Error(`cron job ${failed.job} failed: ${failed.error}`)
    const [apply, move] = report.jobs
    if (apply.counts.applied === 0 && apply.counts.skipped === 0 && move.counts.facts === 0) return { runs }
  }
  throw new Error(`boards not drained after ${maxRuns} cron runs`)
}

/** Facts not yet applied to points, or applied but not yet moved onto the boards. */
export async function undrainedFacts(store: Store): Promise<number> {
  return (await store.collection(FACTS).count({ processedAt: null })) + (await store.collection(FACTS).count({ boards: 'pending' }))
}

/** The boards' state with timestamps of the mover's own bookkeeping left out: entries and non-zero counts. */
export async function boardState(store: Store): Promise<{ entries: Record<string, [number, number]>; counts: Record<string, Record<string, number>> }> {
  const entries: Record<string, [number, number]> = {}
  for (const e of await readAll<EntryDoc>(store, ENTRIES)) entries[e._id] = [e.score, e.reachedAt]
  const counts: Record<string, Record<string, number>> = {}
  for (const c of await readAll<CountsDoc>(store, RANK_COUNTS)) {
    const n = Object.fromEntries(
      Object.entries(c.n)
        .filter(([, v]) => v !== 0)
        .sort(([a], [b]) => Number(a) - Number(b))
    )
    if (Object.keys(n).length > 0) counts[c._id] = n
  }
  return { entries, counts }
}

/**
 * Every board's histogram recounted from its entries: the coarse document
 * counts each bucket, each bucket document each score, the total is the number
 * of entries. Returns the problems found (empty when all agree).
 */
export async function histogramProblems(store: Store): Promise<string[]> {
  const { counts } = await boardState(store)
  const expected: Record<string, Record<string, number>> = {}
  const add = (id: string, key: string) => {
    expected[id] ??= {}
    expected[id][key] = (expected[id][key] ?? 0) + 1
  }
  for (const e of await readAll<EntryDoc>(store, ENTRIES)) {
    add(`${e.boardId}#c`, String(bucketOf(e.score)))
    add(`${e.boardId}#b${bucketOf(e.score)}`, String(e.score))
  }
  const problems: string[] = []
  for (const id of new Set([...Object.keys(expected), ...Object.keys(counts)])) {
    const want = JSON.stringify(Object.fromEntries(Object.entries(expected[id] ?? {}).sort(([a], [b]) => Number(a) - Number(b))))
    const got = JSON.stringify(counts[id] ?? {})
    if (want !== got) problems.push(`${id}: counts ${got}, entries say ${want}`)
  }
  return problems
}

/** Rules whose points are "earned" and so move the points boards (manual grants, spending and refunds do not). */
const EARNED: LedgerRule[] = ['checkinPosted', 'streakReached', 'challengeCompleted', 'featuredByHost', 'commentReceived', 'eventAttended', 'inviteActivated', 'firstPayment']

/**
 * The points boards (week, month, all time) recounted from the ledger: each
 * earned entry's points, on the boards of the period its fact happened in.
 * Returns board id → openid → score.
 */
export async function pointsBoardsFromLedger(store: Store): Promise<Map<string, Map<string, number>>> {
  const facts = new Map((await readAll<FactDoc>(store, FACTS)).map((f) => [f._id, f]))
  // A hidden check-in's points come off the boards of the time they were earned.
  const revoked = new Set([...facts.values()].filter((f) => f.type === 'checkin.revoked' && (f.granted ?? 0) < 0).map((f) => `checkin.posted:${f.refId}`))
  const boards = new Map<string, Map<string, number>>()
  for (const entry of await readAll<LedgerEntryDoc>(store, LEDGER)) {
    if (!EARNED.includes(entry.rule) || entry.points <= 0 || revoked.has(entry.refId)) continue
    const fact = facts.get(entry.refId)
    if (!fact) throw new Error(`ledger entry ${entry._id} has no fact ${entry.refId}`)
    for (const boardId of [boardIds.week(fact.createdAt), boardIds.month(fact.createdAt), boardIds.all()]) {
      const board = boards.get(boardId) ?? new Map<string, number>()
      board.set(entry.openid, (board.get(entry.openid) ?? 0) + entry.points)
      boards.set(boardId, board)
    }
  }
  return boards
}

/** A board's entries as openid → score (score-0 entries left out: they are nobody's points). */
export async function boardScores(store: Store, boardId: string): Promise<Map<string, number>> {
  const entries = await readAll<EntryDoc>(store, ENTRIES, { boardId })
  return new Map(entries.filter((e) => e.score > 0).map((e) => [e.openid, e.score]))
}

export { BUCKET }
