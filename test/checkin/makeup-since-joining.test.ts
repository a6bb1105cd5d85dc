// Make-up cards (补卡) fill only days the member missed since they joined the
// challenge: the participant's join day in China time, through yesterday. A
// member who joined today has nothing to make up (a first-day member must not
// get a 3-day streak), both in what the app is offered and in what the server
// accepts.
import { call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { CHECKINS } from '../../cloudfunctions/domain/checkin/checkin'
import { createChallenge, post, postOnDays } from './checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const join = (challengeId: string, openid: string) => call('checkin', 'joinChallenge', { challengeId }, openid)
const makeup = (challengeId: string, openid: string, date: string) => call('checkin', 'makeupCheckin', { challengeId, date, text: '补上漏打的那一天', photoFileIds: [] }, openid)

test('a member who joins today is offered no make-up days, and a make-up for a day before joining is refused with nothing written', async () => {
  runtime.clock.set('2026-11-23T10:00:00+08:00')
  const id = await createChallenge({ startDate: '2026-11-20', makeupCardsPerMember: 3 })
  const joined = ok(await join(id, 'o_new'))
  expect(joined).toMatchObject({ makeupCardsLeft: 3, makeupableDates: [] })
  const before = runtime.store.fingerprint()
  for (const date of ['2026-11-20', '2026-11-21', '2026-11-22']) {
    const refused = await makeup(id, 'o_new', date)
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'date', message: '只能补加入挑战（11月23日）以来漏打的日子' } })
  }
  expect(runtime.store.fingerprint()).toBe(before)
  // Today's check-in is a streak of one, not four.
  const today = ok(await post(id, 'o_new'))
  expect(today.progress).toMatchObject({ daysDone: 1, currentStreak: 1, makeupableDates: [] })
})

test('a member who has not joined is offered nothing and cannot make up a day', async () => {
  runtime.clock.set('2026-11-23T10:00:00+08:00')
  const id = await createChallenge({ startDate: '2026-11-20' })
  expect(ok(await call('checkin', 'getChallenge', { challengeId: id }, 'o_out')).progress).toMatchObject({ joined: false, makeupableDates: [] })
  expect(await makeup(id, 'o_out', '2026-11-22')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'date', message: '加入挑战后才能补卡' } })
  expect(await runtime.store.collection(CHECKINS).count({})).toBe(0)
})

test('days from the join day on are offered and accepted; earlier days in the window are not', async () => {
  const id = await createChallenge({ startDate: '2026-11-18', makeupCardsPerMember: 3 })
  runtime.clock.set('2026-11-21T20:00:00+08:00')
  ok(await join(id, 'o_a'))
  runtime.clock.set('2026-11-23T10:00:00+08:00')
  const detail = ok(await call('checkin', 'getChallenge', { challengeId: id }, 'o_a'))
  expect(detail.progress.makeupableDates).toEqual(['2026-11-21', '2026-11-22'])
  expect(await makeup(id, 'o_a', '2026-11-20')).toMatchObject({ ok: false, error: { field: 'date', message: '只能补加入挑战（11月21日）以来漏打的日子' } })
  // The join day itself counts: they joined that evening without checking in.
  const made = ok(await makeup(id, 'o_a', '2026-11-21'))
  expect(made.progress).toMatchObject({ daysDone: 1, makeupableDates: ['2026-11-22'] })
  ok(await makeup(id, 'o_a', '2026-11-22'))
  expect(ok(await post(id, 'o_a')).progress).toMatchObject({ daysDone: 3, currentStreak: 3, makeupableDates: [] })
})

test('the join day is the China date: 00:30 China time is the next day although UTC still says the one before', async () => {
  const id = await createChallenge({ startDate: '2026-11-18', makeupCardsPerMember: 3 })
  runtime.clock.set('2026-11-22T00:30:00+08:00') // 2026-11-21T16:30Z
  ok(await join(id, 'o_late'))
  runtime.clock.set('2026-11-23T10:00:00+08:00')
  expect(ok(await call('checkin', 'getChallenge', { challengeId: id }, 'o_late')).progress.makeupableDates).toEqual(['2026-11-22'])
  expect(await makeup(id, 'o_late', '2026-11-21')).toMatchObject({ ok: false, error: { field: 'date', message: '只能补加入挑战（11月22日）以来漏打的日子' } })
  ok(await makeup(id, 'o_late', '2026-11-22'))
})

test('a member whose first check-in made them a participant can make up the days missed after it', async () => {
  const id = await createChallenge({ startDate: '2026-11-18' })
  const today = await postOnDays(runtime, id, ['2026-11-20', '2026-11-23'])
  expect(today.progress.makeupableDates).toEqual(['2026-11-21', '2026-11-22'])
  ok(await makeup(id, 'o_a', '2026-11-21'))
})
