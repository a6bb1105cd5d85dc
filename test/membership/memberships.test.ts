// Paid circles end to end on the embedded database with the sandbox provider:
// server-priced orders, signed notifies that fulfil once (even 20 at a time),
// refused and flagged mismatches, lost notifies settled by query, renewals,
// refunds within their limits, trials, and unpaid orders closed at 30 minutes.
import { HOST, call, callRaw, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { PLANS, circleInput as sharedCircleInput } from '../helpers/circle'
import type { CircleInput } from '../../types/membership'
import { payNotifyMain } from '../../cloudfunctions/functions'
import { ORDERS } from '../../cloudfunctions/domain/membership/order'
import { CIRCLE_MEMBERS } from '../../cloudfunctions/domain/membership/membership'
import { closeUnpaidOrders, remindMembershipEnds } from '../../cloudfunctions/domain/membership/jobs'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'
import { challengeInput } from '../checkin/checkin-fixtures'

// The books add up after every test here, the races included (test/helpers/money-invariants.ts).
let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const DAY = 24 * 3600_000
/** 减脂训练营 with a 月卡 and a 年卡. */
const circleInput = (overrides: Partial<CircleInput> = {}) => sharedCircleInput({ plans: [PLANS.month, PLANS.year], ...overrides })
const circle = async (overrides: Partial<CircleInput> = {}) => ok(await call('membership', 'createCircle', circleInput(overrides), HOST))

async function buy(circleId: string, planId: string, openid = 'o_a') {
  const { order } = ok(await call('membership', 'createOrder', { circleId, planId }, openid))
  return order
}

async function notifyFor(orderId: string) {
  return runtime.payments.pay(orderId)
}

const deliver = (notify: { headers: Record<string, string>; body: string }) => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false })
const membership = async (circleId: string, openid = 'o_a') => ok(await call('membership', 'getCircle', { circleId }, openid)).membership

test('the server prices the order; the client cannot send an amount', async () => {
  const c = await circle()
  expect(await callRaw('membership', { action: 'createOrder', circleId: c.id, planId: c.plans[0].id, amountFen: 1 }, 'o_a')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'amountFen' }
  })
  const { order, payment } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
  expect(order).toMatchObject({ amountFen: 9900, status: 'created', planName: '月卡', days: 30, payBefore: runtime.clock.now() + 30 * 60_000 })
  expect(payment).toEqual({ provider: 'sandbox', payUrl: `/sandbox-pay?order=${order.id}` })
  expect(order.id).toMatch(/^M20261123100000[0-9a-f]{12}$/)
})

test('a valid notify fulfils once and opens circle-scoped content; 20 concurrent copies change nothing more', async () => {
  const c = await circle()
  const challenge = ok(await call('challenges', 'createChallenge', challengeInput({ circleId: c.id, startDate: '2026-11-23' }), HOST))
  expect(await call('checkin', 'joinChallenge', { challengeId: challenge.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const order = await buy(c.id, c.plans[0].id)
  const notify = await notifyFor(order.id)
  const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(notify)))
  expect(answers.every((a) => a.statusCode === 200 && a.body === '{"code":"SUCCESS"}')).toBe(true)
  expect(ok(await call('membership', 'getOrder', { orderId: order.id }, 'o_a'))).toMatchObject({ status: 'fulfilled', paidAt: runtime.clock.now() })
  expect(await membership(c.id)).toMatchObject({ status: 'active', endsAt: runtime.clock.now() + 30 * DAY })
  expect(ok(await call('checkin', 'joinChallenge', { challengeId: challenge.id }, 'o_a')).joined).toBe(true)
  expect(await runtime.store.collection(OUTBOX).count({ 'payload.template': 'membershipActive' })).toBe(1)
  // The first payment is a growth fact: points once.
  await applyFacts(runtime)
  expect(ok(await call('growth', 'ledger', {}, 'o_a')).items.filter((e) => e.rule === 'firstPayment')).toHaveLength(1)
})

test('a forged or tampered notify is refused and nothing is written', async () => {
  const c = await circle()
  const order = await buy(c.id, c.plans[0].id)
  const notify = await notifyFor(order.id)
  const before = runtime.store.fingerprint()
  const tampered = await deliver({ headers: notify.headers, body: notify.body.replace('"event_type":"TRANSACTION.SUCCESS"', '"event_type":"TRANSACTION.SUCCESS" ') })
  expect(tampered.statusCode).toBe(401)
  expect(await deliver({ headers: { ...notify.headers, 'wechatpay-serial': 'SANDBOXOTHER' }, body: notify.body })).toMatchObject({ statusCode: 401 })
  runtime.clock.advance(301_000)
  expect(await deliver(notify)).toMatchObject({ statusCode: 401, body: JSON.stringify({ code: 'FAIL', message: 'timestamp outside 300 s' }) })
  expect(runtime.store.fingerprint()).toBe(before)
})

test('an amount that does not match the order is refused and flagged for the host', async () => {
  const c = await circle()
  const order = await buy(c.id, c.plans[0].id)
  // The "WeChat side" reports a different amount than the server priced.
  await runtime.store.collection('sandbox_trades').update(order.id, { set: { amountFen: 1 } })
  const answer = await deliver(await notifyFor(order.id))
  expect(answer).toMatchObject({ statusCode: 400 })
  expect(ok(await call('membership', 'getOrder', { orderId: order.id }, 'o_a')).status).toBe('created')
  const flagged = ok(await call('membership', 'flaggedPayments', {}, HOST)).items
  expect(flagged).toEqual([expect.objectContaining({ outTradeNo: order.id, reason: '金额与订单不符', expectedFen: 9900, receivedFen: 1 })])
  expect(await call('membership', 'flaggedPayments', {}, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('after a lost notify, polling the order asks the provider and settles it', async () => {
  const c = await circle()
  const order = await buy(c.id, c.plans[0].id)
  await runtime.payments.pay(order.id) // paid at "WeChat", notify never delivered
  expect(ok(await call('membership', 'getOrder', { orderId: order.id }, 'o_a')).status).toBe('fulfilled')
  expect((await membership(c.id)).status).toBe('active')
})

test('renewal extends from the later of now and the current end, across month ends and a leap day', async () => {
  runtime.clock.set('2028-01-31T12:00:00+08:00')
  const c = await circle()
  const pay = async () => {
    await deliver(await notifyFor((await buy(c.id, c.plans[0].id)).id))
  }
  await pay()
  expect((await membership(c.id)).endsAt).toBe(Date.parse('2028-03-01T12:00:00+08:00')) // 30 days over 29-day February 2028
  runtime.clock.set('2028-02-20T09:00:00+08:00')
  await pay() // renewed early: from the current end
  expect((await membership(c.id)).endsAt).toBe(Date.parse('2028-03-31T12:00:00+08:00'))
  runtime.clock.set('2028-05-01T09:00:00+08:00')
  expect((await membership(c.id)).status).toBe('expired')
  await pay() // lapsed: from now
  expect((await membership(c.id)).endsAt).toBe(Date.parse('2028-05-31T09:00:00+08:00'))
})

test('refunds: full within 7 days, then pro-rata, access ends, and never more than was paid', async () => {
  const c = await circle()
  const first = await buy(c.id, c.plans[0].id)
  await deliver(await notifyFor(first.id))
  runtime.clock.advance(3 * DAY)
  expect(ok(await call('membership', 'getOrder', { orderId: first.id }, 'o_a')).refundableFen).toBe(9900)
  const refunded = ok(await call('membership', 'requestRefund', { orderId: first.id }, 'o_a'))
  expect(refunded).toMatchObject({ status: 'refunded', refundedFen: 9900, refundableFen: 0 })
  expect((await membership(c.id)).status).toBe('refunded')
  expect(await call('membership', 'requestRefund', { orderId: first.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

  const second = await buy(c.id, c.plans[0].id)
  await deliver(await notifyFor(second.id))
  runtime.clock.advance(15 * DAY) // half the 30 days used, past the 7-day full refund
  expect(ok(await call('membership', 'getOrder', { orderId: second.id }, 'o_a')).refundableFen).toBe(4950)
  expect(await call('membership', 'requestRefund', { orderId: second.id }, 'o_b')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(ok(await call('membership', 'requestRefund', { orderId: second.id }, 'o_a'))).toMatchObject({ refundedFen: 4950, status: 'fulfilled' })
  expect(await call('membership', 'refundOrder', { orderId: second.id, amountFen: 4951, requestId: 'host01', reason: '补偿' }, HOST)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'amountFen' }
  })
  const rest = { orderId: second.id, amountFen: 4950, requestId: 'host02', reason: '补偿' }
  expect(ok(await call('membership', 'refundOrder', rest, HOST))).toMatchObject({ refundedFen: 9900, status: 'refunded' })
  // The same request again is the same out_refund_no: answered the same, nothing more moves.
  expect(ok(await call('membership', 'refundOrder', rest, HOST))).toMatchObject({ refundedFen: 9900, status: 'refunded' })
  expect((await runtime.payments.trade(second.id))!.refundedFen).toBe(9900)
})

test('no refund after the window when the circle says none', async () => {
  const c = await circle({ refundAfter: 'none', fullRefundDays: 3 })
  const order = await buy(c.id, c.plans[0].id)
  await deliver(await notifyFor(order.id))
  runtime.clock.advance(4 * DAY)
  expect(await call('membership', 'requestRefund', { orderId: order.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已超过退款期限，无法退款' } })
})

test('unpaid orders close at 30 minutes (at the provider too), and a late payment is then refused by the sandbox', async () => {
  const c = await circle()
  const order = await buy(c.id, c.plans[0].id)
  runtime.clock.advance(29 * 60_000)
  expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 0, settled: 0 })
  runtime.clock.advance(60_000)
  expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 1, settled: 0 })
  expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 0, settled: 0 })
  expect(ok(await call('membership', 'getOrder', { orderId: order.id }, 'o_a')).status).toBe('closed')
  expect((await runtime.payments.query(order.id)).state).toBe('CLOSED')
  await expect(runtime.payments.pay(order.id)).rejects.toThrow()
})

test('an order paid in its last second is settled by the closing job instead of closed', async () => {
  const c = await circle()
  const order = await buy(c.id, c.plans[0].id)
  await runtime.payments.pay(order.id)
  runtime.clock.advance(31 * 60_000)
  expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 0, settled: 1 })
  expect((await runtime.store.collection<{ _id: string; status: string }>(ORDERS).get(order.id))!.status).toBe('fulfilled')
})

test('a free trial once per member per circle, then pay', async () => {
  const c = await circle({ kind: 'trialThenPaid', trialDays: 7 })
  expect(ok(await call('membership', 'startTrial', { circleId: c.id }, 'o_a'))).toMatchObject({ status: 'trial', trialUsed: true, endsAt: runtime.clock.now() + 7 * DAY })
  expect(await call('membership', 'startTrial', { circleId: c.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
  runtime.clock.advance(8 * DAY)
  expect(await call('membership', 'startTrial', { circleId: c.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '每位成员只能试用一次' } })
  await deliver(await notifyFor((await buy(c.id, c.plans[0].id)).id))
  expect(await membership(c.id)).toMatchObject({ status: 'active' })
})

test('free circles are joined directly, answering the join questions', async () => {
  const c = await circle({ kind: 'free', plans: [], joinQuestions: ['你的目标体重是多少？'] })
  expect(await call('membership', 'createOrder', { circleId: c.id, planId: 'x' }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(await call('membership', 'joinFree', { circleId: c.id, answers: [] }, 'o_a')).toMatchObject({ ok: false, error: { field: 'answers' } })
  expect(ok(await call('membership', 'joinFree', { circleId: c.id, answers: ['55 公斤'] }, 'o_a'))).toMatchObject({ status: 'active', endsAt: null })
  expect(ok(await call('membership', 'listCircles', {}, 'o_b')).items[0].memberCount).toBe(1)
})

test('a reminder 3 days before the end, and a notice when it ends, each queued once', async () => {
  const c = await circle()
  await deliver(await notifyFor((await buy(c.id, c.plans[0].id)).id))
  runtime.clock.advance(26 * DAY)
  expect(await remindMembershipEnds(runtime)).toEqual({ reminded: 0, ended: 0 })
  runtime.clock.advance(DAY + 1)
  expect(await remindMembershipEnds(runtime)).toEqual({ reminded: 1, ended: 0 })
  expect(await remindMembershipEnds(runtime)).toEqual({ reminded: 0, ended: 0 })
  runtime.clock.advance(3 * DAY)
  expect(await remindMembershipEnds(runtime)).toEqual({ reminded: 0, ended: 1 })
  expect(await runtime.store.collection(OUTBOX).count({ 'payload.template': { $in: ['renewalReminder', 'membershipExpired'] } })).toBe(2)
  expect(await runtime.store.collection(CIRCLE_MEMBERS).count({})).toBe(1)
})

test('circle settings are checked', async () => {
  expect(await call('membership', 'createCircle', circleInput({ plans: [] }), HOST)).toMatchObject({ ok: false, error: { field: 'plans' } })
  expect(await call('membership', 'createCircle', circleInput({ plans: [{ name: '月卡', days: 30, priceFen: 0 }] }), HOST)).toMatchObject({ ok: false, error: { field: 'plans.0.priceFen' } })
  expect(await call('membership', 'createCircle', circleInput({ plans: [{ name: '月卡', days: 30, priceFen: 99.5 }] }), HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test("check-ins of a members-only challenge are seen only by the circle's current members and hosts, on every feed and by id", async () => {
  const c = await circle()
  const gated = ok(await call('challenges', 'createChallenge', challengeInput({ circleId: c.id, startDate: '2026-11-23' }), HOST))
  const open = ok(await call('challenges', 'createChallenge', challengeInput({ title: '公开挑战', startDate: '2026-11-23' }), HOST))
  await deliver(await notifyFor((await buy(c.id, c.plans[0].id, 'o_a')).id))
  ok(await call('checkin', 'joinChallenge', { challengeId: gated.id }, 'o_a'))
  const inside = ok(await call('checkin', 'postCheckin', { challengeId: gated.id, text: '圈内打卡，今天练了腿', photoFileIds: [] }, 'o_a')).checkin
  ok(await call('challenges', 'featureCheckin', { checkinId: inside.id, featured: true }, HOST))
  ok(await call('checkin', 'joinChallenge', { challengeId: open.id }, 'o_b'))
  const outside = ok(await call('checkin', 'postCheckin', { challengeId: open.id, text: '公开打卡，今天跑了五公里', photoFileIds: [] }, 'o_b')).checkin
  const ids = async (openid: string, input: object) => ok(await call('checkin', 'feed', input as never, openid)).items.map((x) => x.id)

  // o_b is not in the circle: the open check-in only, everywhere.
  expect(await ids('o_b', { scope: 'all' })).toEqual([outside.id])
  expect(await ids('o_b', { scope: 'featured' })).toEqual([])
  expect(await ids('o_b', { scope: 'member', authorOpenid: 'o_a' })).toEqual([])
  expect(await call('checkin', 'feed', { scope: 'challenge', challengeId: gated.id }, 'o_b')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await call('checkin', 'getCheckin', { checkinId: inside.id }, 'o_b')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await call('checkin', 'toggleLike', { checkinId: inside.id }, 'o_b')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await call('checkin', 'addComment', { checkinId: inside.id, text: '加油' }, 'o_b')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  expect(ok(await call('checkin', 'getChallenge', { challengeId: gated.id }, 'o_b'))).toMatchObject({ circleName: '减脂训练营', inCircle: false })
  expect(ok(await call('checkin', 'getChallenge', { challengeId: gated.id }, 'o_a'))).toMatchObject({ circleName: '减脂训练营', inCircle: true })
  expect(ok(await call('checkin', 'getChallenge', { challengeId: open.id }, 'o_b'))).toMatchObject({ circleName: null, inCircle: true })

  // With check-ins posted, the challenge's audience is fixed: opening it up (or closing it) is refused.
  expect(await call('challenges', 'updateChallenge', { challengeId: gated.id, circleId: null }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(await call('challenges', 'updateChallenge', { challengeId: open.id, circleId: c.id }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

  // The member and the host see both.
  expect((await ids('o_a', { scope: 'all' })).sort()).toEqual([inside.id, outside.id].sort())
  expect(await ids('o_a', { scope: 'challenge', challengeId: gated.id })).toEqual([inside.id])
  expect((await ids(HOST, { scope: 'all' })).sort()).toEqual([inside.id, outside.id].sort())
  expect(await ids(HOST, { scope: 'featured' })).toEqual([inside.id])

  // Another member's membership ending closes it again (the author still sees their own).
  ok(await call('checkin', 'joinChallenge', { challengeId: open.id }, 'o_c'))
  await deliver(await notifyFor((await buy(c.id, c.plans[0].id, 'o_c')).id))
  expect(await ids('o_c', { scope: 'featured' })).toEqual([inside.id])
  runtime.clock.advance(31 * DAY)
  expect(await ids('o_c', { scope: 'featured' })).toEqual([])
  expect(await ids('o_a', { scope: 'member' })).toEqual([inside.id])
})
