// First-in-first-out spending without touching grants: a spend adds to the
// wallet's unsettled amount, which the oldest grants owe; expiry settles it and
// expires only what each grant truly has left, the summary's "expiring soon"
// counts the same, and a revoked check-in still gives its own points back first.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { expirePoints } from '../../cloudfunctions/domain/growth/expire-points'
import { trueRemaining } from '../../cloudfunctions/domain/growth/ledger'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { CHINA_10AM, createChallenge, post } from '../checkin/checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const DAY = 24 * 3600_000
const wallet = async (openid: string) => (await runtime.store.collection<WalletDoc>(WALLETS).get(openid))!
const entries = async (openid: string) => (await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid }, { limit: 100 })).items
const ledgerSum = async (openid: string) => (await entries(openid)).reduce((s, e) => s + e.points, 0)
const adjust = (openid: string, points: number, requestId: string) => call('growth', 'adjustPoints', { memberOpenid: openid, points, reason: '测试', requestId }, HOST)

test('many small grants: a spend writes no grant, expiry settles oldest first and expires only what is left', async () => {
  ok(await call('member', 'me', {}, 'o_f'))
  for (let i = 0; i < 8; i++) {
    ok(await adjust('o_f', 10, `grant-small-${i}`))
    runtime.clock.advance(DAY)
  }
  ok(await adjust('o_f', -35, 'spend-small-1'))
  // No grant was written by the spend: the wallet owes 35 to the oldest grants.
  expect((await entries('o_f')).filter((e) => e.points > 0).map((e) => e.remaining)).toEqual([10, 10, 10, 10, 10, 10, 10, 10])
  expect(await wallet('o_f')).toMatchObject({ points: 45, unsettledSpent: 35 })
  // The first five grants come due (the 4th has 5 truly left, the 5th 10).
  runtime.clock.set(CHINA_10AM + 365 * DAY + 4 * DAY + 1000)
  expect(ok(await call('growth', 'summary', {}, 'o_f')).expiringSoon).toBe(45)
  expect(await expirePoints(runtime)).toEqual({ expired: 2, points: 15 })
  const grants = (await entries('o_f')).filter((e) => e.points > 0).sort((a, b) => a.createdAt - b.createdAt)
  expect(grants.map((e) => e.remaining)).toEqual([0, 0, 0, 0, 0, 10, 10, 10])
  expect(await wallet('o_f')).toMatchObject({ points: 30, unsettledSpent: 0 })
  expect(await ledgerSum('o_f')).toBe(30)
  expect(await expirePoints(runtime)).toEqual({ expired: 0, points: 0 })
  // The rest expire a few days later; nothing is left and the ledger still adds up.
  runtime.clock.advance(10 * DAY)
  expect(await expirePoints(runtime)).toEqual({ expired: 3, points: 30 })
  expect((await wallet('o_f')).points).toBe(0)
  expect(await ledgerSum('o_f')).toBe(0)
})

test('a revoked check-in gives its own points back even while older grants owe unsettled spending', async () => {
  ok(await call('member', 'me', {}, 'o_r'))
  ok(await adjust('o_r', 50, 'grant-old-0001'))
  runtime.clock.advance(DAY)
  const id = await createChallenge({ pointsPerCheckin: 10 })
  const { checkin } = ok(await post(id, 'o_r'))
  await applyFacts(runtime)
  ok(await adjust('o_r', -30, 'spend-some-0001'))
  expect(await wallet('o_r')).toMatchObject({ points: 30, unsettledSpent: 30 })
  ok(await call('challenges', 'hideCheckin', { checkinId: checkin.id, hidden: true }, HOST))
  await applyFacts(runtime)
  const grants = (await entries('o_r')).filter((e) => e.points > 0).sort((a, b) => a.createdAt - b.createdAt)
  // The old grant paid the 30 spent (still owed, unsettled); the check-in's own 10 went back.
  const w = await wallet('o_r')
  const left = trueRemaining(grants, w.unsettledSpent ?? 0)
  expect(grants.map((e) => left.get(e._id))).toEqual([20, 0])
  expect(w.points).toBe(20)
  expect(await ledgerSum('o_r')).toBe(20)
})

test('concurrent redemptions and deductions never overspend; the wallet equals the ledger', async () => {
  ok(await call('member', 'me', {}, 'o_c'))
  for (let i = 0; i < 5; i++) ok(await adjust('o_c', 20, `grant-conc-${i}`))
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => adjust('o_c', -10, `spend-conc-${String(i).padStart(2, '0')}`)))
  expect(results.filter((r) => r.ok)).toHaveLength(10)
  expect(await wallet('o_c')).toMatchObject({ points: 0, unsettledSpent: 100 })
  expect(await ledgerSum('o_c')).toBe(0)
})
