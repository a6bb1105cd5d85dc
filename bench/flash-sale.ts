// 秒杀: 1,000 buyers at the same instant for 50 units on the embedded (strict)
// store, every call through the sales function's real entry point and counted
// by the request-counting store as CloudBase would be sent it. Oversold must be
// 0: more orders than units, or a member with two, or a unit naming no order.
import { randomUUID } from 'node:crypto'
import { createLocalRuntime } from '../cloudfunctions/adapters/local/local-runtime'
import { CountingStore } from '../cloudfunctions/adapters/store/counting-store'
import { setRuntime } from '../cloudfunctions/platform/runtime'
import { localContextFor } from '../cloudfunctions/platform/caller'
import { FrozenClock } from '../cloudfunctions/ports/clock'
import { FUNCTIONS } from '../cloudfunctions/functions'
import { ORDERS, type OrderDoc } from '../cloudfunctions/domain/orders/order'
import { FLASH_SLOTS, type FlashSlotDoc } from '../cloudfunctions/domain/plays/flash-sale/sale'
import type { ApiResult } from '../types/result'

const BUYERS = 1000
const STOCK = 50

export async function benchFlashSale(): Promise<Record<string, number>> {
  const clock = new FrozenClock(Date.parse('2026-11-23T10:00:00+08:00'))
  const runtime = createLocalRuntime({ dataDir: ':memory:', clock, hostOpenids: ['host'] })
  const counting = new CountingStore(runtime.store)
  setRuntime({ ...runtime, store: counting })
  const call = async <T>(fn: 'membership' | 'sales' | 'member', event: Record<string, unknown>, openid: string): Promise<T> => {
    const answer = (await FUNCTIONS[fn].main(event, localContextFor(openid, fn, randomUUID()))) as ApiResult<T>
    if (!answer.ok) throw new Error(`${fn}.${String(event.action)}: ${answer.error.message}`)
    return answer.data
  }
  const circle = await call<{ id: string; plans: Array<{ id: string }> }>(
    'membership',
    {
      action: 'createCircle',
      name: '私教营',
      description: '',
      coverFileId: '',
      kind: 'paid',
      trialDays: 7,
      joinQuestions: [],
      plans: [{ name: '月卡', days: 30, priceFen: 9900 }],
      fullRefundDays: 7,
      refundAfter: 'prorata'
    },
    'host'
  )
  const now = clock.now()
  const sale = await call<{ id: string }>(
    'sales',
    {
      action: 'createFlashSale',
      target: { type: 'plan', circleId: circle.id, planId: circle.plans[0].id },
      title: '月卡秒杀',
      priceFen: 990,
      stock: STOCK,
      startAt: now + 60_000,
      endAt: now + 3600_000
    },
    'host'
  )
  const buyers = Array.from({ length: BUYERS }, (_, i) => `o_buyer_${i}`)
  // Members exist before the start (they opened the page to watch the countdown): only the buying races.
  for (const openid of buyers) await call('member', { action: 'me' }, openid)
  clock.advance(60_000)

  const started = process.hrtime.bigint()
  let lastOrderAt = started
  const rush = await Promise.all(
    buyers.map(async (openid) => {
      const measured = await counting.measure(() => FUNCTIONS.sales.main({ action: 'buyFlashSale', saleId: sale.id }, localContextFor(openid, 'sales', randomUUID())) as Promise<ApiResult<unknown>>)
      if (measured.result.ok) lastOrderAt = process.hrtime.bigint()
      return measured
    })
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const toLastOrder = Number(lastOrderAt - started) / 1e9

  const orders = (await runtime.store.collection<OrderDoc>(ORDERS).find({ kind: 'flashSale' }, { limit: 100 })).items
  const slots = (await runtime.store.collection<FlashSlotDoc>(FLASH_SLOTS).find({ saleId: sale.id }, { limit: 100 })).items
  const won = rush.filter((r) => r.result.ok).length
  const doubled = orders.length - new Set(orders.map((o) => o.openid)).size
  const unnamed = slots.filter((s) => s.state !== 'free' && !orders.some((o) => o._id === s.orderId)).length
  const requests = rush.map((r) => r.usage.requests)
  setRuntime(null)
  await runtime.store.close()
  return {
    flash_sale_buyers: BUYERS,
    flash_sale_stock: STOCK,
    flash_sale_orders: orders.length,
    flash_sale_oversold: Math.max(0, orders.length - STOCK) + doubled + unnamed + Math.max(0, won - STOCK),
    /** Orders made per second from the start until the last unit was ordered (the whole rush answered at flash_sale_buy_calls_per_s). */
    flash_sale_orders_per_s: Math.round(orders.length / toLastOrder),
    flash_sale_buy_calls_per_s: Math.round(BUYERS / seconds),
    flash_sale_rush_ms: Math.round(seconds * 1000),
    flash_sale_buy_requests_max: Math.max(...requests),
    flash_sale_buy_requests_mean: Math.round((requests.reduce((s, n) => s + n, 0) / requests.length) * 10) / 10
  }
}

if (require.main === module) {
  benchFlashSale().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
