// The ledger: replayed facts grant nothing new, daily caps follow China days,
// points expire first-in-first-out, a revoked check-in gives its points back,
// and a new tier is celebrated exactly once.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { expirePoints } from '../../cloudfunctions/domain/growth/expire-points'
import { recordFact } from '../../cloudfunctions/domain/facts/facts'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'
import { createChallenge, post } from '../checkin/checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const wallet = async (openid: string) => (await runtime.store.collection<WalletDoc>(WALLETS).get(openid))!
const ledgerSum = async (openid: string) => (await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid }, { limit: 100 })).items.reduce((s, e) => s + e.points, 0)
const comment = (openid: string, key: string, at: number) => recordFact(runtime.store, { type: 'comment.received', key, openid, refId: 'k1', payload: { commentId: key, from: 'o_commenter' }, at })

test("a check-in grants the challenge's points and growth once, however often events are applied", async () => {
  const id = await createChallenge({ pointsPerCheckin: 15 })
  ok(await post(id, 'o_a'))
  await applyFacts(runtime)
  await applyFacts(runtime)
  ok(await post(id, 'o_a')) // same day: duplicate
  await applyFacts(runtime)
  const summary = ok(await call('growth', 'summary', {}, 'o_a'))
  expect(summary).toMatchObject({ points: 15, growth: 10, tier: { level: 1, name: '新人' }, nextTier: { level: 2 }, growthToNext: 90 })
  const history = ok(await call('growth', 'ledger', {}, 'o_a')).items
  expect(history).toEqual([expect.objectContaining({ rule: 'checkinPosted', reason: '打卡「21 天减脂打卡」', points: 15, growth: 10 })])
})

test('the comment-received cap (20 points a day) resets at China midnight, not UTC midnight', async () => {
  runtime.clock.set('2026-11-23T23:50:00+08:00')
  for (let i = 0; i < 12; i++) await comment('o_a', `late${i}`, runtime.clock.now() + i * 1000)
  await applyFacts(runtime)
  expect((await wallet('o_a')).points).toBe(20)
  runtime.clock.set('2026-11-24T00:00:00+08:00') // still the 23rd in UTC
  await comment('o_a', 'after-midnight', runtime.clock.now())
  await applyFacts(runtime)
  expect((await wallet('o_a')).points).toBe(22)
  expect(await ledgerSum('o_a')).toBe(22)
})

test('points are spent oldest first and each grant expires 12 months after it was earned', async () => {
  runtime.clock.set('2026-01-10T10:00:00+08:00')
  ok(await call('member', 'me', {}, 'o_a'))
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_a', points: 100, reason: '一月活动', requestId: 'grant-jan-0001' }, HOST))
  runtime.clock.set('2026-03-10T10:00:00+08:00')
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_a', points: 50, reason: '三月活动', requestId: 'grant-mar-0001' }, HOST))
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_a', points: -120, reason: '兑换礼品', requestId: 'spend-0000001' }, HOST))
  // January's 100 were spent first; 30 of March's 50 remain.
  runtime.clock.set('2027-01-10T10:00:01+08:00')
  expect(await expirePoints(runtime)).toEqual({ expired: 0, points: 0 })
  expect((await wallet('o_a')).points).toBe(30)
  runtime.clock.set('2027-03-10T10:00:01+08:00')
  expect(await expirePoints(runtime)).toEqual({ expired: 1, points: 30 })
  expect(await expirePoints(runtime)).toEqual({ expired: 0, points: 0 })
  expect((await wallet('o_a')).points).toBe(0)
  expect(await ledgerSum('o_a')).toBe(0)
  expect(ok(await call('growth', 'ledger', {}, 'o_a')).items[0]).toMatchObject({ rule: 'expire', reason: '积分到期', points: -30 })
})

test('points about to expire are shown', async () => {
  ok(await call('member', 'me', {}, 'o_a'))
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_a', points: 40, reason: '奖励', requestId: 'grant-0000001' }, HOST))
  runtime.clock.advance(340 * 24 * 3600_000)
  expect(ok(await call('growth', 'summary', {}, 'o_a')).expiringSoon).toBe(40)
})

test('a check-in hidden for cheating gives its points back, once; growth stays', async () => {
  const id = await createChallenge({ pointsPerCheckin: 10 })
  const { checkin } = ok(await post(id, 'o_cheat'))
  await applyFacts(runtime)
  expect((await wallet('o_cheat')).points).toBe(10)
  ok(await call('challenges', 'hideCheckin', { checkinId: checkin.id, hidden: true }, HOST))
  await applyFacts(runtime)
  ok(await call('challenges', 'hideCheckin', { checkinId: checkin.id, hidden: false }, HOST))
  ok(await call('challenges', 'hideCheckin', { checkinId: checkin.id, hidden: true }, HOST))
  await applyFacts(runtime)
  expect(await wallet('o_cheat')).toMatchObject({ points: 0, growth: 10 })
  expect(ok(await call('growth', 'ledger', {}, 'o_cheat')).items.map((e) => [e.rule, e.points])).toEqual([
    ['revoke', -10],
    ['checkinPosted', 10]
  ])
})

test('reaching a tier is celebrated once in the app and announced once', async () => {
  ok(await call('member', 'me', {}, 'o_a'))
  ok(await call('growth', 'updateSettings', { rules: { featuredByHost: { points: 5, growth: 60, dailyCap: null } } }, HOST))
  for (const key of ['k1', 'k2', 'k3']) await recordFact(runtime.store, { type: 'checkin.featured', key, openid: 'o_a', refId: key, at: runtime.clock.now() })
  // Reading one's growth settles the oldest unapplied facts (one small transaction's worth); cron applies the rest.
  expect(ok(await call('growth', 'summary', {}, 'o_a')).growth).toBe(120)
  await applyFacts(runtime)
  const summary = ok(await call('growth', 'summary', {}, 'o_a'))
  expect(summary).toMatchObject({ growth: 180, tier: { level: 2, name: '活跃' }, celebrateTier: { level: 2 } })
  ok(await call('growth', 'acknowledgeCelebration', {}, 'o_a'))
  expect(ok(await call('growth', 'summary', {}, 'o_a')).celebrateTier).toBeNull()
  expect(await runtime.store.collection(OUTBOX).count({ 'payload.template': 'tierUp', 'payload.openid': 'o_a' })).toBe(1)
})

test('a rule set to 0 grants nothing', async () => {
  ok(await call('growth', 'updateSettings', { rules: { commentReceived: { points: 0, growth: 0, dailyCap: null } } }, HOST))
  await comment('o_a', 'c1', runtime.clock.now())
  await applyFacts(runtime)
  expect(await runtime.store.collection(LEDGER).count({ openid: 'o_a' })).toBe(0)
})

test('manual adjustments: a retried request applies once; a deduction never goes below zero', async () => {
  ok(await call('member', 'me', {}, 'o_a'))
  const input = { memberOpenid: 'o_a', points: 30, reason: '线下活动奖励', requestId: 'adjust-000001' }
  ok(await call('growth', 'adjustPoints', input, HOST))
  ok(await call('growth', 'adjustPoints', input, HOST))
  expect((await wallet('o_a')).points).toBe(30)
  expect(await call('growth', 'adjustPoints', { ...input, points: -31, requestId: 'adjust-000002' }, HOST)).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
  expect(await call('growth', 'adjustPoints', { ...input, memberOpenid: 'o_nobody' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'memberOpenid' } })
  expect((await wallet('o_a')).points).toBe(30)
})

test('tier settings must start at Lv1 with growth 0 and rise', async () => {
  const tiers = ok(await call('growth', 'settings', {}, HOST)).tiers
  expect(tiers.map((t) => [t.level, t.name, t.minGrowth])).toEqual([
    [1, '新人', 0],
    [2, '活跃', 100],
    [3, '核心', 500],
    [4, 'KOL', 2000]
  ])
  const swapped = tiers.map((t) => (t.level === 3 ? { ...t, minGrowth: 50 } : t))
  expect(await call('growth', 'updateSettings', { tiers: swapped }, HOST)).toMatchObject({ ok: false, error: { field: 'tiers', message: '等级越高，成长值门槛必须越高' } })
})

test('tiers bring badges on check-ins and monthly make-up cards', async () => {
  const id = await createChallenge()
  ok(await call('member', 'me', {}, 'o_a'))
  ok(await call('growth', 'updateSettings', { rules: { featuredByHost: { points: 0, growth: 600, dailyCap: null } } }, HOST))
  await recordFact(runtime.store, { type: 'checkin.featured', key: 'x', openid: 'o_a', refId: 'x', at: runtime.clock.now() })
  expect(ok(await call('growth', 'summary', {}, 'o_a'))).toMatchObject({ tier: { level: 3, name: '核心' }, makeupCards: 2 })
  expect(ok(await call('growth', 'summary', {}, 'o_a')).makeupCards).toBe(2)
  const { checkin } = ok(await post(id, 'o_a'))
  expect(checkin.author.badge).toBe('核心')
  runtime.clock.set('2026-12-01T08:00:00+08:00')
  expect(ok(await call('growth', 'summary', {}, 'o_a')).makeupCards).toBe(4)
})
