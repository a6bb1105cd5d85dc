// Orders written before the orders module (membership fields on every order,
// placeholders on event orders, no `item`) are read as they are, with no
// migration: paid, viewed and refunded like new ones.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { createCircle } from '../helpers/circle'
import { EVENT_START, createEvent } from '../helpers/event'
import { payOrder } from '../helpers/pay'
import { legacyMembershipOrder } from '../helpers/legacy-order'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const DAY = 24 * 3600_000

test('an old membership order (no kind, no item) is paid, shown and refunded by its plan fields', async () => {
  const circle = await createCircle({ name: '私教营', description: '' })
  const now = runtime.clock.now()
  const id = 'M20261123100000legacy01'
  await runtime.store.collection<OrderDoc>(ORDERS).insert(legacyMembershipOrder({ _id: id, circleId: circle.id, circleName: circle.name, planId: circle.plans[0].id, createdAt: now }))
  await runtime.payments.prepay({ outTradeNo: id, description: '私教营·月卡', amountFen: 9900, payerOpenid: 'o_a', expiresAt: now + 30 * 60_000 })
  expect((await payOrder(runtime, id)).statusCode).toBe(200)
  expect(ok(await call('membership', 'getCircle', { circleId: circle.id }, 'o_a')).membership).toMatchObject({ status: 'active', endsAt: now + 30 * DAY })
  expect(ok(await call('membership', 'getOrder', { orderId: id }, 'o_a'))).toMatchObject({
    kind: 'membership',
    circleId: circle.id,
    circleName: '私教营',
    planName: '月卡',
    days: 30,
    status: 'fulfilled',
    refundableFen: 9900
  })
  expect(ok(await call('membership', 'requestRefund', { orderId: id }, 'o_a'))).toMatchObject({ status: 'refunded', refundedFen: 9900 })
  expect(ok(await call('membership', 'getCircle', { circleId: circle.id }, 'o_a')).membership).toMatchObject({ status: 'refunded' })
})

test('an old event order (placeholders, title in circleName) is shown and refunded with its seat', async () => {
  const event = await createEvent({ title: '周末徒步', endAt: EVENT_START + 3600_000, address: '香山', capacity: 2, feeFen: 2000 })
  const held = ok(await call('events', 'signup', { eventId: event.id }, 'o_a'))
  // Rewrite the new order as the old code wrote it.
  const orders = runtime.store.collection<OrderDoc>(ORDERS)
  const { item: _item, ...rest } = (await orders.get(held.signup.orderId!))!
  await orders.set({
    ...rest,
    kind: 'event',
    eventId: event.id,
    signupId: `${event.id}:o_a`,
    circleId: '',
    circleName: '周末徒步',
    planId: '',
    planName: '活动报名',
    days: 0,
    periodStart: null,
    periodEnd: null
  })
  expect((await payOrder(runtime, held.signup.orderId!)).statusCode).toBe(200)
  expect(ok(await call('events', 'getEvent', { eventId: event.id }, 'o_a')).mySignup!.status).toBe('confirmed')
  expect(ok(await call('membership', 'getOrder', { orderId: held.signup.orderId! }, 'o_a'))).toMatchObject({
    kind: 'event',
    eventId: event.id,
    circleName: '周末徒步',
    planName: '活动报名',
    status: 'fulfilled'
  })
  const refunded = ok(await call('membership', 'refundOrder', { orderId: held.signup.orderId!, amountFen: 2000, requestId: 'legacy1', reason: '协商退款', cancelSignup: true }, HOST))
  expect(refunded).toMatchObject({ status: 'refunded', eventId: event.id })
  expect(ok(await call('events', 'getEvent', { eventId: event.id }, 'o_a'))).toMatchObject({ seatsLeft: 2, mySignup: { status: 'cancelled' } })
})
