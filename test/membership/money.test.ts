// Money that always adds up (issue 13, items 1–4, 7, 8, 10, 11), on the strict
// embedded database with the sandbox provider. Every test ends with the books
// checked whole (test/helpers/money-invariants.ts).
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { createCircle } from '../helpers/circle'
import { createCouponCampaign } from '../helpers/coupon-campaign'
import { createEvent } from '../helpers/event'
import { deliverNotify, payOrder } from '../helpers/pay'
import type { CampaignInput } from '../../types/coupons'
import type { EventInput } from '../../types/events'
import { payNotifyMain } from '../../cloudfunctions/functions'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/membership/order'
import { REFUNDS, type RefundDoc } from '../../cloudfunctions/domain/membership/refunds'
import { remindMembershipEnds } from '../../cloudfunctions/domain/membership/jobs'
import { reconcileRefunds } from '../../cloudfunctions/domain/orders/reconcile-refunds'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'
import { SIGNUPS, type SignupDoc } from '../../cloudfunctions/domain/events/event'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const DAY = 24 * 3600_000
const circle = () => createCircle({ name: '私教营', description: '' })
const campaign = (overrides: Partial<CampaignInput> = {}) => createCouponCampaign(runtime.clock, { name: '立减', amountOffFen: 300, minSpendFen: 0, ...overrides })
const claim = async (campaignId: string, openid = 'o_a') => ok(await call('rewards', 'claimCoupon', { campaignId }, openid))
const paidEvent = async (overrides: Partial<EventInput> = {}) => (await createEvent({ title: '周末徒步', address: '香山公园东门', capacity: 1, feeFen: 2000, ...overrides })).id
const pay = (orderId: string) => payOrder(runtime, orderId)
const order = async (orderId: string) => (await runtime.store.collection<OrderDoc>(ORDERS).get(orderId))!
const membership = async (circleId: string, openid = 'o_a') => ok(await call('membership', 'getCircle', { circleId }, openid)).membership
const flags = async () => ok(await call('membership', 'flaggedPayments', {}, HOST)).items.map((f) => `${f.outTradeNo}:${f.reason}`)

describe('item 1: a seat is paid once, a coupon used once', () => {
  test('paySeat with another coupon closes the open order at the provider before replacing it: the old one can no longer be paid', async () => {
    const eventId = await paidEvent()
    const [first, second] = [await claim((await campaign()).id), await claim((await campaign({ amountOffFen: 100 })).id)]
    ok(await call('events', 'signup', { eventId }, 'o_a'))
    const held = ok(await call('events', 'paySeat', { eventId, couponId: first.id }, 'o_a'))
    const firstOrderId = (await runtime.store.collection<SignupDoc>(SIGNUPS).get(`${eventId}:o_a`))!.orderId!
    expect(held.resumed).toBe(false)
    ok(await call('events', 'paySeat', { eventId, couponId: second.id }, 'o_a'))
    const secondOrderId = (await runtime.store.collection<SignupDoc>(SIGNUPS).get(`${eventId}:o_a`))!.orderId!
    expect(secondOrderId).not.toBe(firstOrderId)
    expect(await order(firstOrderId)).toMatchObject({ status: 'closed', closedReason: 'replaced' })
    expect((await runtime.payments.query(firstOrderId)).state).toBe('CLOSED')
    await expect(runtime.payments.pay(firstOrderId)).rejects.toThrow('closed')
    expect((await pay(secondOrderId)).statusCode).toBe(200)
    expect(await order(secondOrderId)).toMatchObject({ status: 'fulfilled', amountFen: 1900 })
    // The first coupon was never spent: it is the member's again; the second is used, once.
    const coupons = ok(await call('rewards', 'myCoupons', {}, 'o_a')).items
    expect(coupons.find((c) => c.id === first.id)).toMatchObject({ status: 'available', orderId: null })
    expect(coupons.find((c) => c.id === second.id)).toMatchObject({ status: 'used', orderId: secondOrderId })
  })

  test('a replaced order that was paid meanwhile is settled, and nothing new is made', async () => {
    const eventId = await paidEvent()
    const coupon = await claim((await campaign()).id)
    ok(await call('events', 'signup', { eventId }, 'o_a'))
    const orderId = (await runtime.store.collection<SignupDoc>(SIGNUPS).get(`${eventId}:o_a`))!.orderId!
    await runtime.payments.pay(orderId) // paid at WeChat, the notify not here yet
    expect(await call('events', 'paySeat', { eventId, couponId: coupon.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这笔订单已支付成功，无需再次支付' } })
    expect(await order(orderId)).toMatchObject({ status: 'fulfilled' })
    expect(await runtime.store.collection(ORDERS).count({})).toBe(1)
    expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0]).toMatchObject({ status: 'available' })
  })

  test('a payment that arrives for a closed order is refunded automatically, flagged, and buys nothing', async () => {
    const c = await circle()
    const coupon = await claim((await campaign()).id)
    const { order: first } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id, couponId: coupon.id }, 'o_a'))
    const notify = await runtime.payments.pay(first.id) // WeChat took the money as the order closed here (the two crossed)
    await runtime.store.collection<OrderDoc>(ORDERS).update(first.id, { set: { status: 'closed', closedReason: 'expired' } })
    await runtime.store.collection('coupons').update(coupon.id, { set: { status: 'available', orderId: null } })
    // The coupon goes on to a new order, which is paid.
    const { order: second } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id, couponId: coupon.id }, 'o_a'))
    expect((await pay(second.id)).statusCode).toBe(200)
    const replays = await Promise.all([deliverNotify(notify), deliverNotify(notify)])
    expect(replays.map((a) => a.statusCode)).toEqual([200, 200])
    expect(await order(first.id)).toMatchObject({ status: 'refunded', paidAfterClose: true, refundedFen: first.amountFen, item: expect.objectContaining({ periodStart: null, periodEnd: null }) })
    expect((await runtime.payments.trade(first.id))!.refundedFen).toBe(first.amountFen)
    expect(await flags()).toEqual([`${first.id}:订单关闭后付款，已自动退款`])
    // One membership period (the second order's), the coupon used by the second order only.
    expect((await membership(c.id)).endsAt).toBe(runtime.clock.now() + 30 * DAY)
    expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0]).toMatchObject({ status: 'used', orderId: second.id })
  })
})

describe('item 2: a refund is processing until the provider says otherwise', () => {
  const timingOut = (afterAccepting: boolean) => {
    const real = runtime.payments.refund.bind(runtime.payments)
    runtime.payments.refund = async (request) => {
      if (afterAccepting) await real(request)
      throw new Error('WeChat Pay 0 TIMEOUT: no answer within 4000 ms')
    }
    return () => {
      runtime.payments.refund = real
    }
  }

  test('a timeout after WeChat accepted leaves it processing; the REFUND.SUCCESS notify settles it', async () => {
    const c = await circle()
    const { order: o } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    await pay(o.id)
    const restore = timingOut(true)
    expect(ok(await call('membership', 'requestRefund', { orderId: o.id }, 'o_a'))).toMatchObject({ status: 'refunding', refundedFen: 0 })
    restore()
    expect((await membership(c.id)).status).toBe('active')
    // Asking again is the same out_refund_no: still processing, nothing doubles.
    expect(await call('membership', 'requestRefund', { orderId: o.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const trade = (await runtime.payments.trade(o.id))!
    expect((await deliverNotify(runtime.payments.refundNotify(trade, `${o.id}-R`, 9900))).statusCode).toBe(200)
    expect(await order(o.id)).toMatchObject({ status: 'refunded', refundedFen: 9900 })
    expect((await membership(c.id)).status).toBe('refunded')
  })

  test('with no notify, the reconcile timer asks the provider and settles it', async () => {
    const c = await circle()
    const { order: o } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    await pay(o.id)
    const restore = timingOut(true)
    ok(await call('membership', 'requestRefund', { orderId: o.id }, 'o_a'))
    restore()
    expect(await reconcileRefunds(runtime)).toEqual({ settled: 0, failed: 0, waiting: 0, resent: 0 }) // asked after a minute
    runtime.clock.advance(61_000)
    expect(await reconcileRefunds(runtime)).toEqual({ settled: 1, failed: 0, waiting: 0, resent: 0 })
    expect(await order(o.id)).toMatchObject({ status: 'refunded', refundedFen: 9900 })
    expect(await reconcileRefunds(runtime)).toEqual({ settled: 0, failed: 0, waiting: 0, resent: 0 })
  })

  test('a refund that never reached the provider is sent again under the same out_refund_no', async () => {
    const c = await circle()
    const { order: o } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    await pay(o.id)
    const restore = timingOut(false)
    ok(await call('membership', 'refundOrder', { orderId: o.id, amountFen: 5000, requestId: 'host01', reason: '协商退款' }, HOST))
    restore()
    runtime.clock.advance(61_000)
    expect(await reconcileRefunds(runtime)).toEqual({ settled: 1, failed: 0, waiting: 0, resent: 1 })
    expect(await order(o.id)).toMatchObject({ status: 'fulfilled', refundedFen: 5000 })
    expect((await runtime.payments.trade(o.id))!.refundedFen).toBe(5000)
  })

  test('a REFUND.SUCCESS notify settles a refund this side had marked failed, and one made in the merchant console', async () => {
    const c = await circle()
    const { order: o } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    await pay(o.id)
    const restore = timingOut(true)
    ok(await call('membership', 'refundOrder', { orderId: o.id, amountFen: 1000, requestId: 'host01', reason: '补偿' }, HOST))
    restore()
    // An earlier version marked a timed-out refund failed and the order paid again: the provider's word wins.
    await runtime.store.collection<RefundDoc>(REFUNDS).update(`${o.id}-host01`, { set: { status: 'failed' } })
    await runtime.store.collection<OrderDoc>(ORDERS).update(o.id, { set: { status: 'fulfilled', refundingNo: null } })
    const trade = (await runtime.payments.trade(o.id))!
    expect((await deliverNotify(runtime.payments.refundNotify(trade, `${o.id}-host01`, 1000))).statusCode).toBe(200)
    expect(await order(o.id)).toMatchObject({ refundedFen: 1000, status: 'fulfilled' })
    // Made outside the app: recorded from the notify (the sandbox is told too, as WeChat would know it).
    await runtime.payments.refund({ outTradeNo: o.id, outRefundNo: 'console-1', refundFen: 2000, totalFen: 9900, reason: '' })
    expect((await deliverNotify(runtime.payments.refundNotify(trade, 'console-1', 2000))).statusCode).toBe(200)
    expect(await order(o.id)).toMatchObject({ refundedFen: 3000 })
  })

  test('a definitive refusal fails the refund at once, the order as it was', async () => {
    const c = await circle()
    const { order: o } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    await pay(o.id)
    await runtime.store.collection('sandbox_trades').update(o.id, { set: { state: 'CLOSED' } }) // the provider will say no
    expect(await call('membership', 'requestRefund', { orderId: o.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '退款申请未被受理，请稍后重试' } })
    expect(await order(o.id)).toMatchObject({ status: 'fulfilled', refundedFen: 0 })
    expect((await membership(c.id)).status).toBe('active')
    await runtime.store.collection('sandbox_trades').update(o.id, { set: { state: 'SUCCESS' } })
  })
})

describe('items 3 and 4: a refund takes back what its payment bought, and only that', () => {
  test('two ¥99 payments, the second refunded: 30 days remain, active; the first refunded: 已退款 with a refund notice, not the expiry message', async () => {
    const c = await circle()
    const buy = async () => {
      const { order: o } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
      await pay(o.id)
      return o.id
    }
    const first = await buy()
    const second = await buy()
    const start = runtime.clock.now()
    expect((await membership(c.id)).endsAt).toBe(start + 60 * DAY)
    runtime.clock.advance(DAY)
    ok(await call('membership', 'refundOrder', { orderId: second, amountFen: 9900, requestId: 'host02', reason: '多付了一个月' }, HOST))
    expect(await membership(c.id)).toMatchObject({ status: 'active', endsAt: start + 30 * DAY })
    ok(await call('membership', 'requestRefund', { orderId: first }, 'o_a'))
    expect(await membership(c.id)).toMatchObject({ status: 'refunded' })
    expect(await runtime.store.collection(OUTBOX).count({ 'payload.template': 'refundResult' })).toBe(2)
    await remindMembershipEnds(runtime)
    runtime.clock.advance(DAY)
    await remindMembershipEnds(runtime)
    expect(await runtime.store.collection(OUTBOX).count({ 'payload.template': 'membershipExpired' })).toBe(0)
    // Paying again is a fresh start: active, no longer 已退款.
    await buy()
    expect((await membership(c.id)).status).toBe('active')
  })

  test('a full refund records what it takes back once: the payment.refunded fact', async () => {
    const c = await circle()
    const { order: o } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    await pay(o.id)
    ok(await call('membership', 'requestRefund', { orderId: o.id }, 'o_a'))
    const facts = await runtime.store.collection<{ _id: string; type: string; refId: string }>(FACTS).find({ openid: 'o_a' }, { limit: 10 })
    expect(facts.items.filter((f) => f.type === 'payment.refunded').map((f) => f.refId)).toEqual([o.id])
  })
})

describe('items 7 and 8: one open order, and a way out of it', () => {
  test('back from the pay page, 立即支付 again answers the same order (resumed); twelve taps at once make one order', async () => {
    const c = await circle()
    const first = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    const again = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    expect(again).toMatchObject({ resumed: true, order: { id: first.order.id } })
    const taps = await Promise.all(Array.from({ length: 12 }, () => call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_b')))
    expect(new Set(taps.map((t) => ok(t).order.id)).size).toBe(1)
    expect(await runtime.store.collection(ORDERS).count({ openid: 'o_b' })).toBe(1)
    await pay(first.order.id)
    // Paid: the next tap is a renewal, a new order.
    expect(ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))).toMatchObject({ resumed: false })
  })

  test('cancelling an unpaid order closes it at the provider and returns its coupon; a paid one cannot be cancelled', async () => {
    const c = await circle()
    const coupon = await claim((await campaign()).id)
    const { order: o } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id, couponId: coupon.id }, 'o_a'))
    expect(await call('membership', 'cancelOrder', { orderId: o.id }, 'o_b')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(ok(await call('membership', 'cancelOrder', { orderId: o.id }, 'o_a'))).toMatchObject({ status: 'closed' })
    expect((await runtime.payments.query(o.id)).state).toBe('CLOSED')
    expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0]).toMatchObject({ status: 'available' })
    expect(ok(await call('membership', 'cancelOrder', { orderId: o.id }, 'o_a'))).toMatchObject({ status: 'closed' }) // again: the same
    const { order: paid } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    await runtime.payments.pay(paid.id) // paid, the notify lost: cancelling finds it paid and settles it
    expect(ok(await call('membership', 'cancelOrder', { orderId: paid.id }, 'o_a'))).toMatchObject({ status: 'fulfilled' })
    expect(await call('membership', 'cancelOrder', { orderId: paid.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '订单已支付，不能取消；如需退款请申请退款' } })
  })
})

test("item 10: a payer who is not the order's member is flagged (the payment still settles)", async () => {
  const c = await circle()
  const { order: o } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
  await runtime.store.collection('sandbox_trades').update(o.id, { set: { payerOpenid: 'o_stranger' } })
  expect((await pay(o.id)).statusCode).toBe(200)
  expect(await order(o.id)).toMatchObject({ status: 'fulfilled', payerOpenid: 'o_stranger' })
  expect(await flags()).toEqual([`${o.id}:付款人与下单成员不符`])
})

describe('item 11: the host refunds an event order with or without its seat', () => {
  async function confirmedSeat(eventId: string, openid: string) {
    ok(await call('events', 'signup', { eventId }, openid))
    const orderId = (await runtime.store.collection<SignupDoc>(SIGNUPS).get(`${eventId}:${openid}`))!.orderId!
    await pay(orderId)
    return orderId
  }

  test('退款并取消报名 frees the seat and promotes the waitlist; 仅退款 keeps it', async () => {
    const eventId = await paidEvent({ capacity: 1 })
    const orderId = await confirmedSeat(eventId, 'o_a')
    ok(await call('events', 'signup', { eventId }, 'o_b')) // waitlisted
    expect(await call('membership', 'refundOrder', { orderId, amountFen: 2000, requestId: 'keep01', reason: '协商', cancelSignup: false }, HOST)).toMatchObject({ ok: true })
    expect((await runtime.store.collection<SignupDoc>(SIGNUPS).get(`${eventId}:o_a`))!.status).toBe('confirmed')

    const other = await paidEvent({ capacity: 1, title: '夜跑' })
    const paidId = await confirmedSeat(other, 'o_a')
    ok(await call('events', 'signup', { eventId: other }, 'o_b'))
    expect(ok(await call('membership', 'refundOrder', { orderId: paidId, amountFen: 2000, requestId: 'cancel01', reason: '无法参加', cancelSignup: true }, HOST))).toMatchObject({ status: 'refunded' })
    expect((await runtime.store.collection<SignupDoc>(SIGNUPS).get(`${other}:o_a`))!.status).toBe('cancelled')
    expect((await runtime.store.collection<SignupDoc>(SIGNUPS).get(`${other}:o_b`))!.status).toBe('offered')
    // A membership order has no seat to free.
    const c = await circle()
    const { order: m } = ok(await call('membership', 'createOrder', { circleId: c.id, planId: c.plans[0].id }, 'o_a'))
    await pay(m.id)
    expect(await call('membership', 'refundOrder', { orderId: m.id, amountFen: 100, requestId: 'x0001', reason: '补偿', cancelSignup: true }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'cancelSignup' }
    })
  })
})

test('item 12: a notify body over 64 KB is refused with 413 before any parsing, nothing written or flagged', async () => {
  const before = runtime.store.fingerprint()
  const answer = await payNotifyMain({ headers: {}, body: 'x'.repeat(64 * 1024 + 1), isBase64Encoded: false })
  expect(answer).toMatchObject({ statusCode: 413, body: JSON.stringify({ code: 'FAIL', message: '通知过大' }) })
  expect(runtime.store.fingerprint()).toBe(before)
})
