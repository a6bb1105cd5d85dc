// 助力 under concurrency on the strict embedded twin (concurrent transactions
// writing one document abort): a crowd of friends helping one task at once is
// counted exactly; the last helps racing grant the reward once; one friend's
// many taps count once; a helper's daily cap holds across tasks tapped at once;
// many tasks completing at once on one coupon campaign give exactly its stock.
import { call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'
import { CAMPAIGNS, COUPONS, type CampaignDoc, type CouponDoc } from '../../cloudfunctions/domain/rewards/coupons'
import { HELPS, HELP_DAILY, HELP_TASKS, type HelpDoc, type HelpTaskDoc } from '../../cloudfunctions/domain/plays/help/help'
import { couponHelp, help, start, task } from './fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const couponsOf = async (campaignId: string) => (await runtime.store.collection<CouponDoc>(COUPONS).find({ campaignId }, { limit: 100 })).items
const completions = async (taskId: string) => runtime.store.collection(FACTS).count({ type: 'help.completed', refId: taskId.split(':')[0] })

test('45 friends at once on one task: all 45 counted, none twice; then 30 more at once: completed once, one coupon', async () => {
  const { campaign, coupon } = await couponHelp(runtime, { need: 50 })
  const mine = await start(campaign.id, 'o_owner')
  const first = await Promise.all(Array.from({ length: 45 }, (_, i) => help(mine.id, `o_crowd_${i}`)))
  expect(first.filter((r) => !r.ok)).toEqual([])
  expect(await task(mine.id, 'o_owner')).toMatchObject({ points: 45, left: 5, helperCount: 45, status: 'open' })
  const second = await Promise.all(Array.from({ length: 30 }, (_, i) => help(mine.id, `o_late_${i}`)))
  // Helps that read the task before it completed still count (they are in the log); those after are refused.
  expect(second.every((r) => r.ok || r.error.code === 'CONFLICT')).toBe(true)
  expect(await task(mine.id, 'o_owner')).toMatchObject({ status: 'completed', points: 50, left: 0, reward: { status: 'granted' } })
  expect(await couponsOf(coupon.id)).toHaveLength(1)
  expect((await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(coupon.id))!.claimed).toBe(1)
  expect(await completions(mine.id)).toBe(1)
  const helps = (await runtime.store.collection<HelpDoc>(HELPS).find({ taskId: mine.id }, { limit: 100 })).items.length
  expect(helps).toBeGreaterThanOrEqual(50)
}, 60_000)

test('the last two helps race, 30 tasks over: every task completed once, exactly one coupon each', async () => {
  const { campaign, coupon } = await couponHelp(runtime, { need: 4 }, 100)
  const tasks = await Promise.all(Array.from({ length: 30 }, (_, i) => start(campaign.id, `o_owner_${i}`)))
  for (const [i, t] of tasks.entries()) for (const f of ['o_f1', 'o_f2']) ok(await help(t.id, `${f}_${i}`))
  // The two last helps of every task at the same instant, all 30 tasks at once (one coupon campaign for all).
  const racing = await Promise.all(tasks.flatMap((t, i) => [help(t.id, `o_last_a_${i}`), help(t.id, `o_last_b_${i}`)]))
  expect(racing.filter((r) => !r.ok)).toEqual([])
  const docs = await Promise.all(tasks.map((t) => runtime.store.collection<HelpTaskDoc>(HELP_TASKS).get(t.id)))
  expect(docs.every((d) => d!.status === 'completed' && d!.rewardStatus === 'granted')).toBe(true)
  const coupons = await couponsOf(coupon.id)
  expect(coupons).toHaveLength(30)
  expect(new Set(coupons.map((c) => c.openid)).size).toBe(30)
  expect((await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(coupon.id))!.claimed).toBe(30)
  expect(await runtime.store.collection(FACTS).count({ type: 'help.completed' })).toBe(30)
}, 60_000)

test('a completion that lost every retry is finished by the next view of the task', async () => {
  const { campaign, coupon } = await couponHelp(runtime, { need: 2 })
  const mine = await start(campaign.id, 'o_owner')
  ok(await help(mine.id, 'o_a'))
  // As if o_b's completion conflicted to the end: the help is written, the task still open.
  await runtime.store.collection<HelpDoc>(HELPS).insert({
    _id: `${mine.id}:o_b`,
    taskId: mine.id,
    campaignId: campaign.id,
    ownerOpenid: 'o_owner',
    ownerNickname: '',
    openid: 'o_b',
    nickname: 'b',
    avatarFileId: '',
    weight: 1,
    double: false,
    newMember: false,
    at: runtime.clock.now()
  })
  expect((await runtime.store.collection<HelpTaskDoc>(HELP_TASKS).get(mine.id))!.status).toBe('open')
  expect(await task(mine.id, 'o_owner')).toMatchObject({ status: 'completed', reward: { status: 'granted' } })
  expect(await couponsOf(coupon.id)).toHaveLength(1)
})

test('one friend tapping 助力 10 times at once counts once and uses one of the daily cap', async () => {
  const { campaign } = await couponHelp(runtime, { need: 5, dailyCap: 3 })
  const mine = await start(campaign.id, 'o_owner')
  const taps = await Promise.all(Array.from({ length: 10 }, () => help(mine.id, 'o_eager')))
  expect(taps.filter((r) => r.ok)).toHaveLength(1)
  expect(taps.every((r) => r.ok || r.error.code === 'LIMIT_REACHED')).toBe(true)
  expect(await task(mine.id, 'o_owner')).toMatchObject({ points: 1, helperCount: 1 })
  const daily = (await runtime.store.collection<{ _id: string; count: number }>(HELP_DAILY).find({ openid: 'o_eager' }, { limit: 5 })).items
  expect(daily.map((d) => d.count)).toEqual([1])
})

test('a helper with a daily cap of 3 tapping 10 tasks at once: exactly 3 helps', async () => {
  const { campaign } = await couponHelp(runtime, { need: 5, dailyCap: 3 })
  const tasks = await Promise.all(Array.from({ length: 10 }, (_, i) => start(campaign.id, `o_t_${i}`)))
  const taps = await Promise.all(tasks.map((t) => help(t.id, 'o_busy')))
  expect(taps.filter((r) => r.ok)).toHaveLength(3)
  expect(taps.filter((r) => !r.ok).every((r) => !r.ok && ['LIMIT_REACHED', 'BUSY'].includes(r.error.code))).toBe(true)
  expect(await runtime.store.collection(HELPS).count({ openid: 'o_busy' })).toBe(3)
  expect(ok(await call('fission', 'hostHelpCampaigns', {}, 'o_test_host')).items[0].measures.helps).toBe(3)
}, 30_000)
