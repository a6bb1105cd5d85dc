// Coupons: claims never exceed the stock under concurrency; the server applies
// one per order, marks it used with the payment, and returns it when the order
// closes unpaid or is refunded in full.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import type { CampaignInput } from '../../types/coupons'
import { createCouponCampaign } from '../helpers/coupon-campaign'
import { PLANS, createCircle } from '../helpers/circle'
import { EVENT_START, createEvent } from '../helpers/event'
import { payOrder } from '../helpers/pay'
import type { EventInput } from '../../types/events'
import { closeUnpaidOrders } from '../../cloudfunctions/domain/membership/jobs'

// The books add up after every test here, the races included (test/helpers/money-invariants.ts).
let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const campaign = (overrides: Partial<CampaignInput> = {}) => createCouponCampaign(runtime.clock, overrides)
const circle = () => createCircle({ name: '私教营', description: '', plans: [PLANS.month, PLANS.quarter] })
const deliver = (orderId: string) => payOrder(runtime, orderId)
/** A ¥80 event of 5 seats in 上海, an hour long, signups open until it starts. */
const shanghaiEvent = (overrides: Partial<EventInput> = {}) =>
  createEvent({ title: '徒步', endAt: EVENT_START + 3600_000, address: '上海', capacity: 5, feeFen: 8000, signupDeadline: EVENT_START, ...overrides })

test('100 members claiming 10 coupons at once: exactly 10 get one; claiming twice gives the same coupon', async () => {
  const c = await campaign()
  const results = await Promise.all(Array.from({ length: 100 }, (_, i) => call('rewards', 'claimCoupon', { campaignId: c.id }, `o_${i}`)))
  expect(results.filter((r) => r.ok)).toHaveLength(10)
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'OUT_OF_STOCK')).toBe(true)
  const winner = results.findIndex((r) => r.ok)
  const again = ok(await call('rewards', 'claimCoupon', { campaignId: c.id }, `o_${winner}`))
  expect(again.id).toBe(`${c.id}:o_${winner}`)
  expect(ok(await call('rewards', 'campaigns', {}, 'o_x')).items[0]).toMatchObject({ claimed: 10, claimedByMe: false })
})

test('applied on the server at order creation, used with the payment, one per order', async () => {
  const c = await campaign()
  const k = await circle()
  const coupon = ok(await call('rewards', 'claimCoupon', { campaignId: c.id }, 'o_a'))
  const { order } = ok(await call('membership', 'createOrder', { circleId: k.id, planId: k.plans[0].id, couponId: coupon.id }, 'o_a'))
  expect(order).toMatchObject({ listPriceFen: 9900, discountFen: 2000, amountFen: 7900, couponId: coupon.id })
  // Tapping pay again answers the same open order; another plan cannot take the locked coupon.
  expect(ok(await call('membership', 'createOrder', { circleId: k.id, planId: k.plans[0].id, couponId: coupon.id }, 'o_a'))).toMatchObject({ resumed: true, order: { id: order.id } })
  expect(await call('membership', 'createOrder', { circleId: k.id, planId: k.plans[1].id, couponId: coupon.id }, 'o_a')).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '这张优惠券已被使用' }
  })
  expect(await call('membership', 'createOrder', { circleId: k.id, planId: k.plans[0].id, couponId: coupon.id }, 'o_b')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'couponId' } })
  expect((await deliver(order.id)).statusCode).toBe(200)
  expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0]).toMatchObject({ status: 'used', orderId: order.id })
})

test('returned when the order closes unpaid; used once, ever: a refund does not bring it back', async () => {
  const c = await campaign()
  const k = await circle()
  const coupon = ok(await call('rewards', 'claimCoupon', { campaignId: c.id }, 'o_a'))
  const first = ok(await call('membership', 'createOrder', { circleId: k.id, planId: k.plans[0].id, couponId: coupon.id }, 'o_a')).order
  runtime.clock.advance(31 * 60_000)
  await closeUnpaidOrders(runtime)
  expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0]).toMatchObject({ status: 'available', orderId: null })
  const second = ok(await call('membership', 'createOrder', { circleId: k.id, planId: k.plans[0].id, couponId: coupon.id }, 'o_a')).order
  expect(second.id).not.toBe(first.id)
  await deliver(second.id)
  ok(await call('membership', 'requestRefund', { orderId: second.id }, 'o_a'))
  // Pay-and-refund cannot be repeated with the same coupon.
  expect(ok(await call('rewards', 'myCoupons', { usableFor: 'membership' }, 'o_a')).items).toEqual([])
  expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0]).toMatchObject({ status: 'used', orderId: second.id })
})

test('minimum spend, scope, validity and percent-off rules', async () => {
  const k = await circle()
  const big = await campaign({ minSpendFen: 20000 })
  const eventsOnly = await campaign({ appliesTo: ['event'] })
  const later = await campaign({ validFrom: runtime.clock.now() + 3600_000 })
  const percent = await campaign({ kind: 'percentOff', amountOffFen: 0, percentOff: 15, minSpendFen: 0 })
  const claim = async (id: string) => ok(await call('rewards', 'claimCoupon', { campaignId: id }, 'o_a')).id
  const order = (couponId: string) => call('membership', 'createOrder', { circleId: k.id, planId: k.plans[0].id, couponId }, 'o_a')
  expect(await order(await claim(big.id))).toMatchObject({ ok: false, error: { field: 'couponId', message: '满 ¥200.00 可用' } })
  expect(await order(await claim(eventsOnly.id))).toMatchObject({ ok: false, error: { field: 'couponId', message: '这张优惠券不能用于会员' } })
  expect(await order(await claim(later.id))).toMatchObject({ ok: false, error: { field: 'couponId', message: '优惠券不在有效期内' } })
  expect(ok(await order(await claim(percent.id))).order).toMatchObject({ discountFen: 1485, amountFen: 8415 })
  expect(
    await call(
      'rewards',
      'createCampaign',
      { name: 'x', kind: 'percentOff', amountOffFen: 0, percentOff: 0, minSpendFen: 0, validFrom: 1_800_000_000_000, validTo: 1_800_000_001_000, appliesTo: ['event'], stock: 1 },
      HOST
    )
  ).toMatchObject({ ok: false, error: { field: 'percentOff' } })
})

test('an event fee takes a coupon too, and gets it back when the seat hold lapses', async () => {
  const event = await shanghaiEvent()
  const c = await campaign()
  const coupon = ok(await call('rewards', 'claimCoupon', { campaignId: c.id }, 'o_a'))
  const held = ok(await call('events', 'signup', { eventId: event.id, couponId: coupon.id }, 'o_a'))
  const order = ok(await call('membership', 'getOrder', { orderId: held.signup.orderId! }, 'o_a'))
  expect(order).toMatchObject({ amountFen: 6000, discountFen: 2000 })
  runtime.clock.advance(16 * 60_000)
  await closeUnpaidOrders(runtime)
  expect(ok(await call('events', 'getEvent', { eventId: event.id }, 'o_a')).mySignup!.status).toBe('expired')
  expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0].status).toBe('available')
})

describe('free event tickets', () => {
  const paidEvent = (capacity = 5) => shanghaiEvent({ title: '读书会', capacity })
  const freeTicket = (overrides: Partial<CampaignInput> = {}) =>
    campaign({ name: '免费活动票', kind: 'freeTicket', amountOffFen: 0, percentOff: 0, minSpendFen: 0, appliesTo: ['event'], ...overrides })

  test('admits to a paid event at no charge, with no payment; cancelling gives the ticket back', async () => {
    const event = await paidEvent()
    const c = await freeTicket()
    expect(c).toMatchObject({ kind: 'freeTicket', channel: 'claim', eventId: null, amountOffFen: 0 })
    const ticket = ok(await call('rewards', 'claimCoupon', { campaignId: c.id }, 'o_a'))
    expect(ok(await call('rewards', 'myCoupons', { usableFor: 'event', eventId: event.id }, 'o_a')).items.map((x) => x.id)).toEqual([ticket.id])
    const result = ok(await call('events', 'signup', { eventId: event.id, couponId: ticket.id }, 'o_a'))
    expect(result.payment).toBeNull()
    expect(result.signup).toMatchObject({ status: 'confirmed', priceFen: 0, orderId: null, withFreeTicket: true })
    expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0]).toMatchObject({ status: 'used' })
    // A retry (double tap) changes nothing.
    expect(ok(await call('events', 'signup', { eventId: event.id, couponId: ticket.id }, 'o_a')).signup.status).toBe('confirmed')
    expect(ok(await call('events', 'getEvent', { eventId: event.id }, 'o_a')).seatsLeft).toBe(4)
    ok(await call('events', 'cancelSignup', { eventId: event.id }, 'o_a'))
    expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0]).toMatchObject({ status: 'available', orderId: null })
    expect(ok(await call('events', 'getEvent', { eventId: event.id }, 'o_a')).seatsLeft).toBe(5)
  })

  test('kept when the event is full, refused for another event, for paying a held seat and for memberships', async () => {
    const full = await paidEvent(1)
    ok(await call('events', 'signup', { eventId: full.id }, 'o_b'))
    const other = await paidEvent()
    const onlyOther = await freeTicket({ eventId: other.id })
    const any = await freeTicket()
    const ticket = ok(await call('rewards', 'claimCoupon', { campaignId: any.id }, 'o_a'))
    const narrow = ok(await call('rewards', 'claimCoupon', { campaignId: onlyOther.id }, 'o_a'))
    expect([narrow.eventId, narrow.eventTitle, ticket.eventTitle]).toEqual([other.id, '读书会', null])
    expect(await call('events', 'signup', { eventId: full.id, couponId: ticket.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } })
    expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items.every((x) => x.status === 'available')).toBe(true)
    expect(await call('events', 'getEvent', { eventId: full.id }, 'o_a')).toMatchObject({ ok: true, data: { mySignup: null } })
    const third = await paidEvent()
    expect(await call('events', 'signup', { eventId: third.id, couponId: narrow.id }, 'o_a')).toMatchObject({ ok: false, error: { field: 'couponId', message: '这张免费票不能用于这个活动' } })
    expect(ok(await call('rewards', 'myCoupons', { usableFor: 'event', eventId: third.id }, 'o_a')).items.map((x) => x.id)).toEqual([ticket.id])
    // A held seat is paid through an order: a free ticket cannot pay it.
    ok(await call('events', 'signup', { eventId: third.id }, 'o_a'))
    expect(await call('events', 'paySeat', { eventId: third.id, couponId: ticket.id }, 'o_a')).toMatchObject({ ok: false, error: { field: 'couponId' } })
    const k = await circle()
    expect(await call('membership', 'createOrder', { circleId: k.id, planId: k.plans[0].id, couponId: ticket.id }, 'o_a')).toMatchObject({ ok: false, error: { field: 'couponId' } })
    expect(
      await call(
        'rewards',
        'createCampaign',
        { name: 'x', kind: 'freeTicket', amountOffFen: 0, percentOff: 0, minSpendFen: 0, validFrom: 1_800_000_000_000, validTo: 1_800_000_001_000, appliesTo: ['membership'], stock: 1 },
        HOST
      )
    ).toMatchObject({ ok: false, error: { field: 'appliesTo' } })
  })

  test('the host cancelling the event gives free tickets back', async () => {
    const event = await paidEvent()
    const ticket = ok(await call('rewards', 'claimCoupon', { campaignId: (await freeTicket()).id }, 'o_a'))
    ok(await call('events', 'signup', { eventId: event.id, couponId: ticket.id }, 'o_a'))
    ok(await call('events', 'cancelEvent', { eventId: event.id }, HOST))
    expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items[0]).toMatchObject({ status: 'available' })
  })

  test('reward campaigns are hidden from members and cannot be claimed', async () => {
    const prize = await freeTicket({ channel: 'reward' })
    const open = await campaign()
    expect(ok(await call('rewards', 'campaigns', {}, 'o_a')).items.map((x) => x.id)).toEqual([open.id])
    expect(
      ok(await call('rewards', 'campaigns', {}, HOST))
        .items.map((x) => x.id)
        .sort()
    ).toEqual([open.id, prize.id].sort())
    expect(await call('rewards', 'claimCoupon', { campaignId: prize.id }, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

test('the host lists orders by kind (memberships, event fees) and status', async () => {
  const k = await circle()
  const event = await shanghaiEvent()
  const membership = ok(await call('membership', 'createOrder', { circleId: k.id, planId: k.plans[0].id }, 'o_a')).order
  const seat = ok(await call('events', 'signup', { eventId: event.id }, 'o_b')).signup
  await deliver(membership.id)
  const ids = async (input: object) => ok(await call('membership', 'listOrders', input, HOST)).items.map((o) => o.id)
  expect(await ids({ kind: 'membership' })).toEqual([membership.id])
  expect(await ids({ kind: 'event' })).toEqual([seat.orderId])
  expect(await ids({ kind: 'event', status: 'fulfilled' })).toEqual([])
  expect(await ids({ kind: 'membership', status: 'fulfilled' })).toEqual([membership.id])
  expect((await ids({})).sort()).toEqual([membership.id, seat.orderId].sort())
  expect(await call('membership', 'listOrders', { kind: 'gift' } as never, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'kind' } })
  expect(await call('membership', 'listOrders', { kind: 'event' }, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // A member's own list filters the same way (我的会员 shows memberships only).
  ok(await call('membership', 'createOrder', { circleId: k.id, planId: k.plans[0].id }, 'o_b'))
  expect(ok(await call('membership', 'myOrders', { kind: 'event' }, 'o_b')).items.map((o) => o.id)).toEqual([seat.orderId])
  expect(ok(await call('membership', 'myOrders', { kind: 'membership' }, 'o_b')).items.map((o) => o.kind)).toEqual(['membership'])
  expect(ok(await call('membership', 'myOrders', {}, 'o_b')).items).toHaveLength(2)
})
