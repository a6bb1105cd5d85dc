// The 助力 rules on the strict embedded store: N reached → the reward once;
// new members counted double when the host says so; self-help, a second help
// by one friend and help over the daily cap refused; a task expires; a paused
// campaign takes no starts or helps; each reward through its own capability;
// the host's measures and log; the facts.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'
import { SIGNUPS, type SignupDoc } from '../../cloudfunctions/domain/events/event'
import { HELP_TASKS, type HelpTaskDoc } from '../../cloudfunctions/domain/plays/help/help'
import { DAY, HOUR, couponHelp, eventHelp, existing, help, start, task, trialHelp } from './fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const coupons = async (openid: string) => ok(await call('rewards', 'myCoupons', {}, openid)).items
const hostView = async (campaignId: string) => ok(await call('fission', 'hostHelpCampaigns', {}, HOST)).items.find((c) => c.id === campaignId)!

describe('reaching N', () => {
  test('3 friends unlock the coupon once: progress 还差 N, the coupon in 我的券, a 4th help refused', async () => {
    const { campaign, coupon } = await couponHelp(runtime)
    await existing('o_a', 'o_b', 'o_c', 'o_d')
    const mine = await start(campaign.id, 'o_owner')
    expect(mine).toMatchObject({ need: 3, points: 0, left: 3, status: 'open', isOwner: true, helpers: [], reward: null, rewardName: '优惠券「助力券 20 元」' })
    expect(ok(await help(mine.id, 'o_a'))).toEqual({ weight: 1, points: 1, need: 3, completed: false })
    expect(await task(mine.id, 'o_owner')).toMatchObject({ points: 1, left: 2, helperCount: 1, helpers: [{ weight: 1 }] })
    expect(await task(mine.id, 'o_a')).toMatchObject({ isOwner: false, helpedByMe: true })
    expect(await task(mine.id, 'o_b')).toMatchObject({ helpedByMe: false })
    ok(await help(mine.id, 'o_b'))
    expect(ok(await help(mine.id, 'o_c'))).toEqual({ weight: 1, points: 3, need: 3, completed: true })
    const done = await task(mine.id, 'o_owner')
    expect(done).toMatchObject({ status: 'completed', points: 3, left: 0, reward: { status: 'granted', message: '优惠券「助力券 20 元」已放入「我的券」' } })
    const held = await coupons('o_owner')
    expect(held).toHaveLength(1)
    expect(held[0]).toMatchObject({ campaignId: coupon.id, status: 'available', id: done.reward!.couponId })
    expect(await help(mine.id, 'o_d')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '好友的奖励已解锁，谢谢你' } })
    expect(await coupons('o_owner')).toHaveLength(1)
    // Starting again answers the completed task: one reward per member per campaign.
    expect(await start(campaign.id, 'o_owner')).toMatchObject({ id: mine.id, status: 'completed' })
    expect(await hostView(campaign.id)).toMatchObject({ measures: { started: 1, completed: 1, rewardsGranted: 1, newMembers: 0, helps: 3 } })
  })

  test('new members count double when the host says so (and the log says who was new); not when it does not', async () => {
    const { campaign } = await couponHelp(runtime, { need: 4, newMemberDouble: true })
    await existing('o_old')
    const mine = await start(campaign.id, 'o_owner')
    runtime.clock.advance(1000)
    expect(ok(await help(mine.id, 'o_new1'))).toMatchObject({ weight: 2, points: 2 })
    runtime.clock.advance(1000)
    expect(ok(await help(mine.id, 'o_old'))).toMatchObject({ weight: 1, points: 3 })
    expect(await task(mine.id, 'o_owner')).toMatchObject({ left: 1, helpers: [{ weight: 1 }, { weight: 2 }] })
    runtime.clock.advance(1000)
    expect(ok(await help(mine.id, 'o_new2'))).toMatchObject({ weight: 2, points: 4, completed: true })
    expect(await hostView(campaign.id)).toMatchObject({ measures: { newMembers: 2, helps: 3, completed: 1 } })
    const log = ok(await call('fission', 'helpLog', { campaignId: campaign.id }, HOST)).items
    expect(log.map((l) => [l.helperOpenid, l.weight, l.newMember, l.ownerOpenid])).toEqual([
      ['o_new2', 2, true, 'o_owner'],
      ['o_old', 1, false, 'o_owner'],
      ['o_new1', 2, true, 'o_owner']
    ])

    const plain = await couponHelp(runtime, { need: 2, newMemberDouble: false })
    const other = await start(plain.campaign.id, 'o_owner2')
    runtime.clock.advance(1000)
    expect(ok(await help(other.id, 'o_new3'))).toMatchObject({ weight: 1, points: 1, completed: false })
  })
})

describe('anti-abuse', () => {
  test('self-help refused; a friend helps a task once; the daily cap per helper; the log lists the helps', async () => {
    const { campaign } = await couponHelp(runtime, { need: 10, dailyCap: 2, taskHours: 48 })
    const tasks = await Promise.all(['o_t1', 'o_t2', 'o_t3'].map((o) => start(campaign.id, o)))
    expect(await help(tasks[0].id, 'o_t1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能给自己助力，快分享给好友吧' } })
    ok(await help(tasks[0].id, 'o_f'))
    runtime.clock.advance(1000)
    expect(await help(tasks[0].id, 'o_f')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '你已经帮 TA 助力过了' } })
    ok(await help(tasks[1].id, 'o_f'))
    runtime.clock.advance(1000)
    expect(await help(tasks[2].id, 'o_f')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '今天已助力 2 次，明天再来吧' } })
    // The cap is per China day: tomorrow (after 00:00 Beijing) the friend may help again.
    runtime.clock.advance(DAY)
    ok(await help(tasks[2].id, 'o_f'))
    expect(await task(tasks[0].id, 'o_t1')).toMatchObject({ points: 1, helperCount: 1 })
    const log = ok(await call('fission', 'helpLog', { campaignId: campaign.id }, HOST)).items
    expect(log.map((l) => l.taskId)).toEqual([tasks[2].id, tasks[1].id, tasks[0].id])
    expect(await call('fission', 'helpLog', { campaignId: campaign.id }, 'o_f')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('a task expires: helps refused, 已过期; the owner may start a new one; a late view of an expired task still shows it', async () => {
    const { campaign } = await couponHelp(runtime, { need: 2, taskHours: 2 })
    const first = await start(campaign.id, 'o_owner')
    ok(await help(first.id, 'o_a'))
    runtime.clock.advance(2 * HOUR)
    expect(await help(first.id, 'o_b')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '这个助力已过期' } })
    expect(await task(first.id, 'o_owner')).toMatchObject({ status: 'expired', points: 1, reward: null })
    const second = await start(campaign.id, 'o_owner')
    expect(second.id).not.toBe(first.id)
    expect(second).toMatchObject({ status: 'open', points: 0, expiresAt: runtime.clock.now() + 2 * HOUR })
    // o_a helped the first task, not this one.
    ok(await help(second.id, 'o_a'))
  })

  test('a paused campaign: no new tasks, no helps (已暂停); resumed, helping goes on; an ended one starts nothing', async () => {
    const { campaign } = await couponHelp(runtime, { need: 2 })
    const mine = await start(campaign.id, 'o_owner')
    expect(ok(await call('fission', 'pauseHelpCampaign', { campaignId: campaign.id, paused: true }, HOST))).toMatchObject({ paused: true, phase: 'paused' })
    expect(await call('fission', 'startHelpTask', { campaignId: campaign.id }, 'o_x')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '助力活动已暂停，请稍后再来' } })
    expect(await help(mine.id, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '助力活动已暂停，请稍后再来' } })
    expect(await task(mine.id, 'o_owner')).toMatchObject({ status: 'paused' })
    expect(ok(await call('fission', 'helpCampaigns', {}, 'o_x')).items[0]).toMatchObject({ phase: 'paused' })
    ok(await call('fission', 'pauseHelpCampaign', { campaignId: campaign.id, paused: false }, HOST))
    ok(await help(mine.id, 'o_a'))
    expect(ok(await help(mine.id, 'o_b'))).toMatchObject({ completed: true })
    runtime.clock.advance(8 * DAY)
    expect(await call('fission', 'startHelpTask', { campaignId: campaign.id }, 'o_y')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '助力活动已结束' } })
    expect(ok(await call('fission', 'helpCampaigns', {}, 'o_x')).items).toEqual([])
    expect(await call('fission', 'pauseHelpCampaign', { campaignId: campaign.id, paused: true }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('members cannot create or pause campaigns; malformed terms refused with Chinese messages', async () => {
    const { coupon } = await couponHelp(runtime)
    const input = { title: '助力', reward: { type: 'coupon' as const, campaignId: coupon.id }, need: 3, newMemberDouble: false, dailyCap: 3, taskHours: 24, endAt: runtime.clock.now() + DAY }
    expect(await call('fission', 'createHelpCampaign', input, 'o_member')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('fission', 'createHelpCampaign', { ...input, need: 1 }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '助力人数不能小于 2' } })
    expect(await call('fission', 'createHelpCampaign', { ...input, endAt: runtime.clock.now() - 1 }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '结束时间已过' } })
    expect(await call('fission', 'createHelpCampaign', { ...input, reward: { type: 'coupon', campaignId: 'nope' } }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('each reward through its own capability', () => {
  test('a free event seat: the owner is signed up at no charge, the seat counted; a member already signed up cannot start', async () => {
    const { campaign, eventId } = await eventHelp(runtime, { need: 2 })
    const mine = await start(campaign.id, 'o_owner')
    ok(await help(mine.id, 'o_a'))
    ok(await help(mine.id, 'o_b'))
    expect(await task(mine.id, 'o_owner')).toMatchObject({ status: 'completed', reward: { status: 'granted', message: '已为你报名「周末徒步」' } })
    const signup = await runtime.store.collection<SignupDoc>(SIGNUPS).get(`${eventId}:o_owner`)
    expect(signup).toMatchObject({ status: 'confirmed', priceFen: 0, orderId: null })
    expect(mine.expiresAt).toBe(runtime.clock.now() + 24 * HOUR)
    const tickets = ok(await call('events', 'myTickets', {}, 'o_owner')).items
    expect(tickets.map((t) => t.id)).toEqual([eventId])
    expect(await call('fission', 'startHelpTask', { campaignId: campaign.id }, 'o_owner')).toMatchObject({ ok: true, data: { id: mine.id } })
    ok(await call('events', 'signup', { eventId }, 'o_other'))
    expect(await call('fission', 'startHelpTask', { campaignId: campaign.id }, 'o_other')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '你已报名这个活动，无需助力' } })
  })

  test('an event seat task never outlives the campaign (which ends before the signup deadline)', async () => {
    const { campaign } = await eventHelp(runtime, { need: 2, taskHours: 48, endAt: runtime.clock.now() + 10 * HOUR })
    expect((await start(campaign.id, 'o_owner')).expiresAt).toBe(runtime.clock.now() + 10 * HOUR)
  })

  test('a full event: the task completes, the reward says why it is not given, and the host counts no reward', async () => {
    const { campaign, eventId } = await eventHelp(runtime, { need: 2 }, 1)
    const mine = await start(campaign.id, 'o_owner')
    ok(await call('events', 'signup', { eventId }, 'o_seat'))
    ok(await help(mine.id, 'o_a'))
    ok(await help(mine.id, 'o_b'))
    expect(await task(mine.id, 'o_owner')).toMatchObject({ status: 'completed', reward: { status: 'unavailable', message: '活动名额已满或已取消，请联系主理人' } })
    expect(await hostView(campaign.id)).toMatchObject({ measures: { completed: 1, rewardsGranted: 0 } })
  })

  test('trial days of a circle: the membership runs 7 days from now', async () => {
    const { campaign, circleId } = await trialHelp(runtime, { need: 2 })
    const mine = await start(campaign.id, 'o_owner')
    ok(await help(mine.id, 'o_a'))
    ok(await help(mine.id, 'o_b'))
    expect(await task(mine.id, 'o_owner')).toMatchObject({ reward: { status: 'granted', message: '已开通「私教营」7 天体验' } })
    const memberships = ok(await call('membership', 'myMemberships', {}, 'o_owner'))
    expect(memberships.find((m) => m.circleId === circleId)).toMatchObject({ status: 'trial', endsAt: runtime.clock.now() + 7 * DAY })
  })

  test('the coupons run out: the task completes without one and says so', async () => {
    const { campaign } = await couponHelp(runtime, { need: 2 }, 1)
    const [t1, t2] = [await start(campaign.id, 'o_o1'), await start(campaign.id, 'o_o2')]
    for (const t of [t1, t2]) for (const f of ['o_a', 'o_b']) ok(await help(t.id, f))
    expect(await task(t1.id, 'o_o1')).toMatchObject({ reward: { status: 'granted' } })
    expect(await task(t2.id, 'o_o2')).toMatchObject({ reward: { status: 'unavailable', message: '优惠券已发完，请联系主理人' } })
  })
})

test('facts: a start and one completion (with how many friends helped)', async () => {
  const { campaign } = await couponHelp(runtime, { need: 2, newMemberDouble: true })
  await existing('o_a')
  const mine = await start(campaign.id, 'o_owner')
  runtime.clock.advance(1000)
  ok(await help(mine.id, 'o_a'))
  ok(await help(mine.id, 'o_new'))
  const facts = (await runtime.store.collection<{ _id: string; type: string; payload: Record<string, unknown> }>(FACTS).find({}, { limit: 100 })).items.filter((f) => f.type.startsWith('help.'))
  expect(facts.map((f) => f.type).sort()).toEqual(['help.completed', 'help.started'])
  expect(facts.find((f) => f.type === 'help.completed')?.payload).toMatchObject({ granted: true, rewardType: 'coupon', need: 2, helpers: 2 })
  const doc = await runtime.store.collection<HelpTaskDoc>(HELP_TASKS).get(mine.id)
  expect(doc).toMatchObject({ status: 'completed', rewardStatus: 'granted', completedAt: runtime.clock.now() })
})
