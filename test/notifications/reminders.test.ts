// The two opt-in check-in reminders, on a frozen clock in China time (the tests run in UTC).
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { OUTBOX, type OutboxDoc } from '../../cloudfunctions/domain/outbox/outbox'
import { drainOutbox } from '../../cloudfunctions/domain/outbox/drain-outbox'
import { REMINDERS, sendDueReminders } from '../../cloudfunctions/domain/notifications/reminders'
import { challengeInput } from '../checkin/checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const china = (at: string) => Date.parse(`${at}+08:00`)
const earlyRiser = challengeInput({
  title: '二十一天早睡早起挑战·第二季·坚持就是胜利',
  description: '每天早起',
  startDate: '2026-11-23',
  days: 30,
  windowStart: '07:00',
  windowEnd: '22:00',
  minTextLength: 2,
  streakBonuses: [],
  makeupCardsPerMember: 0
})
const A = 'o_rem_a',
  B = 'o_rem_b',
  C = 'o_rem_c',
  D = 'o_rem_d'
const outbox = () => runtime.store.collection<OutboxDoc>(OUTBOX)
let grantRequest = 0
const grant = (openid: string) => call('member', 'recordSubscribeGrants', { requestId: `grant-${String(++grantRequest).padStart(6, '0')}`, accepted: ['checkinReminder', 'streakReminder'] }, openid)
const post = async (openid: string, challengeId: string) => ok(await call('checkin', 'postCheckin', { challengeId, text: '早起打卡', photoFileIds: [] }, openid))

async function setup(): Promise<string> {
  const challenge = ok(await call('challenges', 'createChallenge', earlyRiser, HOST))
  for (const openid of [A, B, C, D]) ok(await call('checkin', 'joinChallenge', { challengeId: challenge.id }, openid))
  await post(A, challenge.id)
  await post(B, challenge.id)
  expect(ok(await call('member', 'setChallengeReminder', { challengeId: challenge.id, daily: true, streak: true }, A))).toEqual({
    challengeId: challenge.id,
    daily: true,
    streak: true,
    hour: null,
    dailyAt: '07:00'
  })
  expect(ok(await call('member', 'setChallengeReminder', { challengeId: challenge.id, daily: true, streak: true, hour: 8 }, B)).dailyAt).toBe('08:00')
  ok(await call('member', 'setChallengeReminder', { challengeId: challenge.id, daily: true, streak: true, hour: 3 }, C)) // 03:00 is outside the window: window start
  await grant(A)
  await grant(A)
  await grant(C)
  return challenge.id
}

test('the daily reminder goes at the window start (or the chosen hour) to opted-in members not yet checked in, once a day', async () => {
  const challengeId = await setup()
  expect(ok(await call('member', 'challengeReminder', { challengeId }, C)).dailyAt).toBe('07:00')
  expect(ok(await call('member', 'challengeReminder', { challengeId }, D))).toMatchObject({ daily: false, streak: false })

  runtime.clock.set(china('2026-11-24T06:59:00'))
  expect((await sendDueReminders(runtime, 'daily')).queued).toBe(0)
  runtime.clock.set(china('2026-11-24T07:00:00'))
  expect(await sendDueReminders(runtime, 'daily')).toEqual({ queued: 2, skipped: 0, ended: 0 })
  expect(await sendDueReminders(runtime, 'daily')).toEqual({ queued: 0, skipped: 0, ended: 0 })
  const queued = (await outbox().find({ 'payload.template': 'checkinReminder' }, { limit: 10 })).items
  expect(queued.map((e) => e._id).sort()).toEqual([`checkinReminder:${challengeId}:${A}:2026-11-24`, `checkinReminder:${challengeId}:${C}:2026-11-24`])
  expect(queued[0].payload.data).toEqual({ thing1: '二十一天早睡早起挑战·第二季·坚持就是…', thing2: '今天还没打卡，记得来打卡哦', time3: '2026年11月24日 22:00' })

  // B chose 08:00 and granted nothing: not sent.
  runtime.clock.set(china('2026-11-24T08:00:00'))
  expect(await sendDueReminders(runtime, 'daily')).toEqual({ queued: 0, skipped: 1, ended: 0, noGrant: 1 })

  // A member who checked in before cron came round gets none that day.
  runtime.clock.set(china('2026-11-25T07:00:30'))
  await post(A, challengeId)
  runtime.clock.set(china('2026-11-25T07:05:00'))
  expect(await sendDueReminders(runtime, 'daily')).toEqual({ queued: 1, skipped: 1, ended: 0, done: 1 })
})

test('"your streak breaks tonight" at 21:00 for a streak of 2+ not checked in today; grants spent on delivery', async () => {
  const challengeId = await setup()
  runtime.clock.set(china('2026-11-24T09:00:00'))
  await post(A, challengeId)
  await post(B, challengeId)
  runtime.clock.set(china('2026-11-24T21:00:00'))
  // Everyone with a streak checked in today; C has none.
  expect(await sendDueReminders(runtime, 'streak')).toEqual({ queued: 0, skipped: 3, ended: 0, done: 2, noStreak: 1 })

  runtime.clock.set(china('2026-11-25T20:59:00'))
  expect((await sendDueReminders(runtime, 'streak')).queued).toBe(0)
  runtime.clock.set(china('2026-11-25T21:00:00'))
  expect(await sendDueReminders(runtime, 'streak')).toEqual({ queued: 1, skipped: 2, ended: 0, noGrant: 1, noStreak: 1 })
  expect(await sendDueReminders(runtime, 'streak')).toEqual({ queued: 0, skipped: 0, ended: 0 })
  const entry = (await outbox().get(`streakReminder:${challengeId}:${A}:2026-11-25`))!
  expect(entry.payload.data).toMatchObject({ number2: '2', time4: '2026年11月25日 22:00' })

  const drained = await drainOutbox(runtime)
  expect(drained.sent).toBe(1)
  expect((await outbox().get(entry._id))!.status).toBe('sent')
  expect(ok(await call('member', 'subscribeTemplates', {}, A)).grants).toEqual({ checkinReminder: 2, streakReminder: 1 })
})

test('a day cron missed is not sent late; opting out and the challenge ending remove the reminder', async () => {
  const challengeId = await setup()
  // Cron down all of the 24th: the 24th's 07:00 and 08:00 reminders are not sent at noon.
  runtime.clock.set(china('2026-11-24T12:00:00'))
  expect(await sendDueReminders(runtime, 'daily')).toMatchObject({ queued: 0, late: 3 })
  ok(await call('member', 'setChallengeReminder', { challengeId, daily: false, streak: false }, A))
  expect(await runtime.store.collection(REMINDERS).count({ openid: A })).toBe(0)
  // Not joined: cannot opt in.
  expect(await call('member', 'setChallengeReminder', { challengeId, daily: true, streak: false }, 'o_stranger')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  // After the last day, the remaining opt-ins end.
  runtime.clock.set(china('2026-12-23T07:00:00'))
  expect(await sendDueReminders(runtime, 'daily')).toMatchObject({ queued: 0, ended: 2 })
  expect(await runtime.store.collection(REMINDERS).count({ kind: 'daily' })).toBe(0)
})
