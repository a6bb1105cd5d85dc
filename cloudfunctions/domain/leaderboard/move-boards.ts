// The board mover: turns applied facts into board scores, a batch per cron run.
//
// Facts are applied to points first (in the member's own transaction, see
// growth/apply-events.ts); this job then moves every board those facts touch.
// It is the only writer of board entries and rank counts, and it runs under a
// lease, so no member's action writes a document every member shares (on
// CloudBase a transaction writing a locked document fails at once, and a
// morning rush would make every check-in collide on a board's root).
//
// A batch is worked out in memory from one read of each kind (facts, members,
// entries, counts, boards: `_id in [...]`, 100 a request), then written as
// absolute values: the plan is saved first, so a run that dies half way is
// finished by the next one by writing the same values again.
import type { Runtime } from '../../platform/runtime'
import { isStaff } from '../../../types/roles'
import type { Collection } from '../../ports/store'
import { isConflict } from '../../ports/store'
import { COLLECTIONS } from '../../platform/collections'
import { FACTS, type FactDoc } from '../facts/facts'
import { MEMBERS, type MemberDoc } from '../members/member'
import { BOARDS, ENTRIES, NEWCOMER_DAYS, boardIds, type BoardDoc, type EntryDoc } from './boards'
import { RANK_COUNTS, countChanges, type CountsDoc } from './rank-counts'
import { runningContests, type RunningContest } from './score-facts'

const MOVES = COLLECTIONS.boardMoves.name
const PLAN_ID = 'plan'
const LEASE_ID = 'lease'
const LEASE_MS = 5 * 60_000
/** Facts per batch, and the writes a batch may plan: at 20 ms a request a run stays well inside 10 s. */
export const FACTS_PER_BATCH = 40
const MAX_PLANNED_WRITES = 380

interface PlanDoc {
  _id: string
  facts: string[]
  entries: EntryDoc[]
  /** Absolute counts per document: changed keys only for documents that exist, the whole map for new ones. */
  counts: Array<{ id: string; boardId: string; set: Record<string, number>; whole: boolean }>
  boards: string[]
  at: number
}

interface LeaseDoc {
  _id: string
  until: number
}

type ScoreMove = { kind: 'add'; delta: number } | { kind: 'set'; score: number }

/**
 * What one fact does to the boards, given the points it was granted. Staff (the
 * owner, admins, moderators) run the community and are not scored: the member
 * documents the batch reads anyway carry their role (the owner's is kept in step
 * with HOST_OPENIDS on every call), so leaving them out costs no request. (A member made staff keeps the board rows they earned before.)
 */
export function boardMovesOf(fact: FactDoc, member: MemberDoc | null, contests: RunningContest[]): Array<{ boardId: string; move: ScoreMove }> {
  if (member !== null && isStaff(member.role)) return []
  const at = fact.createdAt
  const moves: Array<{ boardId: string; move: ScoreMove }> = []
  const granted = fact.granted ?? 0
  if (granted > 0) {
    const newcomer = member !== null && at - member.joinedAt <= NEWCOMER_DAYS * 24 * 3600_000
    for (const boardId of [boardIds.week(at), boardIds.month(at), boardIds.all()]) {
      moves.push({ boardId, move: { kind: 'add', delta: granted } })
      if (newcomer) moves.push({ boardId: `${boardId}:new`, move: { kind: 'add', delta: granted } })
    }
  }
  const challengeId = fact.type === 'checkin.posted' || fact.type === 'checkin.revoked' ? (fact.payload.challengeId ?? null) : null
  if (fact.type === 'checkin.posted' && challengeId) {
    moves.push({ boardId: boardIds.checkins(challengeId), move: { kind: 'add', delta: 1 } })
    if (typeof fact.payload.streak === 'number') moves.push({ boardId: boardIds.streak(challengeId), move: { kind: 'set', score: fact.payload.streak } })
  }
  if (fact.type === 'checkin.revoked' && challengeId) moves.push({ boardId: boardIds.checkins(challengeId), move: { kind: 'add', delta: -1 } })
  // A refunded payment or a hidden check-in takes back the points its grant put on the points boards, on the boards of that time.
  if ((fact.type === 'payment.refunded' || fact.type === 'checkin.revoked') && granted < 0) {
    const grantedAt = typeof fact.payload.grantedAt === 'number' ? fact.payload.grantedAt : at
    const newcomer = member !== null && grantedAt - member.joinedAt <= NEWCOMER_DAYS * 24 * 3600_000
    for (const boardId of [boardIds.week(grantedAt), boardIds.month(grantedAt), boardIds.all()]) {
      moves.push({ boardId, move: { kind: 'add', delta: granted } })
      if (newcomer) moves.push({ boardId: `${boardId}:new`, move: { kind: 'add', delta: granted } })
    }
  }
  if (fact.type === 'invite.activated') {
    for (const contest of contests) if (at >= contest.startAt && at <= contest.endAt) moves.push({ boardId: boardIds.invites(contest._id), move: { kind: 'add', delta: 1 } })
  }
  return moves
}

async function byIds<T extends { _id: string }>(collection: Pick<Collection<T>, 'find'>, ids: string[]): Promise<Map<string, T>> {
  const found = new Map<string, T>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100)
    const page = await collection.find({ _id: { $in: chunk } }, { limit: chunk.length })
    for (const doc of page.items) found.set(doc._id, doc)
  }
  return found
}

async function takeLease(runtime: Runtime, now: number): Promise<boolean> {
  const leases = runtime.store.collection<LeaseDoc>(MOVES)
  if (await leases.updateIf(LEASE_ID, { until: { $lt: now } }, { set: { until: now + LEASE_MS } })) return true
  try {
    await leases.insert({ _id: LEASE_ID, until: now + LEASE_MS })
    return true
  } catch (error) {
    if (isConflict(error)) return false
    throw error
  }
}

/** Writes a saved plan: every value is absolute, so writing it twice is the same as once. */
async function carryOut(runtime: Runtime, plan: PlanDoc, now: number): Promise<void> {
  const { store } = runtime
  const boards = store.collection<BoardDoc>(BOARDS)
  const existing = await byIds(boards, plan.boards)
  for (const id of plan.boards) {
    if (existing.has(id)) continue
    try {
      await boards.insert({ _id: id, settled: false, results: null })
    } catch (error) {
      if (!isConflict(error)) throw error
    }
  }
  const counts = store.collection<CountsDoc>(RANK_COUNTS)
  for (const change of plan.counts) {
    if (change.whole) await counts.set({ _id: change.id, boardId: change.boardId, n: change.set })
    else await counts.update(change.id, { set: Object.fromEntries(Object.entries(change.set).map(([key, n]) => [`n.${key}`, n])) })
  }
  const entries = store.collection<EntryDoc>(ENTRIES)
  for (const entry of plan.entries) await entries.set(entry)
  const facts = store.collection<FactDoc>(FACTS)
  for (const id of plan.facts) await facts.update(id, { set: { boards: 'done', boardsAt: now } })
  await store.collection<PlanDoc>(MOVES).remove(PLAN_ID)
}

/** Works out a batch: the facts it takes, and the absolute values they leave behind. */
async function planBatch(runtime: Runtime, now: number): Promise<PlanDoc | null> {
  const { store } = runtime
  const pending = await store.collection<FactDoc>(FACTS).find({ boards: 'pending', processedAt: { $gt: 0 } }, { sort: [['processedAt', 'asc']], limit: FACTS_PER_BATCH })
  if (pending.items.length === 0) return null
  const [members, contests] = await Promise.all([
    byIds(
      store.collection<MemberDoc>(MEMBERS),
      pending.items.map((f) => f.openid)
    ),
    pending.items.some((f) => f.type === 'invite.activated') ? runningContests(store, now) : Promise.resolve([])
  ])
  const factMoves = pending.items.map((fact) => ({ fact, moves: boardMovesOf(fact, members.get(fact.openid) ?? null, contests) }))
  const entryIds = factMoves.flatMap(({ fact, moves }) => moves.map((m) => `${m.boardId}:${fact.openid}`))
  const entries = await byIds(store.collection<EntryDoc>(ENTRIES), entryIds)
  const before = new Map([...entries].map(([id, e]) => [id, e.score]))

  const taken: string[] = []
  const changed = new Map<string, EntryDoc>()
  for (const { fact, moves } of factMoves) {
    if (taken.length > 0 && changed.size + moves.length > MAX_PLANNED_WRITES * 0.7) break
    taken.push(fact._id)
    for (const { boardId, move } of moves) {
      const id = `${boardId}:${fact.openid}`
      const current = changed.get(id) ?? entries.get(id) ?? null
      const score = move.kind === 'set' ? move.score : Math.max(0, (current?.score ?? 0) + move.delta)
      if (current && current.score === score) continue
      changed.set(id, { _id: id, boardId, openid: fact.openid, score, reachedAt: fact.createdAt })
    }
  }
  // Count changes per document and key, from each entry's score before the batch to after it.
  const deltas = new Map<string, { boardId: string; keys: Map<string, number> }>()
  for (const [id, entry] of changed) {
    const from = before.has(id) ? before.get(id)! : null
    for (const change of countChanges(entry.boardId, from, entry.score)) {
      const doc = deltas.get(change.id) ?? { boardId: entry.boardId, keys: new Map<string, number>() }
      doc.keys.set(change.key, (doc.keys.get(change.key) ?? 0) + change.delta)
      deltas.set(change.id, doc)
    }
  }
  const currentCounts = await byIds(store.collection<CountsDoc>(RANK_COUNTS), [...deltas.keys()])
  const counts: PlanDoc['counts'] = []
  for (const [id, { boardId, keys }] of deltas) {
    const current = currentCounts.get(id)
    const set: Record<string, number> = current ? {} : {}
    for (const [key, delta] of keys) {
      if (delta === 0) continue
      set[key] = Math.max(0, (current?.n[key] ?? 0) + delta)
    }
    if (Object.keys(set).length === 0) continue
    counts.push(current ? { id, boardId, set, whole: false } : { id, boardId, set, whole: true })
  }
  const boards = [...new Set([...changed.values()].map((e) => e.boardId))]
  return { _id: PLAN_ID, facts: taken, entries: [...changed.values()], counts, boards, at: now }
}

/** Timer job: moves the boards for applied facts, batch after batch while the run has time. */
export async function moveBoards(runtime: Runtime, options: { batches?: number } = {}): Promise<{ facts: number; entries: number; batches: number }> {
  const now = runtime.clock.now()
  const report = { facts: 0, entries: 0, batches: 0 }
  if (!(await takeLease(runtime, now))) return report
  try {
    const plans = runtime.store.collection<PlanDoc>(MOVES)
    // A run that died half way left its plan: finish it first.
    const unfinished = await plans.get(PLAN_ID)
    if (unfinished) await carryOut(runtime, unfinished, now)
    for (let i = 0; i < (options.batches ?? 1); i++) {
      const plan = await planBatch(runtime, now)
      if (!plan) break
      await plans.set(plan)
      await carryOut(runtime, plan, now)
      report.facts += plan.facts.length
      report.entries += plan.entries.length
      report.batches++
    }
  } finally {
    await runtime.store.collection<LeaseDoc>(MOVES).update(LEASE_ID, { set: { until: 0 } })
  }
  return report
}
