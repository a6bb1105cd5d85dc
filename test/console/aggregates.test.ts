// The console's daily numbers on the embedded twin: a community seeded through
// real actions, the timer run, and the dashboard checked against a recount from
// the raw documents; running the timer again changes nothing; China days split
// at China midnight whatever the server's zone; staff are not members; and the
// dashboard stays within 10 store requests.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { payOrderOk } from '../helpers/pay'
import { createCircle } from '../helpers/circle'
import { challengeInput } from '../checkin/checkin-fixtures'
import { DAILY_STATS, MEMBER_DAYS, type DailyStatsDoc } from '../../cloudfunctions/domain/console/aggregates'
import { chinaDate, startOfChinaDate } from '../../cloudfunctions/domain/time/china-calendar'
import { World, HOST as WORLD_HOST } from '../budget/world'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const DAY = 24 * 3600_000
const MOD = 'o_mod'

async function challenge(): Promise<string> {
  return ok(await call('challenges', 'createChallenge', challengeInput({ windowStart: '00:00', windowEnd: '23:59' }), HOST)).id
}

async function member(openid: string, challengeId: string) {
  ok(await call('member', 'me', {}, openid))
  ok(await call('checkin', 'joinChallenge', { challengeId }, openid))
}

const post = async (challengeId: string, openid: string) => ok(await call('checkin', 'postCheckin', { challengeId, text: '今天完成了训练，感觉很好', photoFileIds: [] }, openid)).checkin.id

async function pay(circleId: string, planId: string, openid: string): Promise<string> {
  const { order } = ok(await call('membership', 'createOrder', { circleId, planId }, openid))
  await payOrderOk(runtime, order.id)
  return order.id
}

async function addModerator() {
  const invite = ok(await call('host', 'createStaffInvite', { role: 'moderator' }, HOST))
  ok(await call('member', 'me', {}, MOD))
  ok(await call('host', 'acceptStaffInvite', { token: invite.token }, MOD))
}

const runStats = async () => ok(await call('insights', 'run', { jobs: ['refreshDailyStats'] }, HOST)).jobs[0]
const dashboard = async () => ok(await call('host', 'dashboard', {}, HOST))
const all = async <T>(name: string) => {
  const items: T[] = []
  for (let after: string | null = null, first = true; first || after; first = false) {
    const page: { items: T[]; next: string | null } = await runtime.store.collection<T & { _id: string }>(name).find({}, { limit: 100, after })
    items.push(...page.items)
    after = page.next
  }
  return items
}

/** The day's numbers counted again from the raw documents (members only: staff left out). */
async function recount(day: string) {
  const start = startOfChinaDate(day)
  const inDay = (at: number | null | undefined) => typeof at === 'number' && at >= start && at < start + DAY
  const staff = new Set((await all<{ _id: string; role: string }>('members')).filter((m) => ['owner', 'admin', 'moderator'].includes(m.role)).map((m) => m._id))
  const checkins = (await all<{ openid: string; createdAt: number }>('checkins')).filter((c) => inDay(c.createdAt))
  const comments = (await all<{ openid: string; checkinId: string; createdAt: number }>('comments')).filter((c) => inDay(c.createdAt))
  const checkinOwner = new Map((await all<{ _id: string; openid: string }>('checkins')).map((c) => [c._id, c.openid]))
  const likes = (await all<{ openid: string; createdAt: number }>('likes')).filter((l) => inDay(l.createdAt))
  const orders = await all<{ _id: string; openid: string; amountFen: number; paidAt: number | null; paidAfterClose?: boolean; createdAt: number }>('orders')
  const paid = orders.filter((o) => inDay(o.paidAt) && !o.paidAfterClose)
  const firstPaid = new Map<string, number>()
  for (const o of orders.filter((o) => o.paidAt !== null)) firstPaid.set(o.openid, Math.min(firstPaid.get(o.openid) ?? Infinity, o.paidAt!))
  const active = new Set(
    [...checkins.map((c) => c.openid), ...comments.filter((c) => checkinOwner.get(c.checkinId) !== c.openid).map((c) => c.openid), ...likes.map((l) => l.openid), ...paid.map((o) => o.openid)].filter(
      (o) => !staff.has(o)
    )
  )
  const refunds = (await all<{ amountFen: number; createdAt: number; status: string; purpose?: string }>('refunds')).filter(
    (r) => inDay(r.createdAt) && r.status !== 'failed' && r.purpose !== 'closedOrder'
  )
  const trials = (await all<{ source: string; trialUsed: boolean; startedAt: number }>('circle_members')).filter((m) => m.trialUsed && inDay(m.startedAt))
  return {
    active: active.size,
    checkins: checkins.length,
    checkinMembers: new Set(checkins.map((c) => c.openid).filter((o) => !staff.has(o))).size,
    newMembers: (await all<{ _id: string; joinedAt: number }>('members')).filter((m) => inDay(m.joinedAt) && !staff.has(m._id)).length,
    trials: trials.length,
    conversions: [...firstPaid.values()].filter(inDay).length,
    revenueFen: paid.reduce((s, o) => s + o.amountFen, 0),
    refunds: refunds.length,
    refundFen: refunds.reduce((s, r) => s + r.amountFen, 0)
  }
}

test('the dashboard equals a recount from the raw documents; running the timer again changes nothing; staff are not members', async () => {
  await addModerator()
  const diet = await challenge()
  for (const openid of ['o_a', 'o_b', 'o_c', 'o_d']) await member(openid, diet)
  ok(await call('checkin', 'joinChallenge', { challengeId: diet }, MOD))
  ok(await call('checkin', 'joinChallenge', { challengeId: diet }, HOST))
  const a = await post(diet, 'o_a')
  await post(diet, 'o_b')
  await post(diet, MOD) // staff: a check-in, not an active member
  await post(diet, HOST)
  ok(await call('checkin', 'addComment', { checkinId: a, text: '加油！' }, 'o_c'))
  ok(await call('checkin', 'toggleLike', { checkinId: a }, 'o_d'))
  ok(await call('checkin', 'toggleLike', { checkinId: a }, MOD))
  // Money: a first payment, a renewal while it runs, a partial refund; a trial elsewhere.
  const camp = await createCircle()
  const first = await pay(camp.id, camp.plans[0].id, 'o_b')
  await pay(camp.id, camp.plans[0].id, 'o_b')
  ok(await call('membership', 'refundOrder', { orderId: first, amountFen: 1000, requestId: 'console-refund-0001', reason: '协商退款' }, HOST))
  const breakfast = await createCircle({ name: '早餐圈', kind: 'trialThenPaid' })
  ok(await call('membership', 'startTrial', { circleId: breakfast.id }, 'o_c'))
  ok(await call('member', 'me', {}, 'o_e')) // joined, did nothing
  await runStats()
  const today = chinaDate(runtime.clock.now())
  const expected = await recount(today)
  expect(expected).toMatchObject({ active: 4, checkins: 4, checkinMembers: 2, newMembers: 5, trials: 1, conversions: 1, revenueFen: 19800, refunds: 1, refundFen: 1000 })

  const view = await dashboard()
  expect(view.today).toBe(today)
  const todayOf = (key: keyof typeof view.figures) => view.figures[key].today
  expect({
    active: todayOf('active'),
    checkins: todayOf('checkins'),
    newMembers: todayOf('newMembers'),
    trials: todayOf('trials'),
    conversions: todayOf('conversions'),
    revenueFen: todayOf('revenueFen'),
    refunds: todayOf('refunds'),
    refundFen: todayOf('refundFen')
  }).toEqual({ ...expected, checkinMembers: undefined })
  expect(view.figures.renewals.today).toBe(1)
  expect(view.figures.checkinRate.today).toBe(Math.round((expected.checkinMembers * 1000) / expected.active))
  expect(view.figures.active.last7).toBe(4)
  expect(view.figures.checkins.last7).toBe(4)
  // The trial ends in 7 days: due; the paid membership runs 60.
  expect(view.pending.renewalsDue).toBe(1)
  // Staff keep no markers and no lastActiveAt; members do.
  expect((await all<{ openid: string }>(MEMBER_DAYS)).map((m) => m.openid).sort()).toEqual(['o_a', 'o_b', 'o_c', 'o_d'])
  const members = await all<{ _id: string; lastActiveAt?: number }>('members')
  expect(
    members
      .filter((m) => m.lastActiveAt !== undefined)
      .map((m) => m._id)
      .sort()
  ).toEqual(['o_a', 'o_b', 'o_c', 'o_d'])

  // Again, and again after the lag: same documents (except when they were computed), same dashboard.
  const before = await all<DailyStatsDoc>(DAILY_STATS)
  const strip = (docs: DailyStatsDoc[]) => docs.map(({ updatedAt: _, ...rest }) => rest)
  expect((await runStats()).counts).toEqual({ marked: 0 })
  runtime.clock.advance(5 * 60_000)
  expect((await runStats()).counts).toEqual({ marked: 0 })
  expect(strip(await all<DailyStatsDoc>(DAILY_STATS))).toEqual(strip(before))
  expect((await dashboard()).figures).toEqual(view.figures)

  // The next day: the last 7 days add up, today starts again, and the pending counts read.
  runtime.clock.advance(DAY)
  await post(diet, 'o_c')
  await runStats()
  const next = await dashboard()
  expect(next.figures.checkins).toEqual({ today: 1, last7: 5, prev7: 0 })
  expect(next.figures.active.today).toBe(1)
  expect(next.figures.active.last7).toBe(4)
  expect(next.figures.revenueFen.last7).toBe(19800)
  // Check-in rate over 7 days in member-days: 3 check-in member-days of 5 active member-days.
  expect(next.figures.checkinRate.last7).toBe(600)
  const yesterday = (await runtime.store.collection<DailyStatsDoc>(DAILY_STATS).get(today))!
  expect(yesterday).toMatchObject(await recount(today))
})

test('a check-in at 23:59 and one at 00:01 China time land on different China days, whatever the server zone', async () => {
  const zone = process.env.TZ
  process.env.TZ = 'America/Los_Angeles'
  try {
    const diet = await challenge()
    await member('o_late', diet)
    await member('o_early', diet)
    runtime.clock.set('2026-11-23T23:59:00+08:00')
    await post(diet, 'o_late')
    runtime.clock.set('2026-11-24T00:01:00+08:00')
    await post(diet, 'o_early')
    await runStats()
    const stats = runtime.store.collection<DailyStatsDoc>(DAILY_STATS)
    expect(await stats.get('2026-11-23')).toMatchObject({ checkins: 1, active: 1, checkinMembers: 1 })
    expect(await stats.get('2026-11-24')).toMatchObject({ checkins: 1, active: 1, checkinMembers: 1 })
    expect((await all<{ _id: string }>(MEMBER_DAYS)).map((m) => m._id).sort()).toEqual(['2026-11-23:o_late', '2026-11-24:o_early'])
  } finally {
    process.env.TZ = zone
  }
})

test('the dashboard reads at most 10 store requests on the seeded community', async () => {
  const world = await World.open()
  try {
    await world.call('insights', 'run', { jobs: ['refreshDailyStats'] }, WORLD_HOST)
    const { data, usage } = await world.measure('host', 'dashboard', {}, WORLD_HOST)
    expect(usage.requests).toBeLessThanOrEqual(10)
    expect(data.figures.checkins.last7).toBeGreaterThan(0)
  } finally {
    await world.close()
  }
})

test('a moderator may not read the numbers', async () => {
  await addModerator()
  const result = await call('host', 'dashboard', {}, MOD)
  expect(result.ok).toBe(false)
})
