// Boards and referral on the embedded database: ties, China-time week
// boundaries, the rank index against a brute-force count, settlement run twice,
// attribution rules, activation-only rewards with a daily cap.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { applyDomainEvents } from '../../cloudfunctions/domain/growth/apply-events'
import { settleBoards } from '../../cloudfunctions/domain/leaderboard/settle'
import { setScore, weekStart, ENTRIES, type EntryDoc } from '../../cloudfunctions/domain/leaderboard/boards'
import { rankOf } from '../../cloudfunctions/domain/leaderboard/board-view'
import { WALLETS, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { createChallenge, post, uploadPhoto } from '../checkin/checkin-fixtures'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'

let runtime: TestRuntime
beforeEach(() => {
  runtime = useTestRuntime()
  runtime.clock.set('2026-11-25T10:00:00+08:00') // a Wednesday
})
afterEach(() => closeTestRuntime(runtime))

const pointsOnly = (a: number, b: number, c: number) => [a, b, c].map((points) => ({ points, couponCampaignId: null })) as [{ points: number; couponCampaignId: null }, { points: number; couponCampaignId: null }, { points: number; couponCampaignId: null }]
const board = (openid: string, input: Parameters<typeof call<'leaderboard', 'board'>>[2]) => call('leaderboard', 'board', input, openid)

test('weeks start on Monday 00:00 China time, whatever the server zone', () => {
  expect(weekStart(Date.parse('2026-11-29T23:59:59+08:00'))).toBe('2026-11-23') // Sunday night
  expect(weekStart(Date.parse('2026-11-30T00:00:00+08:00'))).toBe('2026-11-30') // Monday: 2026-11-29T16:00Z
  expect(weekStart(Date.parse('2027-01-01T12:00:00+08:00'))).toBe('2026-12-28')
})

test('check-ins move the points boards; ties share a rank and the earlier one is listed first', async () => {
  const id = await createChallenge({ pointsPerCheckin: 10 })
  for (const m of ['o_a', 'o_b', 'o_c']) {
    ok(await post(id, m))
    runtime.clock.advance(60_000)
  }
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_c', points: 5, reason: '奖励', requestId: 'adj-0000001' }, HOST))
  await applyDomainEvents(runtime)
  const week = ok(await board('o_b', { kind: 'pointsWeek' }))
  // Manual adjustments are not "earned" points: o_c ties with the others.
  expect(week.entries.map((e) => [e.openid, e.score, e.rank])).toEqual([['o_a', 10, 1], ['o_b', 10, 1], ['o_c', 10, 1]])
  expect(week.me).toMatchObject({ openid: 'o_b', rank: 1, score: 10 })
  expect(week.periodLabel).toBe('11月23日–11月29日')
  const checkins = ok(await board('o_a', { kind: 'challengeCheckins', challengeId: id }))
  expect(checkins.entries).toHaveLength(3)
})

test('the rank index agrees with a brute-force count, including ties and scores past the index', async () => {
  const boardId = 'test:rank'
  const scores = [0, 5, 5, 7, 100, 100, 100, 131070, 131071, 200000, 3, 5]
  await runtime.store.transaction(async (tx) => {
    for (const [i, score] of scores.entries()) await setScore(tx, boardId, `o_${i}`, score, 1000 + i)
    await setScore(tx, boardId, 'o_1', 8, 2000) // a score changes: the index moves with it
  })
  const entries = (await runtime.store.collection<EntryDoc>(ENTRIES).find({ boardId }, { limit: 100 })).items
  for (const entry of entries) {
    const brute = 1 + entries.filter((e) => e.score > entry.score).length
    expect(await rankOf(runtime, boardId, entry)).toBe(brute)
  }
})

test('the caller sees their own rank even far down, and the newcomers\' view lists only members in their first 30 days', async () => {
  const id = await createChallenge({ pointsPerCheckin: 10 })
  runtime.clock.set('2026-10-01T10:00:00+08:00')
  ok(await call('member', 'me', {}, 'o_old'))
  runtime.clock.set('2026-11-25T10:00:00+08:00')
  for (let i = 0; i < 60; i++) ok(await post(id, `o_${String(i).padStart(2, '0')}`))
  ok(await post(id, 'o_old'))
  await applyDomainEvents(runtime, { limit: 500 })
  const all = ok(await board('o_old', { kind: 'pointsWeek' }))
  expect(all.entries).toHaveLength(50)
  expect(all.me).toMatchObject({ rank: 1, score: 10 }) // everyone tied
  const fresh = ok(await board('o_old', { kind: 'pointsWeek', newcomers: true }))
  expect(fresh.me).toBeNull()
  expect(fresh.total).toBe(60)
})

test('settlement stores the final board and grants the top places once, however often it runs', async () => {
  const id = await createChallenge({ pointsPerCheckin: 10, startDate: '2026-11-20' })
  ok(await post(id, 'o_a'))
  runtime.clock.advance(60_000)
  ok(await post(id, 'o_b'))
  await applyDomainEvents(runtime)
  ok(await call('leaderboard', 'setBoardRewards', { weekly: [100, 50], monthly: [] }, HOST))
  expect(await settleBoards(runtime)).toEqual({ settled: 0 }) // the week is not over
  runtime.clock.set('2026-11-30T00:00:01+08:00')
  expect(await settleBoards(runtime)).toEqual({ settled: 2 }) // the week and its newcomers' view
  expect(await settleBoards(runtime)).toEqual({ settled: 0 })
  const wallet = async (o: string) => (await runtime.store.collection<WalletDoc>(WALLETS).get(o))!.points
  expect(await wallet('o_a')).toBe(10 + 100 + 100) // 1st on both the weekly and the newcomers' board
  expect(await wallet('o_b')).toBe(10 + 50 + 50)
  expect(ok(await board('o_a', { kind: 'pointsWeek', period: 'previous' }))).toMatchObject({ settled: true, periodLabel: '11月23日–11月29日' })
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
    ok(await call('checkin', 'featureCheckin', { checkinId: first.id, featured: true }, HOST))
    expect(ok(await call('leaderboard', 'myInvite', {}, 'o_p')).poster).toMatchObject({ featured: true })
    // A newer photo from a members-only challenge stays inside its circle.
    ok(await call('checkin', 'featureCheckin', { checkinId: first.id, featured: false }, HOST))
    const circle = ok(await call('membership', 'createCircle', { name: '跑团', description: '', coverFileId: '', kind: 'free', trialDays: 7, joinQuestions: [], plans: [], fullRefundDays: 0, refundAfter: 'none' }, HOST))
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
    const invitees = ok(await call('leaderboard', 'myInvitees', {}, 'o_a')).items.map((i) => i.openid).sort()
    expect(invitees).toEqual(['o_b', 'o_e'])
    expect(ok(await call('leaderboard', 'myInvitees', {}, 'o_b')).items.map((i) => i.openid)).toEqual(['o_d'])
    expect(ok(await call('leaderboard', 'myInvitees', {}, 'o_d')).items).toEqual([])
    expect(await call('member', 'me', { inviteCode: 'bad code!' }, 'o_x')).toMatchObject({ ok: false, error: { field: 'inviteCode' } })
  })

  test('the inviter is rewarded on activation, not arrival, with a daily cap', async () => {
    const id = await createChallenge()
    const code = await inviteCode('o_a')
    for (let i = 0; i < 6; i++) ok(await call('member', 'me', { inviteCode: code }, `o_f${i}`))
    await applyDomainEvents(runtime)
    expect(ok(await call('leaderboard', 'myInvite', {}, 'o_a'))).toMatchObject({ invitedCount: 6, activatedCount: 0, rewardPoints: 0 })
    for (let i = 0; i < 6; i++) ok(await post(id, `o_f${i}`))
    await applyDomainEvents(runtime, { limit: 500 })
    await applyDomainEvents(runtime, { limit: 500 }) // the activation facts recorded by the first pass
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
    await applyDomainEvents(runtime)
    await applyDomainEvents(runtime)
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
    const campaign = async (name: string, stock: number, kind: 'amountOff' | 'freeTicket', validTo = now + 30 * 24 * 3600_000) => ok(await call('rewards', 'createCampaign', {
      name, kind, amountOffFen: kind === 'amountOff' ? 2000 : 0, percentOff: 0, minSpendFen: 0, validFrom: now, validTo, appliesTo: ['event'], stock, channel: 'reward'
    }, HOST))
    const claimed = async (campaignId: string) => ok(await call('rewards', 'campaigns', {}, HOST)).items.find((c) => c.id === campaignId)!.claimed
    const ticket = await campaign('免费活动票', 1, 'freeTicket')
    const cash = await campaign('活动立减 20 元', 5, 'amountOff')
    const soon = await campaign('快过期', 5, 'amountOff', now + 3600_000)
    const window = { title: '双 12 邀请赛', startAt: now - 3600_000, endAt: now + 2 * 3600_000 }
    const none = { points: 0, couponCampaignId: null }
    // A prize coupon must exist, outlive the contest, and have enough left for its places.
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [{ points: 1, couponCampaignId: 'nope' }, none, none] }, HOST))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'prizes.0.couponCampaignId' } })
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [none, { points: 0, couponCampaignId: soon.id }, none] }, HOST))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'prizes.1.couponCampaignId' } })
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [{ points: '1', couponCampaignId: null }, none] as never }, HOST))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [{ points: 1, couponCampaignId: ticket.id }, none, { points: 1, couponCampaignId: ticket.id }] }, HOST))
      .toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK', field: 'prizes.0.couponCampaignId' } })
    expect(await claimed(ticket.id)).toBe(0) // the refused contest set nothing aside
    // 1st: points and the only free ticket; 2nd and 3rd: a cash coupon each.
    const contest = ok(await call('leaderboard', 'createContest', { ...window, prizes: [{ points: 500, couponCampaignId: ticket.id }, { points: 0, couponCampaignId: cash.id }, { points: 100, couponCampaignId: cash.id }] }, HOST))
    expect(contest.prizes.map((p) => p.couponName)).toEqual(['免费活动票', '活动立减 20 元', '活动立减 20 元'])
    expect([await claimed(ticket.id), await claimed(cash.id)]).toEqual([1, 2])
    expect(ok(await call('leaderboard', 'contests', {}, 'o_x')).items[0].prizes[0]).toMatchObject({ points: 500, couponKind: 'freeTicket' })
    // Set aside means set aside: nobody else can take the last ticket.
    expect(await call('leaderboard', 'createContest', { ...window, prizes: [{ points: 1, couponCampaignId: ticket.id }, none, none] }, HOST)).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } })
    // Only two members make the board: o_a (two activated invites) and o_b (one).
    for (const [inviter, invitees] of [['o_a', ['o_a1', 'o_a2']], ['o_b', ['o_b1']]] as const) {
      const code = await inviteCode(inviter)
      for (const invitee of invitees) {
        ok(await call('member', 'me', { inviteCode: code }, invitee))
        ok(await post(id, invitee))
        runtime.clock.advance(60_000)
      }
    }
    await applyDomainEvents(runtime)
    await applyDomainEvents(runtime)
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
    const cash = ok(await call('rewards', 'createCampaign', {
      name: '活动立减 20 元', kind: 'amountOff', amountOffFen: 2000, percentOff: 0, minSpendFen: 0, validFrom: now, validTo: now + 30 * 24 * 3600_000, appliesTo: ['event'], stock: 3, channel: 'reward'
    }, HOST))
    ok(await call('leaderboard', 'createContest', { title: '冷清的邀请赛', startAt: now - 3600_000, endAt: now + 3600_000, prizes: [{ points: 100, couponCampaignId: cash.id }, { points: 50, couponCampaignId: cash.id }, { points: 0, couponCampaignId: null }] }, HOST))
    const claimed = async () => ok(await call('rewards', 'campaigns', {}, HOST)).items[0].claimed
    expect(await claimed()).toBe(2)
    runtime.clock.advance(2 * 3600_000)
    expect((await settleBoards(runtime)).settled).toBeGreaterThan(0)
    await settleBoards(runtime)
    expect(await claimed()).toBe(0)
  })
})
