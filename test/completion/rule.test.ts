// The completion rule: completionDays of days (default every day), make-up days
// counted or not (default counted), and a day the host graded 不合格 not counted.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { FACTS, type FactDoc } from '../../cloudfunctions/domain/facts/facts'
import { PARTICIPANTS, participantId, type ParticipantDoc } from '../../cloudfunctions/domain/checkin/participant'
import { CHALLENGES } from '../../cloudfunctions/domain/checkin/challenge'
import { completionRuleOf, countedDates, failedDatesAfterReview, isCompleted, reviewFails } from '../../cloudfunctions/domain/checkin/completion'
import { createChallenge, post } from '../checkin/checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { at: '2026-11-23T09:00:00+08:00' })

const progress = async (id: string, openid = 'o_a') => ok(await call('checkin', 'getChallenge', { challengeId: id }, openid)).progress
const completions = async () => (await runtime.store.collection<FactDoc>(FACTS).find({ type: 'challenge.completed' }, { limit: 100 })).items
const onDay = async (id: string, day: number, openid = 'o_a') => {
  runtime.clock.set(`2026-11-${day}T09:00:00+08:00`)
  return ok(await post(id, openid))
}
const makeup = (challengeId: string, date: string, openid = 'o_a') => call('checkin', 'makeupCheckin', { challengeId, date, text: '补上那天的训练记录', photoFileIds: [] }, openid)

describe('the rule as a function of the participant document', () => {
  const participant = (doneDates: string[], makeupDates: string[] = [], failedDates?: string[]) => ({ doneDates, makeupDates, failedDates })
  test('21 of 21 by default; old challenges without the fields read the same', () => {
    expect(completionRuleOf({ days: 21 })).toEqual({ completionDays: 21, makeupsCount: true })
    const days = Array.from({ length: 21 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`)
    expect(isCompleted({ days: 21 }, participant(days.slice(0, 20)))).toBe(false)
    expect(isCompleted({ days: 21 }, participant(days))).toBe(true)
    expect(isCompleted({ days: 21 }, null)).toBe(false)
  })
  test('N of days', () => {
    expect(isCompleted({ days: 21, completionDays: 18 }, participant(Array.from({ length: 18 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`)))).toBe(true)
    expect(completionRuleOf({ days: 5, completionDays: 9 }).completionDays).toBe(5)
  })
  test('make-ups counted or not', () => {
    const p = participant(['2026-12-01', '2026-12-02', '2026-12-03'], ['2026-12-02'])
    expect(isCompleted({ days: 3, makeupsCount: true }, p)).toBe(true)
    expect(isCompleted({ days: 3, makeupsCount: false }, p)).toBe(false)
    expect(isCompleted({ days: 3, completionDays: 2, makeupsCount: false }, p)).toBe(true)
  })
  test('a day graded 不合格 does not count; a later pass takes it back', () => {
    const p = participant(['2026-12-01', '2026-12-02', '2026-12-03'])
    expect(reviewFails({ grade: '不合格', comment: '照片不清楚' })).toBe(true)
    expect(reviewFails({ grade: 'fail' })).toBe(true)
    expect(reviewFails({ grade: 'excellent' })).toBe(false)
    expect(reviewFails({ grade: '优秀' })).toBe(false)
    expect(reviewFails(undefined)).toBe(false)
    expect(reviewFails('不合格')).toBe(false)
    const failed = failedDatesAfterReview(p, '2026-12-02', '不合格')
    expect(failed).toEqual(['2026-12-02'])
    expect(isCompleted({ days: 3 }, { ...p, failedDates: failed })).toBe(false)
    expect(countedDates({ completionDays: 3, makeupsCount: true }, { ...p, failedDates: failed })).toEqual(['2026-12-01', '2026-12-03'])
    expect(failedDatesAfterReview({ failedDates: failed }, '2026-12-02', '合格')).toEqual([])
  })
})

describe('the rule through the check-in function', () => {
  test('21 of 21: completed on the last day, recorded once', async () => {
    const id = await createChallenge({ startDate: '2026-11-01', days: 21, minTextLength: 0, streakBonuses: [] })
    const challenge = ok(await call('checkin', 'getChallenge', { challengeId: id }, 'o_a')).challenge
    expect(challenge).toMatchObject({ completionDays: 21, makeupsCount: true })
    for (let day = 1; day <= 21; day++) {
      runtime.clock.set(`2026-11-${String(day).padStart(2, '0')}T09:00:00+08:00`)
      const result = ok(await post(id, 'o_a'))
      expect(result.progress.completed).toBe(day === 21)
    }
    expect(await completions()).toHaveLength(1)
  })

  test('N of days: 2 of 3 completes on the second day', async () => {
    const id = await createChallenge({ startDate: '2026-11-23', days: 3, completionDays: 2, streakBonuses: [] })
    expect((await onDay(id, 23)).progress.completed).toBe(false)
    const second = await onDay(id, 24)
    expect(second.progress).toMatchObject({ completed: true, daysCounted: 2 })
    await onDay(id, 25)
    expect(await completions()).toHaveLength(1)
  })

  test('make-ups not counted: a made-up day leaves the member short', async () => {
    const id = await createChallenge({ startDate: '2026-11-23', days: 3, makeupsCount: false, streakBonuses: [] })
    await onDay(id, 23)
    await onDay(id, 25)
    ok(await makeup(id, '2026-11-24'))
    expect(await progress(id)).toMatchObject({ daysDone: 3, daysCounted: 2, completed: false })
    expect(await completions()).toHaveLength(0)
  })

  test('make-ups counted (default): the same days complete', async () => {
    const id = await createChallenge({ startDate: '2026-11-23', days: 3, streakBonuses: [] })
    await onDay(id, 23)
    await onDay(id, 25)
    expect(ok(await makeup(id, '2026-11-24')).progress).toMatchObject({ daysDone: 3, completed: true })
    expect(await completions()).toHaveLength(1)
  })

  test('a day graded 不合格 is not counted', async () => {
    const id = await createChallenge({ startDate: '2026-11-23', days: 3, streakBonuses: [] })
    await onDay(id, 23)
    const participants = runtime.store.collection<ParticipantDoc>(PARTICIPANTS)
    const pid = participantId(id, 'o_a')
    await participants.update(pid, { set: { failedDates: failedDatesAfterReview((await participants.get(pid))!, '2026-11-23', '不合格') } })
    await onDay(id, 24)
    expect((await onDay(id, 25)).progress).toMatchObject({ daysDone: 3, daysCounted: 2, completed: false })
  })

  test('hosts set the rule; it cannot exceed the days; old challenges get the defaults', async () => {
    expect(await call('challenges', 'createChallenge', { ...(await import('../checkin/checkin-fixtures')).challengeInput({ days: 7, completionDays: 8 }) }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'completionDays' }
    })
    const id = await createChallenge({ days: 21, completionDays: 18, makeupsCount: false })
    expect(ok(await call('challenges', 'updateChallenge', { challengeId: id, completionDays: 20 }, HOST))).toMatchObject({ completionDays: 20, makeupsCount: false })
    const all = await createChallenge({ days: 21 })
    expect(ok(await call('challenges', 'updateChallenge', { challengeId: all, days: 14 }, HOST))).toMatchObject({ days: 14, completionDays: 14 })
    await runtime.store.collection(CHALLENGES).update(all, { unset: ['completionDays', 'makeupsCount'] })
    expect(ok(await call('checkin', 'getChallenge', { challengeId: all }, 'o_a')).challenge).toMatchObject({ completionDays: 14, makeupsCount: true })
  })
})
