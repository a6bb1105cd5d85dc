// 完成报告: a completer's own report (calendar, streaks, days against the rule,
// before/after photos, the host's 点评, invite code); refused to members who have
// not completed and for anyone else's report; the completer is told once in 消息.
import { call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { CHECKINS, type CheckinDoc } from '../../cloudfunctions/domain/checkin/checkin'
import { INBOX, type InboxMessageDoc } from '../../cloudfunctions/domain/inbox/inbox'
import { tellCompleters } from '../../cloudfunctions/domain/checkin/completion-report'
import { createChallenge, post, uploadPhoto } from '../checkin/checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { at: '2026-11-23T09:00:00+08:00' })

const report = (challengeId: string, openid: string, memberOpenid?: string) => call('challenges', 'completionReport', { challengeId, ...(memberOpenid ? { memberOpenid } : {}) }, openid)
const onDay = async (id: string, day: number, openid: string, photos = 0) => {
  runtime.clock.set(`2026-11-${day}T09:00:00+08:00`)
  const photoFileIds: string[] = []
  for (let i = 0; i < photos; i++) photoFileIds.push(await uploadPhoto(runtime, openid))
  return ok(await post(id, openid, `第 ${day} 天的训练完成了`, photoFileIds))
}

async function completedChallenge() {
  const id = await createChallenge({ title: '3 天早起', startDate: '2026-11-23', days: 3, streakBonuses: [], makeupCardsPerMember: 2 })
  await onDay(id, 23, 'o_b')
  await onDay(id, 23, 'o_a', 1)
  // 24th missed, made up on the 25th; the 25th itself with a photo.
  await onDay(id, 25, 'o_a', 2)
  ok(await call('checkin', 'makeupCheckin', { challengeId: id, date: '2026-11-24', text: '补上昨天的早起记录', photoFileIds: [] }, 'o_a'))
  return id
}

/** o_a's check-ins in the challenge, the visible ones first, newest first. */
const newestFirst = async (challengeId: string) =>
  (
    await runtime.store.collection<CheckinDoc>(CHECKINS).find(
      { challengeId, openid: 'o_a' },
      {
        sort: [
          ['status', 'asc'],
          ['createdAt', 'desc']
        ],
        limit: 10
      }
    )
  ).items

test('a completer gets their calendar, streaks, days against the rule, before/after photos and invite code', async () => {
  const id = await completedChallenge()
  const data = ok(await report(id, 'o_a'))
  expect(data).toMatchObject({
    challengeId: id,
    challengeTitle: '3 天早起',
    days: 3,
    completionDays: 3,
    makeupsCount: true,
    daysDone: 3,
    daysCounted: 3,
    makeupDays: 1,
    longestStreak: 3,
    currentStreak: 3,
    challengeEnded: false,
    quote: '第 25 天的训练完成了',
    reviews: []
  })
  expect(data.doneDays).toEqual([
    { date: '2026-11-23', makeup: false },
    { date: '2026-11-24', makeup: true },
    { date: '2026-11-25', makeup: false }
  ])
  expect(data.before).toMatchObject({ date: '2026-11-23', dayNumber: 1 })
  expect(data.after).toMatchObject({ date: '2026-11-25', dayNumber: 2 })
  expect(data.before!.url).not.toEqual(data.after!.url)
  expect(data.inviteCode).toMatch(/^[0-9A-Za-z]{6}$/)
  expect(data.qrImage).toMatch(/^data:image\//)
  expect(data.shareUrl).toContain(data.inviteCode)
  expect(data.communityName).toBeTruthy()
  expect(data.completedAt).toBe(runtime.clock.now())
})

test("the host's 点评 is on the report (read defensively), newest first", async () => {
  const id = await completedChallenge()
  const checkins = runtime.store.collection<CheckinDoc & { review?: unknown }>(CHECKINS)
  const [first, second] = await newestFirst(id)
  await checkins.update(first._id, { set: { review: { grade: 'excellent', comment: '坚持得很好，动作标准', reviewerOpenid: 'host', reviewedAt: 2000 } } })
  await checkins.update(second._id, { set: { review: 'not an object' } })
  const data = ok(await report(id, 'o_a'))
  expect(data.reviews).toEqual([{ checkinId: first._id, date: first.date, grade: '优秀', comment: '坚持得很好，动作标准', reviewedAt: 2000 }])
})

test('a day graded 不合格 on its check-in is left out, and the report refused when that leaves the member short', async () => {
  const id = await completedChallenge()
  const checkins = runtime.store.collection<CheckinDoc & { review?: unknown }>(CHECKINS)
  const [day] = await newestFirst(id)
  await checkins.update(day._id, { set: { review: { grade: 'fail', comment: '照片与打卡内容不符', reviewerOpenid: 'host', reviewedAt: 3000 } } })
  expect(await report(id, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '完成挑战后才能查看完成报告（已完成 2/3 天）' } })
})

test("refused: a member who has not completed, one who never joined, and anyone else's report", async () => {
  const id = await completedChallenge()
  expect(await report(id, 'o_b')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '完成挑战后才能查看完成报告（已完成 1/3 天）' } })
  expect(await report(id, 'o_c')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '你还没有参加这个挑战，完成后才有完成报告' } })
  expect(await report(id, 'o_b', 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能查看自己的完成报告' } })
  expect(ok(await report(id, 'o_a', 'o_a')).daysDone).toBe(3)
  expect(await report('nope', 'o_a')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})

test('the cron step tells the completer once in 消息, with the way to the report', async () => {
  const id = await completedChallenge()
  expect(await tellCompleters(runtime)).toEqual({ told: 1 })
  expect(await tellCompleters(runtime)).toEqual({ told: 0 })
  const messages = (await runtime.store.collection<InboxMessageDoc>(INBOX).find({ openid: 'o_a' }, { sort: [['createdAt', 'desc']], limit: 10 })).items
  expect(messages).toHaveLength(1)
  expect(messages[0]).toMatchObject({ title: '恭喜完成挑战！', action: { kind: 'page', path: `/packages/challenge-report/index/index?id=${id}` } })
  expect((await runtime.store.collection<InboxMessageDoc>(INBOX).find({ openid: 'o_b' }, { sort: [['createdAt', 'desc']], limit: 10 })).items).toHaveLength(0)
})

test('after the challenge ends the streak is the one on its last day', async () => {
  const id = await completedChallenge()
  runtime.clock.set('2026-12-10T09:00:00+08:00')
  expect(ok(await report(id, 'o_a'))).toMatchObject({ challengeEnded: true, currentStreak: 3, longestStreak: 3 })
})
