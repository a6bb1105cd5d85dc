// The flash sale's rules: the window and pause, the 5-minute release to the
// next buyer, the one-per-member limit, what paying grants for each kind of
// item (through that item's own kind), what a refund takes back and whether
// the unit goes back on sale. Every test ends with the books checked whole.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { closeUnpaidOrders } from '../../cloudfunctions/domain/orders/close-unpaid'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'
import { SIGNUPS, type SignupDoc } from '../../cloudfunctions/domain/events/event'
import { FLASH_SLOTS, type FlashSlotDoc } from '../../cloudfunctions/domain/plays/flash-sale/sale'
import { HOUR, MIN, createSale, mallItem, paidEvent, pay, planSale } from './fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const buy = (saleId: string, openid: string) => call('sales', 'buyFlashSale', { saleId }, openid)
const view = async (saleId: string, openid = 'o_look') => ok(await call('sales', 'flashSale', { saleId }, openid))
const order = async (orderId: string) => (await runtime.store.collection<OrderDoc>(ORDERS).get(orderId))!
const hostView = async (saleId: string) => ok(await call('sales', 'hostFlashSales', {}, HOST)).items.find((s) => s.id === saleId)!
const refund = (orderId: string, amountFen: number) => call('membership', 'refundOrder', { orderId, amountFen, requestId: `rf${orderId.slice(-6)}`, reason: '协商退款' }, HOST)

describe('the window and pause', () => {
  test('before the start: 即将开始 and no buying; at the start: 立即抢购; after the end: 已结束', async () => {
    const { sale } = await planSale(runtime, { stock: 5 })
    expect(await view(sale.id)).toMatchObject({ phase: 'upcoming', stockBand: 'plenty', leftPercent: 100, mine: null })
    expect(await buy(sale.id, 'o_a')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '秒杀还没开始，请留意倒计时' } })
    runtime.clock.advance(HOUR)
    expect(await view(sale.id)).toMatchObject({ phase: 'onSale' })
    ok(await buy(sale.id, 'o_a'))
    expect(await view(sale.id, 'o_a')).toMatchObject({ mine: { status: 'held' }, leftPercent: 80 })
    runtime.clock.advance(HOUR)
    expect(await view(sale.id)).toMatchObject({ phase: 'ended' })
    expect(await buy(sale.id, 'o_b')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '秒杀已结束' } })
  })

  test('a paused sale sells nothing and shows 已暂停; resumed, it sells again; members list only sales not ended', async () => {
    const { sale } = await planSale(runtime, { stock: 5 })
    runtime.clock.advance(HOUR)
    expect(ok(await call('sales', 'pauseFlashSale', { saleId: sale.id, paused: true }, HOST))).toMatchObject({ paused: true, phase: 'paused' })
    expect(await buy(sale.id, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '秒杀已暂停，请稍后再来' } })
    ok(await call('sales', 'pauseFlashSale', { saleId: sale.id, paused: false }, HOST))
    ok(await buy(sale.id, 'o_a'))
    expect(ok(await call('sales', 'flashSales', {}, 'o_a')).items.map((s) => s.id)).toEqual([sale.id])
    runtime.clock.advance(HOUR)
    expect(ok(await call('sales', 'flashSales', {}, 'o_a')).items).toEqual([])
    expect(await call('sales', 'pauseFlashSale', { saleId: sale.id, paused: true }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('the host cannot sell a plan at or above its price, more seats than are free, or a window that ends before it starts', async () => {
    const { sale } = await planSale(runtime, { stock: 1 })
    expect(sale.originalFen).toBe(9900)
    const eventId = await paidEvent(runtime, { capacity: 3 })
    const now = runtime.clock.now()
    const base = { title: '限时秒杀', priceFen: 990, stock: 4, startAt: now + HOUR, endAt: now + 2 * HOUR }
    expect(await call('sales', 'createFlashSale', { ...base, target: { type: 'event', eventId } }, HOST)).toMatchObject({ ok: false, error: { field: 'stock', message: '活动只剩 3 个名额' } })
    expect(await call('sales', 'createFlashSale', { ...base, stock: 2, priceFen: 5000, target: { type: 'event', eventId } }, HOST)).toMatchObject({
      ok: false,
      error: { field: 'priceFen', message: '秒杀价要低于原价' }
    })
    expect(await call('sales', 'createFlashSale', { ...base, stock: 2, endAt: now + HOUR, target: { type: 'event', eventId } }, HOST)).toMatchObject({ ok: false, error: { field: 'endAt' } })
    expect(await call('sales', 'createFlashSale', { ...base, stock: 2, target: { type: 'event', eventId } }, 'o_member')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('the 5-minute release', () => {
  test('an unpaid order closes after 5 minutes by the timer, its unit goes to the next buyer, and the first member may try again', async () => {
    const { sale } = await planSale(runtime, { stock: 1 })
    runtime.clock.advance(HOUR)
    const first = ok(await buy(sale.id, 'o_a'))
    expect(await buy(sale.id, 'o_b')).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } })
    // A second tap answers the same order while it can be paid.
    expect(ok(await buy(sale.id, 'o_a'))).toMatchObject({ orderId: first.orderId, resumed: true })
    runtime.clock.advance(4 * MIN)
    expect((await closeUnpaidOrders(runtime)).closed).toBe(0)
    runtime.clock.advance(MIN)
    expect(await closeUnpaidOrders(runtime)).toMatchObject({ closed: 1 })
    expect(await order(first.orderId)).toMatchObject({ status: 'closed', closedReason: 'expired' })
    expect(await view(sale.id, 'o_a')).toMatchObject({ phase: 'onSale', mine: null })
    const next = ok(await buy(sale.id, 'o_b'))
    expect(next.resumed).toBe(false)
    // The lapsed order can no longer be paid; the next buyer's can.
    await expect(runtime.payments.pay(first.orderId)).rejects.toThrow()
    await pay(runtime, next.orderId)
    expect(await order(next.orderId)).toMatchObject({ status: 'fulfilled' })
    expect(await buy(sale.id, 'o_b')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '每人限购 1 件，你已抢到' } })
    // The timer running again changes nothing.
    expect(await closeUnpaidOrders(runtime)).toMatchObject({ closed: 0 })
  })

  test('a member cancelling the order (取消订单) frees the unit at once', async () => {
    const { sale } = await planSale(runtime, { stock: 1 })
    runtime.clock.advance(HOUR)
    const first = ok(await buy(sale.id, 'o_a'))
    ok(await call('membership', 'cancelOrder', { orderId: first.orderId }, 'o_a'))
    ok(await buy(sale.id, 'o_b'))
  })
})

describe('paying fulfils through the item’s own kind; a refund takes it back', () => {
  test('a plan: the membership runs for the plan’s days; the host measures it; a refund during the sale ends it and puts the unit back on sale', async () => {
    const { sale, circleId } = await planSale(runtime, { stock: 2 })
    runtime.clock.advance(HOUR)
    const bought = ok(await buy(sale.id, 'o_a'))
    expect(bought.amountFen).toBe(990)
    await pay(runtime, bought.orderId)
    const membership = ok(await call('membership', 'getCircle', { circleId }, 'o_a')).membership
    expect(membership).toMatchObject({ status: 'active' })
    expect(membership!.endsAt).toBe(runtime.clock.now() + 30 * 24 * HOUR)
    expect(await runtime.store.collection(FACTS).get(`flashSale.purchased:${bought.orderId}`)).toMatchObject({ payload: { saleId: sale.id, priceFen: 990, newMember: true } })
    expect((await hostView(sale.id)).measures).toEqual({ started: 1, sold: 1, paid: 1, revenueFen: 990, newMembers: 1, left: 1 })
    ok(await refund(bought.orderId, 990))
    expect(await order(bought.orderId)).toMatchObject({ status: 'refunded' })
    expect(ok(await call('membership', 'getCircle', { circleId }, 'o_a')).membership).toMatchObject({ status: 'refunded' })
    expect((await hostView(sale.id)).measures).toMatchObject({ paid: 0, revenueFen: 0, left: 2 })
    expect(await buy(sale.id, 'o_a')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
  })

  test('a refund after the sale ended takes back what it granted and does not return the unit', async () => {
    const { sale, circleId } = await planSale(runtime, { stock: 2 })
    runtime.clock.advance(HOUR)
    const bought = ok(await buy(sale.id, 'o_a'))
    await pay(runtime, bought.orderId)
    runtime.clock.advance(HOUR)
    ok(await refund(bought.orderId, 990))
    expect(ok(await call('membership', 'getCircle', { circleId }, 'o_a')).membership).toMatchObject({ status: 'refunded' })
    const slots = (await runtime.store.collection<FlashSlotDoc>(FLASH_SLOTS).find({ saleId: sale.id }, { limit: 10 })).items
    expect(slots.map((s) => s.state).sort()).toEqual(['free', 'refunded'])
    expect((await hostView(sale.id)).measures).toMatchObject({ left: 1, sold: 1, paid: 0 })
  })

  test('an event seat: paying confirms a seat through the seat kind; a refund cancels the signup and frees the seat for the event', async () => {
    const eventId = await paidEvent(runtime, { capacity: 2 })
    const sale = await createSale(runtime, { type: 'event', eventId }, { stock: 2, priceFen: 1990 })
    runtime.clock.advance(HOUR)
    const bought = ok(await buy(sale.id, 'o_a'))
    await pay(runtime, bought.orderId)
    const signups = runtime.store.collection<SignupDoc>(SIGNUPS)
    expect(await signups.get(`${eventId}:o_a`)).toMatchObject({ status: 'confirmed', orderId: bought.orderId })
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_a'))).toMatchObject({ seatsLeft: 1 })
    expect(await buy(sale.id, 'o_a')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    ok(await refund(bought.orderId, 1990))
    expect(await signups.get(`${eventId}:o_a`)).toMatchObject({ status: 'cancelled' })
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_a'))).toMatchObject({ seatsLeft: 2 })
  })

  test('an event that filled before the payment: the money goes back automatically (the seat kind’s rule), and the host sees why', async () => {
    const eventId = await paidEvent(runtime, { capacity: 1, feeFen: 0 })
    const sale = await createSale(runtime, { type: 'event', eventId }, { stock: 1, priceFen: 100 })
    runtime.clock.advance(HOUR)
    const bought = ok(await buy(sale.id, 'o_a'))
    ok(await call('events', 'signup', { eventId }, 'o_b'))
    await pay(runtime, bought.orderId)
    expect(await order(bought.orderId)).toMatchObject({ status: 'refunded', refundedFen: 100 })
    expect(ok(await call('membership', 'flaggedPayments', {}, HOST)).items.map((f) => f.reason)).toContain('付款时名额已满，已自动退款')
  })

  test('a mall item: paying records the redemption at 0 points and credits the make-up card; a refund takes the card back and returns the unit to the mall', async () => {
    const itemId = await mallItem('makeupCard', 5)
    const sale = await createSale(runtime, { type: 'mall', itemId }, { stock: 3, priceFen: 500 })
    runtime.clock.advance(HOUR)
    const cards = async () => ok(await call('growth', 'summary', {}, 'o_a')).makeupCards
    const before = await cards()
    const bought = ok(await buy(sale.id, 'o_a'))
    await pay(runtime, bought.orderId)
    // (the first payment's growth may also bring a tier's monthly card: the refund takes back exactly the one bought)
    const after = await cards()
    expect(after).toBeGreaterThanOrEqual(before + 1)
    expect(ok(await call('growth', 'myRedemptions', {}, 'o_a')).items).toMatchObject([{ itemId, pricePoints: 0, status: 'done' }])
    expect(ok(await call('growth', 'mallItems', {}, 'o_a')).items.find((i) => i.id === itemId)).toMatchObject({ stock: 4 })
    ok(await refund(bought.orderId, 500))
    expect(await cards()).toBe(after - 1)
    expect(ok(await call('growth', 'myRedemptions', {}, 'o_a')).items).toEqual([])
    expect(ok(await call('growth', 'mallItems', {}, 'o_a')).items.find((i) => i.id === itemId)).toMatchObject({ stock: 5 })
  })

  test('a physical mall item needs an address, which the redemption carries for shipping', async () => {
    const itemId = await mallItem('physical', 5)
    const sale = await createSale(runtime, { type: 'mall', itemId }, { stock: 3, priceFen: 500 })
    runtime.clock.advance(HOUR)
    expect(await buy(sale.id, 'o_a')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'address' } })
    const address = { name: '小美', phone: '13800000000', address: '上海市徐汇区某路 1 号' }
    const bought = ok(await call('sales', 'buyFlashSale', { saleId: sale.id, address }, 'o_a'))
    await pay(runtime, bought.orderId)
    expect(ok(await call('growth', 'myRedemptions', {}, 'o_a')).items).toMatchObject([{ status: 'awaitingShipment', address }])
  })
})

test('money: 30 buyers for 10 units, some pay, some lapse, some are refunded; paid = fulfilled + refunded, and revenue is what was kept', async () => {
  const { sale } = await planSale(runtime, { stock: 10 })
  runtime.clock.advance(HOUR)
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => buy(sale.id, `o_m${i}`)))
  const orders = results.filter((r) => r.ok).map((r) => (r.ok ? r.data.orderId : ''))
  expect(orders).toHaveLength(10)
  for (const id of orders.slice(0, 6)) await pay(runtime, id)
  for (const id of orders.slice(0, 2)) ok(await refund(id, 990))
  runtime.clock.advance(5 * MIN)
  await closeUnpaidOrders(runtime)
  const docs = await Promise.all(orders.map(order))
  expect(docs.filter((o) => o.status === 'fulfilled')).toHaveLength(4)
  expect(docs.filter((o) => o.status === 'refunded')).toHaveLength(2)
  expect(docs.filter((o) => o.status === 'closed')).toHaveLength(4)
  const paid = docs.filter((o) => o.paidAt !== null)
  expect(paid.reduce((s, o) => s + o.amountFen, 0)).toBe(docs.filter((o) => o.status === 'fulfilled').reduce((s, o) => s + o.amountFen, 0) + docs.reduce((s, o) => s + o.refundedFen, 0))
  // Units: 4 kept by payers, 6 back on sale (4 lapsed, 2 refunded during the sale).
  expect((await hostView(sale.id)).measures).toMatchObject({ paid: 4, revenueFen: 4 * 990, left: 6, sold: 4 })
})
