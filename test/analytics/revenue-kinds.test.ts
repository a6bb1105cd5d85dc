// Revenue reports group each order kind under its own name (秒杀, 付费提问, …)
// and leave deposits out: a deposit is the member's money held until the
// challenge settles, not income.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { drain, paidCircle, pay } from './fixtures'
import { ORDERS, newOrder, type OrderDoc, type OrderItem } from '../../cloudfunctions/domain/orders/order'

let runtime: TestRuntime
beforeEach(() => {
  runtime = useTestRuntime()
  runtime.clock.set('2026-11-02T10:00:00+08:00')
})
afterEach(async () => closeTestRuntime(runtime))

/** A paid, fulfilled order of a kind, as the settlement leaves it. */
async function paidOrder(id: string, item: OrderItem, amountFen: number, openid: string): Promise<void> {
  const now = runtime.clock.now()
  const order: OrderDoc = { ...newOrder({ id, item, openid, listPriceFen: amountFen, payBefore: now + 60_000, now }), status: 'fulfilled', paidAt: now, transactionId: `wx_${id}` }
  await runtime.store.collection<OrderDoc>(ORDERS).insert(order)
}

test('other kinds are grouped by their name and item; deposits are not revenue', async () => {
  const circle = await paidCircle()
  ok(await call('member', 'me', {}, 'o_buyer'))
  await pay(runtime, circle, 'o_buyer')
  await paidOrder('M_flash_1', { kind: 'flashSale', saleId: 's1', title: '月卡限时秒杀' } as OrderItem, 990, 'o_buyer')
  await paidOrder('M_flash_2', { kind: 'flashSale', saleId: 's1', title: '月卡限时秒杀' } as OrderItem, 990, 'o_other')
  await paidOrder('M_deposit_1', { kind: 'deposit', challengeId: 'ch1', title: '21 天早起', endDate: '2026-11-22' } as OrderItem, 5000, 'o_buyer')
  await drain(runtime, ['refreshAnalytics'])

  const view = ok(await call('marketing', 'analytics', { period: 30 }, HOST))
  expect(view.revenue!.byCircle).toEqual([
    { circleId: circle.circleId, name: '减脂训练营', fen: 9900 },
    { circleId: 'flashSale', name: '秒杀', fen: 1980 }
  ])
  expect(view.revenue!.byMonth.reduce((s, m) => s + m.fen, 0)).toBe(9900 + 1980)
  expect(view.funnel!.revenue.firstPaymentFen + view.funnel!.revenue.renewalFen).toBe(9900 + 1980)
})
