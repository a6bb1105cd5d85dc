// Boards and referral on the embedded database. Boards move when cron runs
// (facts are applied to points, then the board mover moves the boards), so each
// test runs those jobs before it reads a board. Ties, China-time week
// boundaries, ranks from the score histogram against a brute-force count, the
// mover run twice or killed half way, settlement run twice, attribution rules,
// activation-only rewards with a daily cap.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { settleBoards } from '../../cloudfunctions/domain/leaderboard/settle'
import { BOARDS, ENTRIES, boardIds, weekStart, type BoardDoc, type EntryDoc } from '../../cloudfunctions/domain/leaderboard/boards'
import { rankOf } from '../../cloudfunctions/domain/leaderboard/board-view'
import { FACTS_PER_BATCH, moveBoards } from '../../cloudfunctions/domain/leaderboard/move-boards'
import { RANK_COUNTS, coarseId, type CountsDoc } from '../../cloudfunctions/domain/leaderboard/rank-counts'
import { FACTS, type FactDoc, type FactType } from '../../cloudfunctions/domain/facts/facts'
import { MEMBERS } from '../../cloudfunctions/domain/members/member'
import { WALLETS, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { runJobsByName } from '../../cloudfunctions/domain/jobs/jobs'
import { EmbeddedStore } from '../../cloudfunctions/adapters/store/embedded-store'
import { allCollections } from '../../cloudfunctions/platform/collection-indexes'
import { FrozenClock } from '../../cloudfunctions/ports/clock'
import type { Runtime } from '../../cloudfunctions/platform/runtime'
import type { BaseDoc, Collection, Store } from '../../cloudfunctions/ports/store'
import { createChallenge, post, uploadPhoto } from '../checkin/checkin-fixtures'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'
import { boardScores, boardState, drainBoards, histogramProblems, pointsBoardsFromLedger, readAll, undrainedFacts } from './board-checks'
import { createRewardCampaign } from '../helpers/coupon-campaign'
import { createCircle } from '../helpers/circle'

let runtime: TestRuntime
beforeEach(() => {
  runtime = useTestRuntime()
  runtime.clock.set('2026-11-25T10:00:00+08:00') // a Wednesday
})
afterEach(() => closeTestRuntime(runtime))

const pointsOnly = (a: number, b: number, c: number) =>
  [a, b, c].map((points) => ({ points, couponCampaignId: null })) as [
    { points: number; couponCampaignId: null },
    { points: number; couponCampaignId: null },
    { points: number; couponCampaignId: null }
  ]
const board = (openid: string, input: Parameters<typeof call<'leaderboard', 'board'>>[2]) => call('leaderboard', 'board', input, openid)
/** What a minute of cron does for the boards, until nothing is left. */
const drain = () => drainBoards(runtime)

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface FactSpec {
  id: string
  openid: string
  type?: FactType
  granted: number
  createdAt: number
  payload?: Record<string, unknown>
}

/** Facts as the growth consumer leaves them: applied to points (granted), waiting for the board mover. */
async function appliedFacts(store: Store, facts: FactSpec[], processedAt: number): Promise<void> {
  const events = store.collection<FactDoc>(FACTS)
  for (const f of facts) {
    await events.insert(<FactDoc>{
      _id: f.id,
      type: f.type ?? 'checkin.featured',
      openid: f.openid,
      refId: f.id,
      payload: f.payload ?? {},
      createdAt: f.createdAt,
      processedAt,
      granted: f.granted,
      boards: 'pending'
    })
  }
}

test('weeks start on Monday 00:00 China time, whatever the server zone', () => {
  expect(weekStart(Date.parse('2026-11-29T23:59:59+08:00'))).toBe('2026-11-23') // Sunday night
  expect(weekStart(Date.parse('2026-11-30T00:00:00+08:00'))).toBe('2026-11-30') // Monday: 2026-11-29T16:00Z
  expect(weekStart(Date.parse('2027-01-01T12:00:00+08:00'))).toBe('2026-12-28')
  expect(boardIds.month(Date.parse('2026-11-30T23:59:59+08:00'))).toBe('points:month:202611')
  expect(boardIds.month(Date.parse('2026-12-01T00:00:00+08:00'))).toBe('points:month:202612') // 2026-11-30T16:00Z
})

test('check-ins move the points boards when cron runs; ties share a rank and the earlier one is listed first', async () => {
  const id = await createChallenge({ pointsPerCheckin: 10 })
  for (const m of ['o_a', 'o_b', 'o_c']) {
    ok(await post(id, m))
    runtime.clock.advance(60_000)
  }
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_c', points: 5, reason: '奖励', requestId: 'adj-0000001' }, HOST))
  // Reading a board settles nothing: boards move on cron.
  expect(ok(await board('o_b', { kind: 'pointsWeek' })).entries).toEqual([])
  await drain()
  const week = ok(await board('o_b', { kind: 'pointsWeek' }))
  // Manual adjustments are not "earned" points: o_c ties with the others.
  expect(week.entries.map((e) => [e.openid, e.score, e.rank])).toEqual([
    ['o_a', 10, 1],
    ['o_b', 10, 1],
    ['o_c', 10, 1]
  ])
  expect(week.me).toMatchObject({ openid: 'o_b', rank: 1, score: 10 })
  expect(week.total).toBe(3)
  expect(week.periodLabel).toBe('11月23日–11月29日')
  const month = ok(await board('o_c', { kind: 'pointsMonth' }))
  expect(month).toMatchObject({ boardId: 'points:month:202611', periodLabel: '2026年11月', total: 3, me: { rank: 1, score: 10 } })
  const checkins = ok(await board('o_a', { kind: 'challengeCheckins', challengeId: id }))
  expect(checkins.entries).toHaveLength(3)
  expect(await histogramProblems(runtime.store)).toEqual([])
})

test('ranks and totals agree with a brute-force count for a few hundred members moved by facts, across buckets and ties', async () => {
  const rand = random(11)
  const now = runtime.clock.now()
  const facts: FactSpec[] = []
  const members = 300
  for (let m = 0; m < members; m++) {
    const openid = `o_r${String(m).padStart(3, '0')}`
    // Skewed scores over several buckets, with many ties (multiples of 10) and a few far out.
    const n = 1 + Math.floor(rand() * 3)
    for (let k = 0; k < n; k++) {
      const granted = rand() < 0.05 ? 5000 + Math.floor(rand() * 200_000) : 10 * Math.floor(rand() ** 3 * 120)
      facts.push({ id: `f:${openid}:${k}`, openid, granted, createdAt: now - Math.floor(rand() * 3600_000) })
    }
  }
  await appliedFacts(runtime.store, facts, now)
  const { runs } = await drain()
  expect(runs).toBeGreaterThanOrEqual(Math.ceil(facts.length / FACTS_PER_BATCH)) // a batch a run
  expect(await undrainedFacts(runtime.store)).toBe(0)
  for (const boardId of [boardIds.all(), boardIds.week(now), boardIds.month(now)]) {
    const entries = await readAll<EntryDoc>(runtime.store, ENTRIES, { boardId })
    // Every member with a fact has an entry, and it holds the sum of what their facts granted.
    const sums = new Map<string, number>()
    for (const f of facts) sums.set(f.openid, (sums.get(f.openid) ?? 0) + f.granted)
    expect(new Map(entries.map((e) => [e.openid, e.score]))).toEqual(new Map([...sums].filter(([, s]) => s > 0)))
    const coarse = await runtime.store.collection<CountsDoc>(RANK_COUNTS).get(coarseId(boardId))
    expect(Object.values(coarse!.n).reduce((a, b) => a + b, 0)).toBe(entries.length)
    for (const entry of entries) {
      const brute = 1 + entries.filter((e) => e.score > entry.score).length
      expect([entry.openid, await rankOf(runtime, boardId, entry)]).toEqual([entry.openid, brute])
    }
  }
  // The action shows the same rank and total.
  const all = await readAll<EntryDoc>(runtime.store, ENTRIES, { boardId: boardIds.all() })
  for (const entry of all.slice(0, 20)) {
    const view = ok(await board(entry.openid, { kind: 'pointsAll' }))
    expect(view.me).toMatchObject({ rank: 1 + all.filter((e) => e.score > entry.score).length, score: entry.score })
    expect(view.total).toBe(all.length)
  }
  expect(await histogramProblems(runtime.store)).toEqual([])
})

describe('the board mover', () => {
  const AT = Date.parse('2026-11-25T09:00:00+08:00')

  /** Facts that move every kind of board: points (and newcomers'), check-ins up and down, streaks; several per member. */
  function mixedFacts(seed: number, count: number): FactSpec[] {
    const rand = random(seed)
    const facts: FactSpec[] = []
    for (let i = 0; i < count; i++) {
      const openid = `o_m${Math.floor(rand() * 12)}`
      const kind = rand()
      const createdAt = AT + i * 1000 - (rand() < 0.2 ? 7 * 24 * 3600_000 : 0) // some last week
      const id = `f${String(i).padStart(3, '0')}`
      if (kind < 0.5) facts.push({ id, openid, type: 'checkin.posted', granted: 10, createdAt, payload: { challengeId: 'c1', streak: 1 + Math.floor(rand() * 9) } })
      else if (kind < 0.65) facts.push({ id, openid, type: 'checkin.revoked', granted: 0, createdAt, payload: { challengeId: 'c1' } })
      else facts.push({ id, openid, granted: Math.floor(rand() * 700), createdAt })
    }
    return facts
  }

  /** A runtime of the store and clock alone (all the mover uses), on a fresh database. */
  function moverRuntime(): { runtime: Runtime; store: EmbeddedStore; clock: FrozenClock } {
    const store = new EmbeddedStore({ dataDir: ':memory:', collections: allCollections() })
    const clock = new FrozenClock(AT + 3600_000)
    return { runtime: { store, clock } as unknown as Runtime, store, clock }
  }

  async function seed(store: Store, facts: FactSpec[], now: number): Promise<void> {
    // Half the members joined recently: their points go on the newcomers' boards too.
    for (let m = 0; m < 12; m++) await store.collection(MEMBERS).insert({ _id: `o_m${m}`, joinedAt: m % 2 === 0 ? AT - 3 * 24 * 3600_000 : AT - 90 * 24 * 3600_000 } as never)
    await appliedFacts(store, facts, now)
  }

  test('moves boards only for applied facts, and running it again changes nothing', async () => {
    const facts = mixedFacts(3, 90)
    await seed(runtime.store, facts, runtime.clock.now())
    await runtime.store
      .collection(FACTS)
      .insert({ _id: 'unapplied', type: 'checkin.featured', openid: 'o_m1', refId: 'x', payload: {}, createdAt: AT, processedAt: null, boards: 'pending' } as FactDoc)
    const first = await moveBoards(runtime, { batches: 100 })
    expect(first.facts).toBe(90)
    expect(first.batches).toBeGreaterThanOrEqual(Math.ceil(90 / FACTS_PER_BATCH))
    const once = await boardState(runtime.store)
    expect(await moveBoards(runtime, { batches: 100 })).toEqual({ facts: 0, entries: 0, batches: 0 })
    expect(await runJobsByName(runtime, ['moveBoards'])).toMatchObject({ jobs: [{ ok: true, counts: { facts: 0 } }] })
    expect(await boardState(runtime.store)).toEqual(once)
    expect((await runtime.store.collection<FactDoc>(FACTS).get('unapplied'))!.boards).toBe('pending')
    expect(await histogramProblems(runtime.store)).toEqual([])
    // Each board holds exactly what its facts add up to.
    const expected = new Map<string, number>()
    const add = (id: string, delta: number, set?: number) => expected.set(id, set ?? Math.max(0, (expected.get(id) ?? 0) + delta))
    for (const f of [...facts].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      // the mover's order: processedAt, then id
      if (f.granted > 0) {
        for (const b of [boardIds.week(f.createdAt), boardIds.month(f.createdAt), boardIds.all()]) {
          add(`${b}:${f.openid}`, f.granted)
          if (Number(f.openid.slice(3)) % 2 === 0) add(`${b}:new:${f.openid}`, f.granted)
        }
      }
      if (f.type === 'checkin.posted') {
        add(`checkins:c1:${f.openid}`, 1)
        add(`streak:c1:${f.openid}`, 0, f.payload!.streak as number)
      }
      if (f.type === 'checkin.revoked') add(`checkins:c1:${f.openid}`, -1)
    }
    const scores = Object.fromEntries(Object.entries(once.entries).map(([id, [score]]) => [id, score]))
    expect(scores).toEqual(Object.fromEntries(expected))
  })

  /** A store whose process dies after `writes` writes: every later write throws, as nothing more reaches the database. */
  function dyingStore(inner: Store, writes: number): Store & { written: number } {
    const store = {
      kind: inner.kind,
      written: 0,
      collection<T extends BaseDoc>(name: string): Collection<T> {
        const c = inner.collection<T>(name)
        const write =
          <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
          async (...args: A): Promise<R> => {
            if (store.written >= writes) throw new Error('the function instance died')
            store.written++
            return fn(...args)
          }
        return {
          get: (id) => c.get(id),
          find: (filter, options) => c.find(filter, options),
          count: (filter) => c.count(filter),
          insert: write((doc) => c.insert(doc)),
          set: write((doc) => c.set(doc)),
          update: write((id, ops) => c.update(id, ops)),
          updateIf: write((id, condition, ops) => c.updateIf(id, condition, ops)),
          remove: write((id) => c.remove(id))
        }
      },
      transaction: () => {
        throw new Error('the board mover uses no transactions')
      },
      close: () => inner.close()
    }
    return store
  }

  test('a run that dies after any write is finished by the next run, with nothing counted twice', async () => {
    const facts = mixedFacts(5, 55) // two batches
    // What one uninterrupted run leaves behind, and how many writes it makes.
    const reference = moverRuntime()
    await seed(reference.store, facts, reference.clock.now())
    const counting = dyingStore(reference.store, Infinity)
    expect(await moveBoards({ ...reference.runtime, store: counting }, { batches: 10 })).toMatchObject({ facts: 55, batches: 2 })
    const want = await boardState(reference.store)
    const total = counting.written
    expect(total).toBeGreaterThan(50)
    await reference.store.close()
    let checked = 0
    // The first 60 writes one by one (lease, plan, the first writes of the batch), then every fifth, and the last few
    // (the sweep of every write takes ~15 s).
    const points = [...new Set([...Array.from({ length: total - 1 }, (_, i) => i + 1).filter((n) => n < 60 || n % 5 === 0), total - 3, total - 2, total - 1])]
    for (const dieAfter of points) {
      const { runtime: rt, store, clock } = moverRuntime()
      await seed(store, facts, clock.now())
      await expect(moveBoards({ ...rt, store: dyingStore(store, dieAfter) }, { batches: 10 })).rejects.toThrow('died')
      // The dead run still holds its lease: a run now does nothing...
      if (dieAfter === 3) expect(await moveBoards(rt, { batches: 10 })).toEqual({ facts: 0, entries: 0, batches: 0 })
      // ...and once the lease has lapsed the next run finishes the saved plan, then the rest.
      clock.advance(5 * 60_000 + 1)
      await moveBoards(rt, { batches: 10 })
      expect([dieAfter, await boardState(store)]).toEqual([dieAfter, want])
      expect(await undrainedFacts(store)).toBe(0)
      expect(await store.collection('board_moves').get('plan')).toBeNull()
      expect(await histogramProblems(store)).toEqual([])
      await store.close()
      checked++
    }
    expect(checked).toBe(points.length)
  })
})

test("the caller sees their own rank even far down, and the newcomers' view lists only members in their first 30 days", async () => {
  const id = await createChallenge({ pointsPerCheckin: 10 })
  runtime.clock.set('2026-10-01T10:00:00+08:00')
  ok(await call('member', 'me', {}, 'o_old'))
  runtime.clock.set('2026-11-25T10:00:00+08:00')
  for (let i = 0; i < 60; i++) ok(await post(id, `o_${String(i).padStart(2, '0')}`))
  ok(await post(id, 'o_old'))
  await drain()
  const all = ok(await board('o_old', { kind: 'pointsWeek' }))
  expect(all.entries).toHaveLength(50)
  expect(all.total).toBe(61)
  expect(all.me).toMatchObject({ rank: 1, score: 10 }) // everyone tied
  const fresh = ok(await board('o_old', { kind: 'pointsWeek', newcomers: true }))
  expect(fresh.me).toBeNull()
  expect(fresh.total).toBe(60)
  expect(fresh.title).toBe('新人周榜')
  // One newcomer pulls ahead: far down the list, the others share rank 2.
  const featured = ok(await call('checkin', 'feed', { scope: 'all' }, 'o_59')).items.find((c) => c.author.openid === 'o_59')!
  ok(await call('challenges', 'featureCheckin', { checkinId: featured.id, featured: true }, HOST))
  await drain()
  const ahead = ok(await board('o_00', { kind: 'pointsWeek', newcomers: true }))
  expect(ahead.entries[0]).toMatchObject({ openid: 'o_59', rank: 1 })
  expect(ahead.me).toMatchObject({ openid: 'o_00', rank: 2 })
  expect(ok(await board('o_old', { kind: 'pointsWeek' })).me).toMatchObject({ rank: 2 })
  expect(await histogramProblems(runtime.store)).toEqual([])
})

test('challenge boards count check-ins and the current streak; a hidden check-in comes off the count', async () => {
  const id = await createChallenge({ pointsPerCheckin: 10, startDate: '2026-11-20' })
  const posted: Record<string, string[]> = {}
  for (const [day, members] of [
    ['2026-11-23', ['o_a', 'o_b']],
    ['2026-11-24', ['o_a', 'o_b']],
    ['2026-11-25', ['o_a', 'o_c']]
  ] as const) {
    runtime.clock.set(`${day}T08:00:00+08:00`)
    for (const m of members) (posted[m] ??= []).push(ok(await post(id, m)).checkin.id)
  }
  await drain()
  const checkins = ok(await board('o_c', { kind: 'challengeCheckins', challengeId: id }))
  expect(checkins.entries.map((e) => [e.openid, e.score, e.rank])).toEqual([
    ['o_a', 3, 1],
    ['o_b', 2, 2],
    ['o_c', 1, 3]
  ])
  expect(checkins.me).toMatchObject({ rank: 3 })
  expect(checkins.title).toContain('打卡次数榜')
  const streak = ok(await board('o_b', { kind: 'challengeStreak', challengeId: id }))
  expect(streak.entries.map((e) => [e.openid, e.score, e.rank])).toEqual([
    ['o_a', 3, 1],
    ['o_b', 2, 2],
    ['o_c', 1, 3]
  ])
  ok(await call('challenges', 'hideCheckin', { checkinId: posted.o_a[0], hidden: true }, HOST))
  await drain()
  const after = ok(await board('o_b', { kind: 'challengeCheckins', challengeId: id }))
  // o_a is back to 2 (reached again when the check-in was hidden, so o_b, there first, is listed first).
  expect(after.entries.map((e) => [e.openid, e.score, e.rank])).toEqual([
    ['o_b', 2, 1],
    ['o_a', 2, 1],
    ['o_c', 1, 3]
  ])
  expect(after.me).toMatchObject({ rank: 1 })
  expect(await histogramProblems(runtime.store)).toEqual([])
})

test('the points boards equal a recount from the ledger, per period, across a week and a month boundary', async () => {
  const id = await createChallenge({ pointsPerCheckin: 10, startDate: '2026-11-20', days: 30 })
  // Sunday 29 Nov late evening, Monday 30 Nov (new week, same month), Tuesday 1 Dec (new month); o_c only on Monday.
  for (const at of ['2026-11-29T23:30:00+08:00', '2026-11-30T05:30:00+08:00', '2026-12-01T05:30:00+08:00']) {
    runtime.clock.set(at)
    for (const m of ['o_a', 'o_b', 'o_c']) if (m !== 'o_c' || at.startsWith('2026-11-30')) ok(await post(id, m))
  }
  await drain()
  const recount = await pointsBoardsFromLedger(runtime.store)
  expect([...recount.keys()].sort()).toEqual(['points:all', 'points:month:202611', 'points:month:202612', 'points:week:2026-11-23', 'points:week:2026-11-30'])
  for (const [boardId, scores] of recount) expect([boardId, await boardScores(runtime.store, boardId)]).toEqual([boardId, scores])
  const previous = ok(await board('o_a', { kind: 'pointsWeek', period: 'previous' }))
  expect(previous).toMatchObject({ boardId: 'points:week:2026-11-23', periodLabel: '11月23日–11月29日' })
  expect(previous.entries.map((e) => [e.openid, e.score])).toEqual([
    ['o_a', 10],
    ['o_b', 10]
  ])
  const lastMonth = ok(await board('o_a', { kind: 'pointsMonth', period: 'previous' }))
  expect(lastMonth).toMatchObject({ boardId: 'points:month:202611', periodLabel: '2026年11月' })
  expect(await histogramProblems(runtime.store)).toEqual([])
})

test("a hidden check-in's points come off the points boards of the week and month it was posted in, once", async () => {
  const id = await createChallenge({ pointsPerCheckin: 10, startDate: '2026-11-20', days: 30 })
  runtime.clock.set('2026-11-27T07:00:00+08:00')
  const cheat = ok(await post(id, 'o_a')).checkin.id
  ok(await post(id, 'o_b'))
  runtime.clock.set('2026-12-01T07:00:00+08:00')
  ok(await post(id, 'o_a'))
  await drain()
  expect(await boardScores(runtime.store, 'points:week:2026-11-23')).toEqual(
    new Map([
      ['o_a', 10],
      ['o_b', 10]
    ])
  )
  // Hidden a week later: the boards of its own week and month lose it, this week's keep the newer check-in.
  runtime.clock.set('2026-12-02T09:00:00+08:00')
  ok(await call('challenges', 'hideCheckin', { checkinId: cheat, hidden: true }, HOST))
  await drain()
  await drain()
  expect(await boardScores(runtime.store, 'points:week:2026-11-23')).toEqual(new Map([['o_b', 10]]))
  expect(await boardScores(runtime.store, 'points:month:202611')).toEqual(new Map([['o_b', 10]]))
  expect(await boardScores(runtime.store, 'points:all')).toEqual(
    new Map([
      ['o_a', 10],
      ['o_b', 10]
    ])
  )
  expect((await boardScores(runtime.store, 'points:week:2026-11-30')).get('o_a')).toBe(10)
  const recount = await pointsBoardsFromLedger(runtime.store)
  for (const [boardId, scores] of recount) expect([boardId, await boardScores(runtime.store, boardId)]).toEqual([boardId, scores])
  expect(await histogramProblems(runtime.store)).toEqual([])
})

test('settlement stores the final board and grants the top places once, however often it runs', async () => {
  const id = await createChallenge({ pointsPerCheckin: 10, startDate: '2026-11-20' })
  ok(await post(id, 'o_a'))
  runtime.clock.advance(60_000)
  ok(await post(id, 'o_b'))
  await drain()
  ok(await call('leaderboard', 'setBoardRewards', { weekly: [100, 50], monthly: [] }, HOST))
  expect(await settleBoards(runtime)).toEqual({ settled: 0, waiting: 0 }) // the week is not over
  runtime.clock.set('2026-11-30T00:00:01+08:00')
  expect(await settleBoards(runtime)).toEqual({ settled: 2, waiting: 0 }) // the week and its newcomers' view
  expect(await settleBoards(runtime)).toEqual({ settled: 0, waiting: 0 })
  expect((await runJobsByName(runtime)).jobs.find((j) => j.job === 'settleBoards')!.counts).toEqual({ settled: 0, waiting: 0 })
  const wallet = async (o: string) => (await runtime.store.collection<WalletDoc>(WALLETS).get(o))!.points
  expect(await wallet('o_a')).toBe(10 + 100 + 100) // 1st on both the weekly and the newcomers' board
  expect(await wallet('o_b')).toBe(10 + 50 + 50)
  const previous = ok(await board('o_a', { kind: 'pointsWeek', period: 'previous' }))
  expect(previous).toMatchObject({ settled: true, periodLabel: '11月23日–11月29日', me: { rank: 1, score: 10 } })
  // Rewards are not earned points: the settled board and this week's stay as they were.
  await drain()
  expect(ok(await board('o_a', { kind: 'pointsWeek', period: 'previous' })).entries.map((e) => e.score)).toEqual([10, 10])
  expect(ok(await board('o_a', { kind: 'pointsWeek' })).entries).toEqual([])
  const stored = await runtime.store.collection<BoardDoc>(BOARDS).get('points:week:2026-11-23')
  expect(stored!.results!.map((r) => [r.openid, r.rank])).toEqual([
    ['o_a', 1],
    ['o_b', 1]
  ])
})

// The mover moves one batch of FACTS_PER_BATCH facts a cron run: a rush of
// check-ins in a week's last minutes may still be on its way to the board when
// the week ends. Settlement waits until none of the week's facts is.
test("settlement waits for the closing week's facts to reach its board (a backlog over one batch is not settled early)", async () => {
  const id = await createChallenge({ pointsPerCheckin: 10, startDate: '2026-11-20' })
  ok(await call('leaderboard', 'setBoardRewards', { weekly: [100], monthly: [] }, HOST))
  runtime.clock.set('2026-11-29T23:58:00+08:00') // Sunday night
  for (let i = 0; i < 60; i++) ok(await post(id, `o_${String(i).padStart(2, '0')}`))
  runtime.clock.set('2026-11-30T00:00:30+08:00') // the first cron run of the new week
  const first = await runJobsByName(runtime)
  expect(first.jobs.find((j) => j.job === 'settleBoards')!.counts).toMatchObject({ settled: 0, waiting: 2 })
  expect((await runtime.store.collection<BoardDoc>(BOARDS).get('points:week:2026-11-23'))!.settled).toBe(false)
  await drain()
  await runJobsByName(runtime)
  const stored = await runtime.store.collection<BoardDoc>(BOARDS).get('points:week:2026-11-23')
  // Everyone scored 10 last week: the stored results should be the top 50 of 60, all tied at rank 1.
  expect(stored!.settled).toBe(true)
  expect(stored!.results).toHaveLength(50)
})

describe('referral', () => {
  async function inviteCode(openid: string) {
    return ok(await call('leaderboard', 'myInvite', {}, openid)).code
  }

  test('the invite poster shows my latest featured check-in with a photo, else my latest with a photo, never a members-only one', async () => {
    expect(ok(await call('leaderboard', 'myInvite', {}, 'o_p')).poster).toBeNull()
    const id = await createChallenge()
    const photo = await uploadPhoto(runtime, 'o_p')
    const first = ok(await post(id, 'o_p', '第一天：跟着教练练了 30 分钟，出了一身汗，感觉整个人都轻松了，明天继续加油坚持下去！', [photo])).checkin
    expect(ok(await call('leaderboard', 'myInvite', {}, 'o_p')).poster).toMatchObject({ featured: false, photoUrl: expect.stringContaining('/files/'), quote: expect.stringMatching(/^第一天.{37}…$/) })
    runtime.clock.advance(24 * 3600_000)
    ok(await post(id, 'o_p', '第二天：没带相机，只写几句话记录一下今天的训练'))
    ok(await call('challenges', 'featureCheckin', { checkinId: first.id, featured: true }, HOST))
    expect(ok(await call('leaderboard', 'myInvite', {}, 'o_p')).poster).toMatchObject({ featured: true })
    // A newer photo from a members-only challenge stays inside its circle.
    ok(await call('challenges', 'featureCheckin', { checkinId: first.id, featured: false }, HOST))
    const circle = await createCircle({ name: '跑团', description: '', kind: 'free', plans: [], fullRefundDays: 0, refundAfter: 'none' })
    ok(await call('membership', 'joinFree', { circleId: circle.id, answers: [] }, 'o_p'))
    const gated = await createChallenge({ circleId: circle.id })
    runtime.clock.advance(3600_000)
    ok(await post(gated, 'o_p', '圈内打卡：今天的私教课内容不对外公开哦', [await uploadPhoto(runtime, 'o_p')]))
    expect(ok(await call('leaderboard', 'myInvite', {}, 'o_p')).poster).toMatchObject({ featured: false, quote: expect.stringMatching(/^第一天/) })
  })

  test('attribution once on first login; no self-invite, no re-attribution, no cycles', async () => {
    const codeA = await inviteCode('o_a')
    expect(codeA).toMatch(/^[A-Za-z0-9]{6}$/)
    ok(await call('member', 'me', { inviteCode: codeA }, 'o_b'))
    ok(await call('member', 'me', { inviteCode: await inviteCode('o_c') }, 'o_b')) // already attributed
    ok(await call('member', 'me', { inviteCode: codeA }, 'o_a')) // self
    // b invites d; then a code from d offered to b (a cycle b → d → b) is ignored.
    ok(await call('member', 'me', { inviteCode: await inviteCode('o_b') }, 'o_d'))
    ok(await call('member', 'me', { inviteCode: await inviteCode('o_d') }, 'o_b'))
    runtime.clock.advance(11 * 60_000)
    ok(await call('member', 'me', { inviteCode: codeA }, 'o_e')) // new member: still counts
    ok(await call('member', 'me', {}, 'o_late'))
    runtime.clock.advance(11 * 60_000)
    ok(await call('member', 'me', { inviteCode: codeA }, 'o_late')) // not a first login any more
    const invitees = ok(await call('leaderboard', 'myInvitees', {}, 'o_a'))
      .items.map((i) => i.openid)
      .sort()
    expect(invitees).toEqual(['o_b', 'o_e'])
    expect(ok(await call('leaderboard', 'myInvitees', {}, 'o_b')).items.map((i) => i.openid)).toEqual(['o_d'])
    expect(ok(await call('leaderboard', 'myInvitees', {}, 'o_d')).items).toEqual([])
    expect(await call('member', 'me', { inviteCode: 'bad code!' }, 'o_x')).toMatchObject({ ok: false, error: { field: 'inviteCode' } })
  })

  test('the inviter is rewarded on activation, not arrival, with a daily cap', async () => {
    const id = await createChallenge()
    const code = await inviteCode('o_a')
    for (let i = 0; i < 6; i++) ok(await call('member', 'me', { inviteCode: code }, `o_f${i}`))
    await applyFacts(runtime)
    expect(ok(await call('leaderboard', 'myInvite', {}, 'o_a'))).toMatchObject({ invitedCount: 6, activatedCount: 0, rewardPoints: 0 })
    for (let i = 0; i < 6; i++) ok(await post(id, `o_f${i}`))
    await applyFacts(runtime, { limit: 500 })
    await applyFacts(runtime, { limit: 500 }) // the activation facts recorded by the first pass
    const info = ok(await call('leaderboard', 'myInvite', {}, 'o_a'))
    expect(info).toMatchObject({ invitedCount: 6, activatedCount: 6, rewardPoints: 200 }) // 50 each, capped at 200 a day
    expect(info.qrImage).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(info.shareUrl).toContain(`invite=${code}`)
    const invitees = ok(await call('leaderboard', 'myInvitees', {}, 'o_a')).items
    expect(invitees.every((i) => i.status === 'activated')).toBe(true)
    expect(invitees.reduce((s, i) => s + i.rewardPoints, 0)).toBe(200)
  })

  test('an invite contest counts activations inside its window and settles its prizes once', async () => {
    const id = await createChallenge()
    const now = runtime.clock.now()
    const contest = ok(await call('leaderboard', 'createContest', { title: '11 月邀请赛', startAt: now - 3600_000, endAt: now + 3600_000, prizes: pointsOnly(500, 300, 100) }, HOST))
    expect(await call('leaderboard', 'createContest', { title: 'x', startAt: now, endAt: now + 1, prizes: pointsOnly(1, 1, 1) }, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const code = await inviteCode('o_a')
    ok(await call('member', 'me', { inviteCode: code }, 'o_g'))
    ok(await post(id, 'o_g'))
    await drain()
    const live = ok(await board('o_a', { kind: 'contestInvites', contestId: contest.id }))
    expect(live.entries).toEqual([expect.objectContaining({ openid: 'o_a', score: 1, rank: 1 })])
    runtime.clock.advance(2 * 3600_000)
    await settleBoards(runtime)
    await settleBoards(runtime)
    expect(ok(await call('growth', 'ledger', {}, 'o_a')).items.filter((e) => e.reason.includes('11 月邀请赛'))).toHaveLength(1)
  })

  test('contest prizes can carry a coupon or a free event ticket: set aside at creation, given to the top places once, the rest put back', async () => {
    const id = await createChallenge()
    const now = runtime.clock.now()
    const campaign = (name: string, stock: number, kind: 'amountOff' | 'freeTicket', validTo = now + 30 * 24 * 3600_000) =>
      createRewardCampaign(runtime.clock, { name, kind, amountOffFen: kind === 'amountOff' ? 2000 : 0, validTo, stock })
    const claimed = async (campaignId: string) => ok(await call('rewards', 'campaigns', {}, HOST)).items.find((c) => c.id === campaignId)!.claimed
    const ticket = await campaign('免费活动票', 1, 'freeTicket')
    const cash = await campaign('活动立减 20 元', 5, 'amountOff')
    const soon = await campaign('快过期', 5, 'amountOff', now + 3600_000)
    const window = { title: '双 12 邀请赛', startAt: now - 3600_000, endAt: now + 2 * 3600_000 }
    const none = { points: 0, couponCampaignId: null }
    // A prize coupon must exist, outlive the contest, and have enough left for its places.
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [{ points: 1, couponCampaignId: 'nope' }, none, none] }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'prizes.0.couponCampaignId' }
    })
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [none, { points: 0, couponCampaignId: soon.id }, none] }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'prizes.1.couponCampaignId' }
    })
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [{ points: '1', couponCampaignId: null }, none] as never }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' }
    })
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [{ points: 1, couponCampaignId: ticket.id }, none, { points: 1, couponCampaignId: ticket.id }] }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_STOCK', field: 'prizes.0.couponCampaignId' }
    })
    expect(await claimed(ticket.id)).toBe(0) // the refused contest set nothing aside
    // 1st: points and the only free ticket; 2nd and 3rd: a cash coupon each.
    const contest = ok(
      await call(
        'leaderboard',
        'createContest',
        {
          ...window,
          prizes: [
            { points: 500, couponCampaignId: ticket.id },
            { points: 0, couponCampaignId: cash.id },
            { points: 100, couponCampaignId: cash.id }
          ]
        },
        HOST
      )
    )
    expect(contest.prizes.map((p) => p.couponName)).toEqual(['免费活动票', '活动立减 20 元', '活动立减 20 元'])
    expect([await claimed(ticket.id), await claimed(cash.id)]).toEqual([1, 2])
    expect(ok(await call('leaderboard', 'contests', {}, 'o_x')).items[0].prizes[0]).toMatchObject({ points: 500, couponKind: 'freeTicket' })
    // Set aside means set aside: nobody else can take the last ticket.
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [{ points: 1, couponCampaignId: ticket.id }, none, none] }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_STOCK' }
    })
    // Only two members make the board: o_a (two activated invites) and o_b (one).
    for (const [inviter, invitees] of [
      ['o_a', ['o_a1', 'o_a2']],
      ['o_b', ['o_b1']]
    ] as const) {
      const code = await inviteCode(inviter)
      for (const invitee of invitees) {
        ok(await call('member', 'me', { inviteCode: code }, invitee))
        ok(await post(id, invitee))
        runtime.clock.advance(60_000)
      }
    }
    await drain()
    const live = ok(await board('o_a', { kind: 'contestInvites', contestId: contest.id }))
    expect(live.entries.map((e) => e.openid)).toEqual(['o_a', 'o_b'])
    expect(live.rewardCoupons).toEqual(['免费活动票', '活动立减 20 元', '活动立减 20 元'])
    runtime.clock.advance(3 * 3600_000)
    await settleBoards(runtime)
    await settleBoards(runtime)
    const coupons = async (openid: string) => ok(await call('rewards', 'myCoupons', {}, openid)).items.map((c) => [c.name, c.kind, c.status])
    expect(await coupons('o_a')).toEqual([['免费活动票', 'freeTicket', 'available']])
    expect(await coupons('o_b')).toEqual([['活动立减 20 元', 'amountOff', 'available']])
    // The third place was never reached: its coupon went back, once.
    expect([await claimed(ticket.id), await claimed(cash.id)]).toEqual([1, 1])
    expect(await runtime.store.collection(OUTBOX).count({ 'payload.template': 'prizeWon' })).toBe(2)
  })

  test('a contest nobody entered puts all its prize coupons back when it ends', async () => {
    const now = runtime.clock.now()
    const cash = await createRewardCampaign(runtime.clock, { name: '活动立减 20 元', stock: 3 })
    ok(
      await call(
        'leaderboard',
        'createContest',
        {
          title: '冷清的邀请赛',
          startAt: now - 3600_000,
          endAt: now + 3600_000,
          prizes: [
            { points: 100, couponCampaignId: cash.id },
            { points: 50, couponCampaignId: cash.id },
            { points: 0, couponCampaignId: null }
          ]
        },
        HOST
      )
    )
    const claimed = async () => ok(await call('rewards', 'campaigns', {}, HOST)).items[0].claimed
    expect(await claimed()).toBe(2)
    runtime.clock.advance(2 * 3600_000)
    expect((await settleBoards(runtime)).settled).toBeGreaterThan(0)
    await settleBoards(runtime)
    expect(await claimed()).toBe(0)
  })
})
