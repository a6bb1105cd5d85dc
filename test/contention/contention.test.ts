// Contention on the strict embedded twin (concurrent transactions, a write to a
// document another open transaction wrote fails at once), through the
// functions' real entry points: a crowd posting check-ins in the same instant,
// then cron until facts and boards are drained, and a crowd liking one check-in.
// A BUSY answer (the router's conflict retries spent) is retried by the client,
// as the app does; every request must finally succeed, and nothing counts twice.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import type { ApiResult } from '../../types/result'
import { setRuntime } from '../../cloudfunctions/platform/runtime'
import { CountingStore } from '../../cloudfunctions/adapters/store/counting-store'
import { createChallenge, post } from '../checkin/checkin-fixtures'
import { CHECKINS, type CheckinDoc } from '../../cloudfunctions/domain/checkin/checkin'
import { LIKES } from '../../cloudfunctions/domain/checkin/views'
import { WALLETS, LEDGER, type WalletDoc, type LedgerEntryDoc } from '../../cloudfunctions/domain/growth/wallet'
import { boardIds } from '../../cloudfunctions/domain/leaderboard/boards'
import { boardScores, drainBoards, histogramProblems, pointsBoardsFromLedger, readAll, undrainedFacts } from '../leaderboard/board-checks'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { at: '2026-11-25T08:00:00+08:00' })

/** Sends every request at once; answers BUSY are sent again (after a short random pause) until each succeeds. */
async function crowd<T>(members: string[], send: (openid: string) => Promise<ApiResult<T>>, maxRounds = 20): Promise<{ results: Map<string, T>; retried: number; rounds: number }> {
  const results = new Map<string, T>()
  const retriedMembers = new Set<string>()
  let pending = members
  let rounds = 0
  while (pending.length > 0) {
    if (++rounds > maxRounds) throw new Error(`${pending.length} requests still BUSY after ${maxRounds} rounds`)
    const answers = await Promise.all(
      pending.map(async (openid) => {
        if (rounds > 1) await new Promise((resolve) => setTimeout(resolve, Math.random() * 50))
        return [openid, await send(openid)] as const
      })
    )
    const busy: string[] = []
    for (const [openid, answer] of answers) {
      if (answer.ok) results.set(openid, answer.data)
      else if (answer.error.code === 'BUSY') busy.push(openid)
      else throw new Error(`${openid}: ${answer.error.code} ${answer.error.message}`)
    }
    for (const openid of busy) retriedMembers.add(openid)
    pending = busy
  }
  return { results, retried: retriedMembers.size, rounds }
}

const members = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`)

test('200 members check in at the same moment: all succeed, once each; after cron every wallet equals its ledger and every board a recount', async () => {
  const id = await createChallenge({ pointsPerCheckin: 10, startDate: '2026-11-20' })
  const crowd200 = members('o_c', 200)
  const day1 = await crowd(crowd200, (openid) => post(id, openid))
  console.log(`200 simultaneous check-ins: ${day1.retried} needed a client retry, ${day1.rounds} rounds`)
  expect(day1.results.size).toBe(200)
  const checkins = await readAll<CheckinDoc>(runtime.store, CHECKINS, { challengeId: id })
  expect(checkins).toHaveLength(200)
  expect(new Set(checkins.map((c) => c.openid)).size).toBe(200)

  // The next morning the same crowd again, while members read their growth (which applies their own facts) and cron runs.
  runtime.clock.set('2026-11-26T08:00:00+08:00')
  const reads = Promise.all(crowd200.slice(0, 50).map((openid) => call('growth', 'summary', {}, openid)))
  const cron = call('cron', 'run', { jobs: ['applyFacts', 'moveBoards'] }, HOST)
  const day2 = await crowd(crowd200, (openid) => post(id, openid))
  console.log(`200 simultaneous check-ins the next day: ${day2.retried} needed a client retry, ${day2.rounds} rounds`)
  for (const read of await reads) ok(read)
  ok(await cron)
  expect(day2.results.size).toBe(200)
  expect(await runtime.store.collection(CHECKINS).count({ challengeId: id })).toBe(400)

  const { runs } = await drainBoards(runtime)
  console.log(`drained in ${runs} cron runs`)
  expect(await undrainedFacts(runtime.store)).toBe(0)

  // Every wallet equals the sum of its ledger.
  const ledger = await readAll<LedgerEntryDoc>(runtime.store, LEDGER)
  const sums = new Map<string, number>()
  for (const e of ledger) sums.set(e.openid, (sums.get(e.openid) ?? 0) + e.points)
  const wallets = await readAll<WalletDoc>(runtime.store, WALLETS)
  for (const openid of crowd200) expect([openid, wallets.find((w) => w._id === openid)?.points]).toEqual([openid, sums.get(openid)])
  expect(sums.get(crowd200[0])).toBe(20)

  // Every points board (week, month, all time, and nothing else) equals a recount from the ledger.
  const recount = await pointsBoardsFromLedger(runtime.store)
  const now = runtime.clock.now()
  expect([...recount.keys()].sort()).toEqual([boardIds.all(), boardIds.month(now), boardIds.week(now)].sort())
  for (const [boardId, scores] of recount) {
    expect(scores.size).toBe(200)
    expect([boardId, await boardScores(runtime.store, boardId)]).toEqual([boardId, scores])
  }
  // The challenge's check-in board equals a count of the visible check-ins; the streak board holds each current streak.
  const perMember = new Map<string, number>()
  for (const c of await readAll<CheckinDoc>(runtime.store, CHECKINS, { challengeId: id, status: 'visible' })) perMember.set(c.openid, (perMember.get(c.openid) ?? 0) + 1)
  expect(await boardScores(runtime.store, boardIds.checkins(id))).toEqual(perMember)
  expect(await boardScores(runtime.store, boardIds.streak(id))).toEqual(new Map(crowd200.map((o) => [o, 2])))
  // Each board's histogram equals a recount from its entries, and ranks follow: all tied at 1.
  expect(await histogramProblems(runtime.store)).toEqual([])
  const view = ok(await call('leaderboard', 'board', { kind: 'pointsWeek' }, crowd200[199]))
  expect(view).toMatchObject({ total: 200, me: { rank: 1, score: 20 } })
}, 30_000)

test('100 members like one check-in at once: exactly 100 likes and likeCount 100', async () => {
  const id = await createChallenge({ startDate: '2026-11-20' })
  const checkin = ok(await post(id, 'o_author')).checkin
  const likers = members('o_l', 100)
  for (const openid of likers) ok(await call('member', 'me', {}, openid)) // members exist: only the likes race
  // Counting transaction attempts shows the contention the router's retries absorbed.
  const counting = new CountingStore(runtime.store)
  setRuntime({ ...runtime, store: counting })
  const { results, retried, rounds } = await crowd(likers, (openid) => call('checkin', 'toggleLike', { checkinId: checkin.id }, openid))
  console.log(`100 simultaneous likes: ${counting.total.transactions} transaction attempts, ${retried} needed a client retry, ${rounds} rounds`)
  setRuntime(runtime)
  expect([...results.values()].every((r) => r.liked)).toBe(true)
  expect(await runtime.store.collection(LIKES).count({ checkinId: checkin.id })).toBe(100)
  expect((await runtime.store.collection<CheckinDoc>(CHECKINS).get(checkin.id))!.likeCount).toBe(100)
  expect(ok(await call('checkin', 'getCheckin', { checkinId: checkin.id }, 'o_author')).likeCount).toBe(100)
}, 30_000)
