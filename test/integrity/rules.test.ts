// The other integrity rules: a daily cap on check-in points (default 50, the
// host can change it), a geofenced challenge (inside, outside, no location),
// and the host's 点评 (a 不合格 day is not a done day and its points go back;
// re-graded 合格 the day returns, the points taken stay taken).
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { CHECKINS, type CheckinDoc } from '../../cloudfunctions/domain/checkin/checkin'
import { DEFAULT_RULES } from '../../cloudfunctions/domain/growth/settings'
import { distanceMetres } from '../../cloudfunctions/domain/integrity/geofence'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { CHINA_10AM, createChallenge, post } from '../checkin/checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const M = 'o_member_m'
const DAY = 86_400_000
/** The member's points once cron has applied every fact (reading growth alone applies only the oldest two). */
const points = async (openid: string) => {
  await applyFacts(runtime, { limit: 100 })
  return ok(await call('growth', 'summary', {}, openid)).points
}

describe('daily cap on check-in points', () => {
  test('by default a member earns at most 50 check-in points a China day, whatever the number of challenges; the next day counts afresh', async () => {
    expect(DEFAULT_RULES.checkinPosted.dailyCap).toBe(50)
    const challenges = []
    for (let i = 0; i < 7; i++) challenges.push(await createChallenge({ title: `挑战 ${i + 1}`, pointsPerCheckin: 10, streakBonuses: [] }))
    for (const id of challenges) ok(await post(id, M))
    expect(await points(M)).toBe(50)
    runtime.clock.set(CHINA_10AM + DAY)
    for (const id of challenges.slice(0, 2)) ok(await post(id, M))
    expect(await points(M)).toBe(70)
  })

  test('the host can raise it, or lift it (null)', async () => {
    const settings = ok(await call('growth', 'settings', {}, HOST))
    ok(await call('growth', 'updateSettings', { rules: { ...settings.rules, checkinPosted: { ...settings.rules.checkinPosted, dailyCap: null } } }, HOST))
    const challenges = []
    for (let i = 0; i < 7; i++) challenges.push(await createChallenge({ title: `挑战 ${i + 1}`, pointsPerCheckin: 10, streakBonuses: [] }))
    for (const id of challenges) ok(await post(id, M))
    expect(await points(M)).toBe(70)
  })
})

describe('geofence', () => {
  // 朝阳公园南门, radius 300 m.
  const geofence = { name: '朝阳公园南门', lat: 39.9339, lng: 116.4786, radiusM: 300 }
  const inside = { lat: 39.9345, lng: 116.4791 } // ~80 m away
  const outside = { lat: 39.9445, lng: 116.4786 } // 1.18 km north
  const send = (challengeId: string, coords?: { lat: number; lng: number }) =>
    call('checkin', 'postCheckin', { challengeId, text: '今天完成了训练，感觉很好', photoFileIds: [], ...(coords ? { coords } : {}) }, M)

  test('haversine: 0.01° of latitude is about 1.11 km', () => {
    expect(Math.round(distanceMetres({ lat: 39.93, lng: 116.47 }, { lat: 39.94, lng: 116.47 }))).toBe(1112)
  })

  test('inside the radius: stored with the position', async () => {
    const id = await createChallenge({ geofence })
    const posted = ok(await send(id, inside))
    expect((await runtime.store.collection<CheckinDoc>(CHECKINS).get(posted.checkin.id))!.coords).toEqual(inside)
  })

  test('outside the radius: refused with OUT_OF_AREA in Chinese, nothing stored', async () => {
    const id = await createChallenge({ geofence })
    expect(await send(id, outside)).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_AREA', field: 'coords', message: expect.stringContaining('你不在「朝阳公园南门」附近（距离约 1.2 公里，需在 300 米内）') }
    })
    expect((await runtime.store.collection(CHECKINS).find({}, { limit: 10 })).items).toHaveLength(0)
  })

  test('no location shared: refused, asking for it', async () => {
    const id = await createChallenge({ geofence })
    expect(await send(id)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'coords', message: '这个挑战需要在「朝阳公园南门」打卡，请允许获取你的位置后再提交' } })
  })

  test('a challenge without a place ignores a position; a malformed place or position is refused', async () => {
    const id = await createChallenge()
    expect((await send(id, outside)).ok).toBe(true)
    expect(await call('challenges', 'createChallenge', { ...(await import('../checkin/checkin-fixtures')).challengeInput(), geofence: { ...geofence, radiusM: 10 } }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '打卡范围（米）不能小于 50' }
    })
    expect(await call('checkin', 'postCheckin', { challengeId: id, text: '今天完成了训练', photoFileIds: [], coords: { lat: 91, lng: 0 } }, M)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' }
    })
  })
})

describe('点评 (host review)', () => {
  const review = (checkinId: string, grade: 'excellent' | 'pass' | 'fail', comment = '') => call('challenges', 'reviewCheckin', { checkinId, grade, comment }, HOST)
  const progress = async (challengeId: string) => ok(await call('checkin', 'getChallenge', { challengeId }, M)).progress

  test('优秀 and 合格 count; 不合格 takes the day off (days done, streak) and the points back; 合格 again returns the day, not the points', async () => {
    const id = await createChallenge({ hostReview: true, streakBonuses: [] })
    const first = ok(await post(id, M)).checkin
    runtime.clock.set(CHINA_10AM + DAY)
    const second = ok(await post(id, M)).checkin
    expect(ok(await review(first.id, 'excellent', '动作很标准')).review).toMatchObject({ grade: 'excellent', comment: '动作很标准' })
    expect(await points(M)).toBe(20)

    const failed = ok(await review(second.id, 'fail', '照片看不出完成了训练'))
    expect(failed.review).toMatchObject({ grade: 'fail', comment: '照片看不出完成了训练' })
    expect(await progress(id)).toMatchObject({ daysDone: 1, checkedInToday: false })
    expect(await points(M)).toBe(10)
    expect((await runtime.store.collection<CheckinDoc>(CHECKINS).get(second.id))!.review).toEqual({
      grade: 'fail',
      comment: '照片看不出完成了训练',
      reviewerOpenid: HOST,
      reviewedAt: CHINA_10AM + DAY
    })

    ok(await review(second.id, 'pass'))
    expect(await progress(id)).toMatchObject({ daysDone: 2, currentStreak: 2 })
    expect(await points(M)).toBe(10)
    // The member sees the grade on their check-in.
    expect(ok(await call('checkin', 'getCheckin', { checkinId: second.id }, M)).review).toMatchObject({ grade: 'pass' })
  })

  test('refused where the challenge has no host review, and to members', async () => {
    const plain = await createChallenge()
    const checkin = ok(await post(plain, M)).checkin
    expect(await review(checkin.id, 'pass')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这个挑战没有开启主理人点评' } })
    const reviewed = await createChallenge({ title: '点评挑战', hostReview: true })
    const other = ok(await post(reviewed, 'o_member_n')).checkin
    expect(await call('challenges', 'reviewCheckin', { checkinId: other.id, grade: 'pass' }, M)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
