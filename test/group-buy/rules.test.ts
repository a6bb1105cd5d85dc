// The group buy's rules: a full group is fulfilled together; a group past its
// time is refunded once (the timer running twice, or two at once); 模拟成团;
// pause; one seat per member per group (the starter cannot join their own);
// the daily caps; an unpaid seat let go after 5 minutes; event seats; a payment
// that lands after the group failed. Every test ends with the books checked whole.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { closeUnpaidOrders } from '../../cloudfunctions/domain/orders/close-unpaid'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'
import { SIGNUPS, type SignupDoc } from '../../cloudfunctions/domain/events/event'
import { settleGroupBuys } from '../../cloudfunctions/domain/plays/group-buy/settle'
import { GROUPS, GROUP_SEATS, type GroupDoc, type SeatDoc } from '../../cloudfunctions/domain/plays/group-buy/group'
import { HOUR, MIN, createGroupBuy, groupOf, join, paidEvent, paidGroup, pay, planGroupBuy, start } from './fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const order = async (orderId: string) => (await runtime.store.collection<OrderDoc>(ORDERS).get(orderId))!
const membership = async (circleId: string, openid: string) => ok(await call('membership', 'getCircle', { circleId }, openid)).membership
const hostView = async (campaignId: string) => ok(await call('sales', 'hostGroupBuys', {}, HOST)).items.find((c) => c.id === campaignId)!
const logs = async (campaignId: string) => ok(await call('sales', 'groupBuyLogs', { campaignId }, HOST)).items
const seats = async (groupId: string) => (await runtime.store.collection<SeatDoc>(GROUP_SEATS).find({ groupId }, { sort: [['n', 'asc']], limit: 20 })).items
const refundsAtProvider = async () => (await runtime.store.collection('sandbox_refunds').find({}, { limit: 100 })).items.length

describe('a group fills: every member fulfilled together', () => {
  test('3 of 3 paid: nobody is a member until the third pays, then all three are, at the group price; the host measures it', async () => {
    const { circleId, campaign } = await planGroupBuy()
    expect(campaign).toMatchObject({ size: 3, priceFen: 6900, originalFen: 9900, measures: { started: 0, completed: 0, revenueFen: 0 } })
    const started = ok(await start(campaign.id, 'o_a'))
    expect(started.amountFen).toBe(6900)
    // Before the starter pays, the group is pending: nobody can join it yet.
    expect(await groupOf(started.groupId)).toMatchObject({ phase: 'pending', canJoin: false, expiresAt: null })
    expect(await join(started.groupId, 'o_b')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '团长还没完成支付，请稍后再来' } })
    await pay(runtime, started.orderId)
    expect(await groupOf(started.groupId, 'o_b')).toMatchObject({ phase: 'open', paidCount: 1, missing: 2, canJoin: true, expiresAt: runtime.clock.now() + 24 * HOUR })
    expect(await membership(circleId, 'o_a')).toMatchObject({ status: 'none' })
    const b = ok(await join(started.groupId, 'o_b'))
    await pay(runtime, b.orderId)
    expect(await groupOf(started.groupId)).toMatchObject({ phase: 'open', paidCount: 2, missing: 1 })
    expect(await membership(circleId, 'o_a')).toMatchObject({ status: 'none' })
    expect(await membership(circleId, 'o_b')).toMatchObject({ status: 'none' })
    const c = ok(await join(started.groupId, 'o_c'))
    await pay(runtime, c.orderId)
    // Full: the group reads 已成团 at once, and the timer grants the three seats together within the minute.
    expect(await groupOf(started.groupId, 'o_c')).toMatchObject({ phase: 'completed', mine: { status: 'paid' } })
    expect(await membership(circleId, 'o_a')).toMatchObject({ status: 'none' })
    expect(await settleGroupBuys(runtime)).toEqual({ completed: 1, failed: 0, pending: 0 })
    const done = await groupOf(started.groupId, 'o_c')
    expect(done).toMatchObject({ phase: 'completed', paidCount: 3, missing: 0, canJoin: false, mine: { status: 'granted' } })
    expect(done.members.map((m) => m.isLeader)).toEqual([true, false, false])
    for (const who of ['o_a', 'o_b', 'o_c']) expect(await membership(circleId, who)).toMatchObject({ status: 'active' })
    for (const id of [started.orderId, b.orderId, c.orderId]) expect(await order(id)).toMatchObject({ status: 'fulfilled', amountFen: 6900 })
    expect(await runtime.store.collection(FACTS).get(`groupBuy.completed:${started.groupId}`)).toMatchObject({ payload: { size: 3, simulated: 0 } })
    expect(await runtime.store.collection(FACTS).get(`groupBuy.joined:${b.orderId}`)).toMatchObject({ payload: { campaignId: campaign.id, priceFen: 6900 } })
    expect((await hostView(campaign.id)).measures).toEqual({ started: 1, completed: 1, failed: 0, revenueFen: 3 * 6900, newMembers: 3 })
    expect((await logs(campaign.id)).map((l) => l.kind)).toEqual(expect.arrayContaining(['started', 'joined', 'completed']))
    // Full: nobody else joins, and the timer later changes nothing.
    expect(await join(started.groupId, 'o_d')).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK', message: '这个团已成团，去发起一个新团吧' } })
    runtime.clock.advance(25 * HOUR)
    expect(await settleGroupBuys(runtime)).toEqual({ completed: 0, failed: 0, pending: 0 })
    expect(await refundsAtProvider()).toBe(0)
  })

  test('an event: the group’s seats are confirmed together through the seat kind', async () => {
    const eventId = await paidEvent(runtime, { capacity: 5 })
    const campaign = await createGroupBuy({ type: 'event', eventId }, { size: 2, priceFen: 3000 })
    const { orders } = await paidGroup(runtime, campaign.id, 'o_a', ['o_b'])
    await settleGroupBuys(runtime)
    const signups = runtime.store.collection<SignupDoc>(SIGNUPS)
    expect(await signups.get(`${eventId}:o_a`)).toMatchObject({ status: 'confirmed', orderId: orders[0] })
    expect(await signups.get(`${eventId}:o_b`)).toMatchObject({ status: 'confirmed', orderId: orders[1] })
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_a'))).toMatchObject({ seatsLeft: 3 })
  })
})

describe('a refund after the group filled', () => {
  test('the host refunds one member of a completed group: their membership ends, the others keep theirs, revenue drops', async () => {
    const { circleId, campaign } = await planGroupBuy({ size: 2 })
    const { orders } = await paidGroup(runtime, campaign.id, 'o_a', ['o_b'])
    await settleGroupBuys(runtime)
    ok(await call('membership', 'refundOrder', { orderId: orders[1], amountFen: 6900, requestId: 'rf-b', reason: '协商退款' }, HOST))
    expect(await order(orders[1])).toMatchObject({ status: 'refunded', refundedFen: 6900 })
    expect(await membership(circleId, 'o_b')).toMatchObject({ status: 'refunded' })
    expect(await membership(circleId, 'o_a')).toMatchObject({ status: 'active' })
    expect((await hostView(campaign.id)).measures).toMatchObject({ completed: 1, revenueFen: 6900 })
  })
})

describe('a group times out: every payment refunded, once', () => {
  test('2 of 3 paid at 24 h: the timer (run twice, and twice at once) refunds both once; the order pages say 已退款; no membership', async () => {
    const { circleId, campaign } = await planGroupBuy()
    const { groupId, orders } = await paidGroup(runtime, campaign.id, 'o_a', ['o_b'])
    // A third friend took a seat and never paid: the seat is let go after 5 minutes.
    const c = ok(await join(groupId, 'o_c'))
    runtime.clock.advance(23 * HOUR)
    expect(await settleGroupBuys(runtime)).toEqual({ completed: 0, failed: 0, pending: 0 })
    expect(await closeUnpaidOrders(runtime)).toMatchObject({ closed: 1 })
    expect(await order(c.orderId)).toMatchObject({ status: 'closed' })
    runtime.clock.advance(HOUR)
    const [first, second] = await Promise.all([settleGroupBuys(runtime), settleGroupBuys(runtime)])
    expect(first.failed + second.failed).toBe(1)
    expect(await settleGroupBuys(runtime)).toEqual({ completed: 0, failed: 0, pending: 0 })
    for (const id of orders) expect(await order(id)).toMatchObject({ status: 'refunded', refundedFen: 6900 })
    expect(await refundsAtProvider()).toBe(2)
    for (const id of orders) expect(ok(await call('membership', 'getOrder', { orderId: id }, id === orders[0] ? 'o_a' : 'o_b'))).toMatchObject({ status: 'refunded' })
    expect(await membership(circleId, 'o_a')).toMatchObject({ status: 'none' })
    expect(await groupOf(groupId, 'o_a')).toMatchObject({ phase: 'failed', mine: { status: 'refunded' }, canJoin: false })
    expect(await join(groupId, 'o_d')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED' } })
    expect((await hostView(campaign.id)).measures).toMatchObject({ started: 1, completed: 0, failed: 1, revenueFen: 0 })
    expect((await logs(campaign.id)).find((l) => l.kind === 'expired')?.text).toContain('2 笔付款自动退款')
  })

  test('the group’s time is the starter’s payment + the limit; a payment that lands after the group failed is refunded too', async () => {
    const { campaign } = await planGroupBuy({ limitHours: 2 })
    const { groupId } = await paidGroup(runtime, campaign.id, 'o_a')
    runtime.clock.advance(2 * HOUR - 2 * MIN)
    const late = ok(await join(groupId, 'o_b'))
    // The seat's window never runs past the group's time.
    expect(late.payBefore).toBe(runtime.clock.now() + 2 * MIN)
    runtime.clock.advance(2 * MIN)
    await settleGroupBuys(runtime)
    expect(ok(await call('sales', 'groupBuyGroup', { groupId }, 'o_b'))).toMatchObject({ phase: 'failed' })
    // WeChat delivers o_b's payment just now (paid in the last second): it is refunded as well.
    await pay(runtime, late.orderId)
    expect(await order(late.orderId)).toMatchObject({ status: 'refunded' })
  })
})

describe('模拟成团', () => {
  test('allowed by the host: a group short at its time is completed with its paying members, the missing seats counted as simulated', async () => {
    const { circleId, campaign } = await planGroupBuy({ allowSimulated: true })
    const { groupId, orders } = await paidGroup(runtime, campaign.id, 'o_a', ['o_b'])
    runtime.clock.advance(24 * HOUR)
    expect(await settleGroupBuys(runtime)).toMatchObject({ completed: 1 })
    expect(await groupOf(groupId)).toMatchObject({ phase: 'completed', simulated: 1, missing: 0 })
    for (const who of ['o_a', 'o_b']) expect(await membership(circleId, who)).toMatchObject({ status: 'active' })
    for (const id of orders) expect(await order(id)).toMatchObject({ status: 'fulfilled', refundedFen: 0 })
    expect((await logs(campaign.id)).find((l) => l.kind === 'simulated')?.text).toContain('模拟成团补齐 1 人')
    expect(await settleGroupBuys(runtime)).toEqual({ completed: 0, failed: 0, pending: 0 })
  })
})

describe('pause, one seat per member, caps', () => {
  test('a paused offer starts no group (and leaves the members’ list); a running group still fills; resumed, groups start again', async () => {
    const { campaign } = await planGroupBuy({ size: 2 })
    const started = ok(await start(campaign.id, 'o_a'))
    await pay(runtime, started.orderId)
    expect(ok(await call('sales', 'pauseGroupBuy', { campaignId: campaign.id, paused: true }, HOST))).toMatchObject({ paused: true })
    expect(await start(campaign.id, 'o_c')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '拼团已暂停，暂不能开新团' } })
    expect(ok(await call('sales', 'groupBuys', {}, 'o_c')).items).toEqual([])
    const b = ok(await join(started.groupId, 'o_b'))
    await pay(runtime, b.orderId)
    expect(await groupOf(started.groupId)).toMatchObject({ phase: 'completed' })
    ok(await call('sales', 'pauseGroupBuy', { campaignId: campaign.id, paused: false }, HOST))
    ok(await start(campaign.id, 'o_c'))
    expect(await call('sales', 'pauseGroupBuy', { campaignId: campaign.id, paused: true }, 'o_c')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('the starter cannot join their own group; a friend’s second tap answers the same order; paid, a friend cannot take a second seat', async () => {
    const { campaign } = await planGroupBuy({ size: 3 })
    const started = ok(await start(campaign.id, 'o_a'))
    await pay(runtime, started.orderId)
    expect(await join(started.groupId, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这是你发起的团，不能自己参团，分享给好友吧' } })
    const b = ok(await join(started.groupId, 'o_b'))
    expect(ok(await join(started.groupId, 'o_b'))).toMatchObject({ orderId: b.orderId, resumed: true })
    await pay(runtime, b.orderId)
    expect(await join(started.groupId, 'o_b')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '你已在这个团里，每人限 1 个名额' } })
    expect((await seats(started.groupId)).map((s) => s.openid)).toEqual(['o_a', 'o_b'])
  })

  test('3 starts a day per member (the 4th refused, and the host’s log says so); the next China day they may start again', async () => {
    const { campaign } = await planGroupBuy()
    for (let i = 0; i < 3; i++) ok(await start(campaign.id, 'o_a'))
    expect(await start(campaign.id, 'o_a')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '每人每天最多发起 3 个团' } })
    expect(await start(campaign.id, 'o_a')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    expect((await logs(campaign.id)).filter((l) => l.kind === 'refused')).toHaveLength(1)
    runtime.clock.advance(24 * HOUR)
    ok(await start(campaign.id, 'o_a'))
  })

  test('an unpaid seat is let go after 5 minutes (the timer closes its order) and the next friend takes it; the starter’s lapse abandons the group', async () => {
    const { campaign } = await planGroupBuy({ size: 2 })
    const started = ok(await start(campaign.id, 'o_a'))
    await pay(runtime, started.orderId)
    const b = ok(await join(started.groupId, 'o_b'))
    expect(await join(started.groupId, 'o_c')).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK', message: '这个团已满，去发起一个新团吧' } })
    runtime.clock.advance(5 * MIN)
    await closeUnpaidOrders(runtime)
    expect(await order(b.orderId)).toMatchObject({ status: 'closed' })
    const c = ok(await join(started.groupId, 'o_c'))
    await pay(runtime, c.orderId)
    await settleGroupBuys(runtime)
    expect(await groupOf(started.groupId, 'o_c')).toMatchObject({ phase: 'completed', mine: { status: 'granted' } })
    // A starter who never pays: the group is abandoned.
    const lapsed = ok(await start(campaign.id, 'o_x'))
    runtime.clock.advance(5 * MIN)
    await closeUnpaidOrders(runtime)
    expect(await runtime.store.collection<GroupDoc>(GROUPS).get(lapsed.groupId)).toMatchObject({ state: 'abandoned' })
    expect(await join(lapsed.groupId, 'o_y')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这个团已取消，去发起一个新团吧' } })
  })

  test('the host cannot price at or above the original, nor a group of 1 or 11', async () => {
    const { campaign, circleId, planId } = await planGroupBuy()
    const base = { target: { type: 'plan' as const, circleId, planId }, title: '拼团', priceFen: 9900, size: 3, limitHours: 24, allowSimulated: false }
    expect(await call('sales', 'createGroupBuy', base, HOST)).toMatchObject({ ok: false, error: { field: 'priceFen', message: '拼团价要低于原价' } })
    expect(await call('sales', 'createGroupBuy', { ...base, priceFen: 100, size: 1 }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'size' } })
    expect(await call('sales', 'createGroupBuy', { ...base, priceFen: 100, size: 11 }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'size' } })
    expect(campaign.id).toBeTruthy()
  })
})
