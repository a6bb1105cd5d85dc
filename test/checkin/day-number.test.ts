// The "第 N 天" badge on a check-in is the member's own: their N-th check-in day
// in this challenge (days done including this one), as 小打卡 shows it — not
// the challenge's day. It is worked out from the participant document inside
// the check-in's transaction and stored on the check-in.
import { call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { CHECKINS, type CheckinDoc } from '../../cloudfunctions/domain/checkin/checkin'
import { createChallenge, post, postOnDays } from './checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const stored = (id: string) =>
  runtime.store
    .collection<CheckinDoc>(CHECKINS)
    .get(id)
    .then((c) => c?.dayNumber)

test("a member who starts on the challenge's 4th day posts 第 1 天, then 第 2 天 after a missed day; the feed and wall show the same", async () => {
  const id = await createChallenge({ startDate: '2026-11-20' })
  runtime.clock.set('2026-11-23T09:00:00+08:00')
  const first = ok(await post(id, 'o_late'))
  expect(first.checkin.dayNumber).toBe(1)
  runtime.clock.set('2026-11-25T09:00:00+08:00') // the 24th was missed
  const second = ok(await post(id, 'o_late'))
  expect(second.checkin.dayNumber).toBe(2)
  expect([await stored(first.checkin.id), await stored(second.checkin.id)]).toEqual([1, 2])
  const feed = ok(await call('checkin', 'feed', { scope: 'all' }, 'o_viewer')).items
  expect(feed.map((c) => [c.date, c.dayNumber])).toEqual([
    ['2026-11-25', 2],
    ['2026-11-23', 1]
  ])
  const wall = ok(await call('checkin', 'feed', { scope: 'challenge', challengeId: id }, 'o_viewer')).items
  expect(wall.map((c) => c.dayNumber)).toEqual([2, 1])
  expect(ok(await call('checkin', 'getCheckin', { checkinId: first.checkin.id }, 'o_viewer')).dayNumber).toBe(1)
})

test('two members on the same day each get their own number', async () => {
  const id = await createChallenge({ startDate: '2026-11-20' })
  runtime.clock.set('2026-11-21T09:00:00+08:00')
  ok(await post(id, 'o_early'))
  runtime.clock.set('2026-11-22T09:00:00+08:00')
  ok(await post(id, 'o_early'))
  const early = ok(await post(id, 'o_early', '同一天再发一次')) // the same day again: the same check-in
  const newcomer = ok(await post(id, 'o_new'))
  expect([early.duplicate, early.checkin.dayNumber, newcomer.checkin.dayNumber]).toEqual([true, 2, 1])
})

test("a make-up card counts as one more day done: the made-up day is the member's next number", async () => {
  const id = await createChallenge({ startDate: '2026-11-18' })
  // Posted on the 20th and 21st, the 22nd missed, the 23rd posted.
  expect((await postOnDays(runtime, id, ['2026-11-20', '2026-11-21', '2026-11-23'])).checkin.dayNumber).toBe(3)
  const made = ok(await call('checkin', 'makeupCheckin', { challengeId: id, date: '2026-11-22', text: '昨天忘了打卡，补上', photoFileIds: [] }, 'o_a'))
  expect(made.checkin).toMatchObject({ makeup: true, date: '2026-11-22', dayNumber: 4 })
  expect(made.progress.daysDone).toBe(4)
})

test('fifty identical first check-ins at once store one check-in numbered 1', async () => {
  const id = await createChallenge({ startDate: '2026-11-20' })
  runtime.clock.set('2026-11-23T09:00:00+08:00')
  const results = (await Promise.all(Array.from({ length: 50 }, () => post(id, 'o_race')))).map((r) => ok(r))
  expect(new Set(results.map((r) => r.checkin.dayNumber))).toEqual(new Set([1]))
})
