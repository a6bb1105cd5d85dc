// The group-buy race on the strict embedded twin: a group of 3 with 10 friends
// joining at the same instant gets exactly 2 joiners (3 members), all paid and
// fulfilled together, and the money adds up: paid = fulfilled + refunded.
import { call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { settleGroupBuys } from '../../cloudfunctions/domain/plays/group-buy/settle'
import { GROUP_SEATS, type SeatDoc } from '../../cloudfunctions/domain/plays/group-buy/group'
import { HOUR, join, pay, planGroupBuy, start } from './fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

async function books() {
  const orders = (await runtime.store.collection<OrderDoc>(ORDERS).find({ kind: 'groupBuy' }, { limit: 200 })).items
  const paid = orders.filter((o) => o.paidAt !== null)
  const fulfilled = orders.filter((o) => o.status === 'fulfilled')
  return {
    orders,
    paid,
    fulfilled,
    paidFen: paid.reduce((s, o) => s + o.amountFen, 0),
    keptFen: fulfilled.reduce((s, o) => s + o.amountFen - o.refundedFen, 0),
    refundedFen: orders.reduce((s, o) => s + o.refundedFen, 0)
  }
}

test('a group of 3, 10 friends joining at once: exactly 2 seats taken, 3 paid, all fulfilled together; nobody holds two seats', async () => {
  const { circleId, campaign } = await planGroupBuy({ size: 3 })
  const started = ok(await start(campaign.id, 'o_lead'))
  await pay(runtime, started.orderId)
  const friends = Array.from({ length: 10 }, (_, i) => `o_friend_${i}`)
  const results = await Promise.all(friends.map((f) => join(started.groupId, f)))
  const won = results.filter((r) => r.ok)
  expect(won).toHaveLength(2)
  const codes = new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)))
  expect([...codes].every((c) => c === 'OUT_OF_STOCK' || c === 'BUSY')).toBe(true)
  // Everyone who won pays, at the same time.
  await Promise.all(won.map((r) => pay(runtime, r.ok ? r.data.orderId : '')))
  // The timer grants the full group's seats together (run twice at once: each seat granted once).
  await Promise.all([settleGroupBuys(runtime), settleGroupBuys(runtime)])
  const seats = (await runtime.store.collection<SeatDoc>(GROUP_SEATS).find({ groupId: started.groupId }, { limit: 20 })).items
  expect(seats).toHaveLength(3)
  expect(seats.every((s) => s.state === 'granted')).toBe(true)
  expect(new Set(seats.map((s) => s.openid)).size).toBe(3)
  const { paid, fulfilled, paidFen, keptFen, refundedFen } = await books()
  expect(paid).toHaveLength(3)
  expect(fulfilled).toHaveLength(3)
  expect(paidFen).toBe(keptFen + refundedFen)
  const members = await Promise.all(seats.map(async (s) => ok(await call('membership', 'getCircle', { circleId }, s.openid!)).membership))
  expect(members.every((m) => m?.status === 'active')).toBe(true)
  expect(ok(await call('sales', 'groupBuyGroup', { groupId: started.groupId }, 'o_friend_9'))).toMatchObject({ phase: 'completed', paidCount: 3, missing: 0 })
}, 60_000)

test('money: 4 groups of 3, a rush on each; two fill, one is half-paid and times out, one 模拟成团 offer fills at its time; paid = fulfilled + refunded', async () => {
  const { campaign } = await planGroupBuy({ size: 3 })
  const { campaign: simulated } = await planGroupBuy({ size: 3, allowSimulated: true })
  const groups: string[] = []
  for (const [i, c] of [campaign, campaign, campaign, simulated].entries()) {
    const s = ok(await start(c.id, `o_lead_${i}`))
    await pay(runtime, s.orderId)
    groups.push(s.groupId)
  }
  for (const [g, groupId] of groups.entries()) {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => join(groupId, `o_g${g}_${i}`)))
    const won = results.filter((r) => r.ok).map((r) => (r.ok ? r.data.orderId : ''))
    expect(won).toHaveLength(2)
    // Groups 2 and 3: one joiner pays, the other lets the seat lapse.
    await Promise.all((g >= 2 ? won.slice(0, 1) : won).map((id) => pay(runtime, id)))
  }
  runtime.clock.advance(24 * HOUR)
  await call('settle', 'run', { jobs: ['closeUnpaidOrders', 'settleGroupBuys'] }, 'o_test_host')
  await settleGroupBuys(runtime)
  const { paid, fulfilled, paidFen, keptFen, refundedFen, orders } = await books()
  expect(paid).toHaveLength(3 + 3 + 2 + 2)
  expect(fulfilled).toHaveLength(3 + 3 + 2)
  expect(orders.filter((o) => o.status === 'refunded')).toHaveLength(2)
  expect(refundedFen).toBe(2 * 6900)
  expect(paidFen).toBe(keptFen + refundedFen)
}, 60_000)
