// Posting check-ins: China days with the server in UTC, windows, requirements,
// idempotency under a 50-request race, make-up cards, streak facts, content checks.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { FACTS, type FactDoc } from '../../cloudfunctions/domain/facts/facts'
import { CHECKINS } from '../../cloudfunctions/domain/checkin/checkin'
import { CHINA_10AM, createChallenge, post, postOnDays, uploadPhoto } from './checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const events = async (type: string) => (await runtime.store.collection<FactDoc>(FACTS).find({ type }, { limit: 100 })).items

describe('China days whatever the server zone', () => {
  test('23:59:59 and 00:00:00 China time are two days, and make a streak of 2', async () => {
    const id = await createChallenge({ windowStart: '00:00', windowEnd: '23:59' })
    runtime.clock.set('2026-11-23T23:59:59+08:00') // 15:59:59 UTC
    const first = ok(await post(id, 'o_a'))
    runtime.clock.set('2026-11-24T00:00:00+08:00') // 16:00:00 UTC, still the 23rd in UTC
    const second = ok(await post(id, 'o_a'))
    expect([first.checkin.date, second.checkin.date]).toEqual(['2026-11-23', '2026-11-24'])
    expect(second.duplicate).toBe(false)
    expect(second.progress).toMatchObject({ daysDone: 2, currentStreak: 2, today: '2026-11-24', checkedInToday: true })
  })

  test('the daily window is China time: 04:59 is closed, 05:00 open, 23:59 still open', async () => {
    const id = await createChallenge()
    runtime.clock.set('2026-11-23T04:59:00+08:00')
    expect(await post(id, 'o_a')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '今天的打卡时间是 05:00–23:59' } })
    runtime.clock.set('2026-11-23T05:00:00+08:00')
    expect((await post(id, 'o_a')).ok).toBe(true)
    runtime.clock.set('2026-11-24T23:59:30+08:00')
    expect((await post(id, 'o_a')).ok).toBe(true)
  })

  test('before the start and after the end nobody can post', async () => {
    const upcoming = await createChallenge({ startDate: '2026-11-25' })
    expect(await post(upcoming, 'o_a')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED' } })
    const ended = await createChallenge({ startDate: '2026-11-01', days: 10 })
    expect(await post(ended, 'o_a')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '挑战已结束' } })
  })
})

describe('requirements', () => {
  test('minimum text, photo counts and photo ownership are enforced with the field named', async () => {
    const id = await createChallenge({ minTextLength: 10, minPhotos: 1, maxPhotos: 2 })
    const mine = await Promise.all([1, 2, 3].map(() => uploadPhoto(runtime, 'o_a')))
    const theirs = await uploadPhoto(runtime, 'o_b')
    expect(await post(id, 'o_a', '太短了', [mine[0]])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'text', message: '打卡内容至少需要 10 个字（现在 3 个）' } })
    expect(await post(id, 'o_a', '今天跑了五公里，配速六分', [])).toMatchObject({ ok: false, error: { field: 'photoFileIds', message: '请至少上传 1 张图片' } })
    expect(await post(id, 'o_a', '今天跑了五公里，配速六分', mine)).toMatchObject({ ok: false, error: { field: 'photoFileIds', message: '最多上传 2 张图片' } })
    expect(await post(id, 'o_a', '今天跑了五公里，配速六分', [theirs])).toMatchObject({ ok: false, error: { field: 'photoFileIds', message: '图片无效，请重新上传' } })
    const done = ok(await post(id, 'o_a', '今天跑了五公里，配速六分', mine.slice(0, 2)))
    expect(done.checkin.photos.map((p) => p.fileId)).toEqual(mine.slice(0, 2))
    expect(done.checkin.photos[0].url).toMatch(/^\/files\//)
  })

  test('text the content check refuses answers CONTENT_REJECTED and stores nothing', async () => {
    const id = await createChallenge()
    ok(await call('member', 'me', {}, 'o_a'))
    const before = runtime.store.fingerprint()
    const result = await post(id, 'o_a', '加我微信玩赌博游戏')
    expect(result).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', field: 'text' } })
    expect(result.ok ? '' : result.error.message).toContain('赌博')
    expect(runtime.store.fingerprint()).toBe(before)
    expect(await runtime.store.collection(CHECKINS).count({})).toBe(0)
  })
})

describe('idempotency', () => {
  test('50 identical requests at once store one check-in, count one day and record one fact', async () => {
    const id = await createChallenge()
    ok(await call('member', 'me', {}, 'o_a'))
    const results = await Promise.all(Array.from({ length: 50 }, () => post(id, 'o_a')))
    expect(results.every((r) => r.ok)).toBe(true)
    const data = results.map((r) => ok(r))
    expect(data.filter((d) => !d.duplicate)).toHaveLength(1)
    expect(new Set(data.map((d) => d.checkin.id)).size).toBe(1)
    expect(await runtime.store.collection(CHECKINS).count({})).toBe(1)
    expect(await events('checkin.posted')).toHaveLength(1)
    const detail = ok(await call('checkin', 'getChallenge', { challengeId: id }, 'o_a'))
    expect(detail.progress.daysDone).toBe(1)
    expect(detail.challenge).toMatchObject({ checkinCount: 1, participantCount: 1 })
  })

  test('posting again the same day returns the existing check-in and grants nothing twice', async () => {
    const id = await createChallenge()
    const first = ok(await post(id, 'o_a', '第一次打卡的内容'))
    runtime.clock.advance(3600_000)
    const again = ok(await post(id, 'o_a', '第二次的内容不一样'))
    expect(again).toMatchObject({ duplicate: true, checkin: { id: first.checkin.id, text: '第一次打卡的内容' } })
    expect(await events('checkin.posted')).toHaveLength(1)
  })
})

describe('make-up cards and streak facts', () => {
  test('a missed day within the last 3 days is filled by a card and the streak survives', async () => {
    const id = await createChallenge({ startDate: '2026-11-18' })
    const today = await postOnDays(runtime, id, ['2026-11-20', '2026-11-21', '2026-11-23'])
    expect(today.progress).toMatchObject({ currentStreak: 1, makeupableDates: ['2026-11-22'] })
    const made = ok(await call('checkin', 'makeupCheckin', { challengeId: id, date: '2026-11-22', text: '昨天忘了打卡，补上', photoFileIds: [] }, 'o_a'))
    expect(made.checkin).toMatchObject({ makeup: true, date: '2026-11-22', dayNumber: 4 }) // the member's 4th day done
    expect(made.progress).toMatchObject({ currentStreak: 4, daysDone: 4, makeupCardsLeft: 1, makeupableDates: [] })
    expect(made.progress.doneDays).toContainEqual({ date: '2026-11-22', makeup: true })
  })

  test('older days, today, days outside the challenge and an empty card box are refused', async () => {
    const id = await createChallenge({ startDate: '2026-11-21', makeupCardsPerMember: 1 })
    // Joined on the challenge's first day: every day since can be made up.
    runtime.clock.set('2026-11-21T08:00:00+08:00')
    ok(await call('checkin', 'joinChallenge', { challengeId: id }, 'o_a'))
    runtime.clock.set(CHINA_10AM)
    const makeup = (date: string) => call('checkin', 'makeupCheckin', { challengeId: id, date, text: '补卡的内容在这里', photoFileIds: [] }, 'o_a')
    expect(await makeup('2026-11-19')).toMatchObject({ ok: false, error: { field: 'date', message: '只能补最近 3 天内的打卡' } })
    expect(await makeup('2026-11-20')).toMatchObject({ ok: false, error: { field: 'date', message: '这一天不在挑战日期内' } })
    expect(await makeup('2026-11-23')).toMatchObject({ ok: false, error: { field: 'date', message: '只能为已经过去的日子补卡' } })
    expect(await makeup('2026-13-01')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'date' } })
    ok(await makeup('2026-11-21'))
    expect(await makeup('2026-11-22')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '补卡次数已用完' } })
  })

  test('concurrent make-ups never spend more cards than there are', async () => {
    const id = await createChallenge({ startDate: '2026-11-15', makeupCardsPerMember: 1 })
    runtime.clock.set('2026-11-15T08:00:00+08:00')
    ok(await call('checkin', 'joinChallenge', { challengeId: id }, 'o_a'))
    runtime.clock.set(CHINA_10AM)
    const results = await Promise.all(
      ['2026-11-20', '2026-11-21', '2026-11-22'].map((date) => call('checkin', 'makeupCheckin', { challengeId: id, date, text: '补卡的内容在这里', photoFileIds: [] }, 'o_a'))
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(ok(await call('checkin', 'getChallenge', { challengeId: id }, 'o_a')).progress).toMatchObject({ daysDone: 1, makeupCardsLeft: 0 })
  })

  test('each streak milestone and the completion are recorded once', async () => {
    const id = await createChallenge({
      startDate: '2026-11-23',
      days: 3,
      streakBonuses: [
        { day: 2, points: 20 },
        { day: 3, points: 30 }
      ]
    })
    for (const day of ['23', '24', '25']) {
      runtime.clock.set(`2026-11-${day}T09:00:00+08:00`)
      ok(await post(id, 'o_a'))
      ok(await post(id, 'o_a'))
    }
    expect((await events('streak.reached')).map((e) => (e as FactDoc<'streak.reached'>).payload.streak).sort()).toEqual([2, 3])
    const completed = await events('challenge.completed')
    expect(completed).toHaveLength(1)
    expect(completed[0]).toMatchObject({ openid: 'o_a', payload: { challengeId: id } })
    expect(ok(await call('checkin', 'getChallenge', { challengeId: id }, 'o_a')).progress).toMatchObject({ completed: true, daysDone: 3, daysTotal: 3 })
    expect((await events('checkin.posted'))[0].payload).toMatchObject({ points: 10, challengeId: id })
  })
})

describe('challenges', () => {
  test('hosts create, edit and archive; members see only what is live', async () => {
    const id = await createChallenge()
    const updated = ok(await call('challenges', 'updateChallenge', { challengeId: id, title: '21 天减脂·第二期', days: 30 }, HOST))
    expect(updated).toMatchObject({ title: '21 天减脂·第二期', days: 30, endDate: '2026-12-19', phase: 'running' })
    expect(ok(await call('checkin', 'listChallenges', { phase: 'running' }, 'o_a')).items.map((c) => c.id)).toEqual([id])
    ok(await call('challenges', 'archiveChallenge', { challengeId: id }, HOST))
    expect(ok(await call('checkin', 'listChallenges', {}, 'o_a')).items).toEqual([])
    expect(await call('checkin', 'getChallenge', { challengeId: id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(ok(await call('checkin', 'listChallenges', { includeArchived: true }, HOST)).items[0]).toMatchObject({ id, archived: true })
  })

  test('phases follow China dates', async () => {
    await createChallenge({ title: '未开始', startDate: '2026-11-24' })
    await createChallenge({ title: '进行中', startDate: '2026-11-23', days: 1, streakBonuses: [] })
    await createChallenge({ title: '已结束', startDate: '2026-11-01', days: 22 })
    const titles = async (phase: 'upcoming' | 'running' | 'ended') => ok(await call('checkin', 'listChallenges', { phase }, 'o_a')).items.map((c) => c.title)
    expect(await titles('upcoming')).toEqual(['未开始'])
    expect(await titles('running')).toEqual(['进行中'])
    expect(await titles('ended')).toEqual(['已结束'])
  })

  test('inconsistent settings are refused with the field named', async () => {
    const bad = async (overrides: object, field: string) =>
      expect(await call('challenges', 'createChallenge', { ...(await import('./checkin-fixtures')).challengeInput(overrides) }, HOST)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field }
      })
    await bad({ minPhotos: 3, maxPhotos: 1 }, 'minPhotos')
    await bad({ windowStart: '22:00', windowEnd: '06:00' }, 'windowStart')
    await bad({ streakBonuses: [{ day: 30, points: 1 }] }, 'streakBonuses')
    await bad({ days: 0 }, 'days')
    await bad({ startDate: '2026-02-30' }, 'startDate')
    await bad({ circleId: 'no-such-circle' }, 'circleId')
  })

  test('joining counts a participant once', async () => {
    const id = await createChallenge()
    await Promise.all(Array.from({ length: 10 }, () => call('checkin', 'joinChallenge', { challengeId: id }, 'o_a')))
    expect(ok(await call('checkin', 'getChallenge', { challengeId: id }, 'o_b')).challenge.participantCount).toBe(1)
  })
})
