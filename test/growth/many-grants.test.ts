// Spending and expiry over a member with many more grants than one page of
// 100: spending walks every unspent grant in order, and after every ledger
// operation what the grants still hold less the unsettled spending equals the
// wallet; expiry never expires points that were spent, so later earnings survive.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expirePoints } from '../../cloudfunctions/domain/growth/expire-points'
import { grantAll, type GrantRequest } from '../../cloudfunctions/domain/growth/ledger'
import { DEFAULT_TIERS } from '../../cloudfunctions/domain/growth/settings'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { CountingStore } from '../../cloudfunctions/adapters/store/counting-store'
import type { Runtime } from '../../cloudfunctions/platform/runtime'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { CHINA_10AM, createChallenge, post } from '../checkin/checkin-fixtures'

jest.setTimeout(120_000)

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const DAY = 24 * 3600_000
const wallet = async (openid: string) => (await runtime.store.collection<WalletDoc>(WALLETS).get(openid))!

async function allEntries(openid: string): Promise<LedgerEntryDoc[]> {
  const out: LedgerEntryDoc[] = []
  let after: string | null = null
  do {
    const page: { items: LedgerEntryDoc[]; next: string | null } = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid }, { limit: 100, after })
    out.push(...page.items)
    after = page.next
  } while (after)
  return out
}

/** The invariants after every ledger operation: held − unsettled = wallet = ledger sum, and nothing negative. */
async function expectAddsUp(openid: string): Promise<{ points: number; held: number; unsettled: number }> {
  const entries = await allEntries(openid)
  const w = await wallet(openid)
  const held = entries.filter((e) => e.points > 0).reduce((s, e) => s + e.remaining, 0)
  const unsettled = w.unsettledSpent ?? 0
  expect({ heldLessUnsettled: held - unsettled, ledger: entries.reduce((s, e) => s + e.points, 0) }).toEqual({ heldLessUnsettled: w.points, ledger: w.points })
  expect(unsettled).toBeGreaterThanOrEqual(0)
  expect(entries.every((e) => e.remaining >= 0)).toBe(true)
  return { points: w.points, held, unsettled }
}

/** `count` one-point grants, one second apart from `from`, written straight through the ledger (setup). */
async function grantMany(openid: string, count: number, from: number, prefix = 'g', expireMonths = 12): Promise<void> {
  for (let start = 0; start < count; start += 100) {
    const requests: GrantRequest[] = []
    for (let i = start; i < Math.min(count, start + 100); i++) {
      requests.push({ openid, rule: 'manual', refId: `${prefix}${String(i).padStart(4, '0')}`, reason: '测试', points: 1, growth: 0, dailyCap: null, expireMonths, now: from + i * 1000 })
    }
    await runtime.store.transaction((tx) => grantAll(tx, openid, requests, DEFAULT_TIERS, { fresh: true }))
  }
}

async function redeemItem(openid: string, pricePoints: number, requestId: string) {
  const { id } = ok(await call('growth', 'createMallItem', { name: '大礼包', description: '测试', imageFileId: '', kind: 'virtual', pricePoints, stock: 10, minTierLevel: 1, perMemberLimit: 0 }, HOST))
  return call('growth', 'redeem', { itemId: id, requestId }, openid)
}

/** Runs expiry as cron would, run after run (a run may only settle spending, expiring nothing yet), until nothing is due. */
async function expireAll(): Promise<number> {
  let total = 0
  for (let run = 0; run < 30; run++) total += (await expirePoints(runtime)).points
  const due = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ expiresAt: { $lte: runtime.clock.now() }, remaining: { $gt: 0 } }, { limit: 1 })
  expect(due.items).toEqual([])
  return total
}

test('130 one-point grants and a 120-point redemption: 10 left everywhere, expiry takes only those 10', async () => {
  ok(await call('member', 'me', {}, 'o_130'))
  await grantMany('o_130', 130, CHINA_10AM)
  ok(await redeemItem('o_130', 120, 'redeem-130-0001'))
  expect(await expectAddsUp('o_130')).toMatchObject({ points: 10 })
  // A later earning, not yet due when the 130 expire.
  runtime.clock.set(CHINA_10AM + 60 * DAY)
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_130', points: 50, reason: '后来的奖励', requestId: 'later-130-0001' }, HOST))
  runtime.clock.set(CHINA_10AM + 366 * DAY)
  expect(ok(await call('growth', 'summary', {}, 'o_130')).expiringSoon).toBe(10)
  expect(await expireAll()).toBe(10)
  expect(await expectAddsUp('o_130')).toMatchObject({ points: 50, unsettled: 0 })
})

test('1,000 grants: redeem most, expire, the ledger adds up at every step and later earnings survive', async () => {
  ok(await call('member', 'me', {}, 'o_1k'))
  await grantMany('o_1k', 1000, CHINA_10AM)
  await expectAddsUp('o_1k')
  runtime.clock.set(CHINA_10AM + DAY)
  ok(await redeemItem('o_1k', 900, 'redeem-1k-0001'))
  expect(await expectAddsUp('o_1k')).toMatchObject({ points: 100 })
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_1k', points: -50, reason: '扣除', requestId: 'deduct-1k-0001' }, HOST))
  expect(await expectAddsUp('o_1k')).toMatchObject({ points: 50 })
  // Later earnings: 40 more grants a month on, not due when the first 1,000 are.
  await grantMany('o_1k', 40, CHINA_10AM + 30 * DAY, 'later')
  expect(await expectAddsUp('o_1k')).toMatchObject({ points: 90 })
  runtime.clock.set(CHINA_10AM + 366 * DAY)
  expect(ok(await call('growth', 'summary', {}, 'o_1k')).expiringSoon).toBe(50)
  // Expiry works through the member's grants over several runs, each adding up.
  let expired = 0
  for (let run = 0; run < 40; run++) {
    const done = await expirePoints(runtime)
    expired += done.points
    await expectAddsUp('o_1k')
  }
  expect(expired).toBe(50)
  expect(await expectAddsUp('o_1k')).toMatchObject({ points: 40, unsettled: 0 })
  // The later grants are whole and expire in their turn.
  runtime.clock.set(CHINA_10AM + 400 * DAY)
  expect(await expireAll()).toBe(40)
  expect(await expectAddsUp('o_1k')).toMatchObject({ points: 0, held: 0, unsettled: 0 })
})

test('grants that come due before older ones (expiry shortened): the spent old grants pay, the unspent later ones expire on time', async () => {
  ok(await call('member', 'me', {}, 'o_mix'))
  // 130 grants kept 24 months, 120 of them spent; then expiry is shortened to 12 months and 50 more are earned.
  await grantMany('o_mix', 130, CHINA_10AM, 'old', 24)
  runtime.clock.set(CHINA_10AM + DAY)
  ok(await redeemItem('o_mix', 120, 'redeem-mix-0001'))
  await grantMany('o_mix', 50, CHINA_10AM + 2 * DAY, 'mid', 12)
  expect(await expectAddsUp('o_mix')).toMatchObject({ points: 60 })
  // A year on, the 50 later points are due (none of them was spent); the old grants are not.
  runtime.clock.set(CHINA_10AM + 2 * DAY + 366 * DAY)
  expect(ok(await call('growth', 'summary', {}, 'o_mix')).expiringSoon).toBe(50)
  expect(await expireAll()).toBe(50)
  expect(await expectAddsUp('o_mix')).toMatchObject({ points: 10 })
  // Even later earnings survive the old grants' expiry: only the 10 old points left go.
  await grantMany('o_mix', 40, runtime.clock.now(), 'late', 12)
  runtime.clock.set(CHINA_10AM + 2 * 366 * DAY)
  expect(await expireAll()).toBe(10)
  expect(await expectAddsUp('o_mix')).toMatchObject({ points: 40, unsettled: 0 })
})

test('a hidden check-in among 1,000 older grants gives its own points back without reading them all in its transaction', async () => {
  ok(await call('member', 'me', {}, 'o_hide'))
  await grantMany('o_hide', 1000, CHINA_10AM - 400 * DAY + 366 * DAY, 'g')
  runtime.clock.set(CHINA_10AM + DAY)
  const id = await createChallenge({ pointsPerCheckin: 10 })
  const { checkin } = ok(await post(id, 'o_hide'))
  await applyFacts(runtime)
  ok(await redeemItem('o_hide', 995, 'redeem-hide-0001'))
  expect(await expectAddsUp('o_hide')).toMatchObject({ points: 15 })
  ok(await call('challenges', 'hideCheckin', { checkinId: checkin.id, hidden: true }, HOST))
  const counting = new CountingStore(runtime.store)
  const { usage } = await counting.measure(() => applyFacts({ ...runtime, store: counting } as unknown as Runtime))
  // Only the grants from the check-in on are read before the transaction, and the transaction is small.
  expect(usage.largestTx).toBeLessThanOrEqual(8)
  expect(usage.requests).toBeLessThanOrEqual(16)
  // Its own 10 went back; the 5 old points left are what expiry takes, nothing more.
  expect(await expectAddsUp('o_hide')).toMatchObject({ points: 5 })
  const own = (await allEntries('o_hide')).find((e) => e.rule === 'checkinPosted')!
  expect(own.remaining).toBe(0)
  runtime.clock.set(CHINA_10AM + 370 * DAY)
  expect(await expireAll()).toBe(5)
  expect(await expectAddsUp('o_hide')).toMatchObject({ points: 0, unsettled: 0 })
})
