// Budget scenarios of 秒杀 flash sales (the fission function's flash-sale
// actions) and a flash-sale order's payment notify. Spread into scenarios.ts.
import { payNotifyMain } from '../../cloudfunctions/functions'
import { callRaw } from '../helpers/test-runtime'
import { FLASH_SLOTS } from '../../cloudfunctions/domain/plays/flash-sale/sale'
import type { CreateFlashSaleInput } from '../../types/flash-sale'
import { AJIE, HOST, XIAOMEI, type World } from './world'
import { scenario, member, host } from '../plays/budget'
import type { Scenario } from './scenarios'

let fresh = 0
const buyer = () => `o_flash_${String(++fresh).padStart(5, '0')}`

async function saleInput(w: World, stock = 50): Promise<CreateFlashSaleInput> {
  const camp = await w.doc<{ _id: string; plans: Array<{ id: string }> }>('circles', { name: '减脂私教营' })
  return { target: { type: 'plan', circleId: camp._id, planId: camp.plans[0].id }, title: '月卡限时秒杀', priceFen: 100, stock, startAt: w.now(), endAt: w.now() + 3600_000 }
}

/** A sale on now (setup), with `taken` units already bought by other members. */
async function liveSale(w: World, stock = 50, taken = 0): Promise<string> {
  const sale = await w.call('sales', 'createFlashSale', await saleInput(w, stock), HOST)
  for (let i = 0; i < taken; i++) await w.call('sales', 'buyFlashSale', { saleId: sale.id }, buyer())
  return sale.id
}

export const FLASH_SALE_SCENARIOS: Scenario[] = [
  scenario('sales.createFlashSale', 'batch', async (w) => (await w.measure('sales', 'createFlashSale', await saleInput(w, 50), HOST)).usage),
  host('sales.pauseFlashSale', async (w) => (await w.measure('sales', 'pauseFlashSale', { saleId: await liveSale(w, 5, 1), paused: true }, HOST)).usage),
  host('sales.hostFlashSales', async (w) => {
    for (let i = 0; i < 5; i++) await liveSale(w, 5, 1)
    return (await w.measure('sales', 'hostFlashSales', {}, HOST)).usage
  }),
  member('sales.flashSales', async (w) => {
    for (let i = 0; i < 7; i++) await liveSale(w, 5)
    return (await w.measure('sales', 'flashSales', {}, XIAOMEI)).usage
  }),
  member('sales.flashSale', async (w) => (await w.measure('sales', 'flashSale', { saleId: await liveSale(w, 5, 1) }, XIAOMEI)).usage),
  member('sales.buyFlashSale.first', async (w) => (await w.measure('sales', 'buyFlashSale', { saleId: await liveSale(w, 50) }, AJIE)).usage),
  member('sales.buyFlashSale.again', async (w) => {
    const saleId = await liveSale(w, 50)
    await w.call('sales', 'buyFlashSale', { saleId }, AJIE)
    return (await w.measure('sales', 'buyFlashSale', { saleId }, AJIE)).usage
  }),
  // The longest path: 3 units left, found only by wrapping round the stock, all but one already gone.
  member('sales.buyFlashSale.lastUnits', async (w) => (await w.measure('sales', 'buyFlashSale', { saleId: await liveSale(w, 50, 47) }, AJIE)).usage),
  // Sold out but for a unit whose buyer vanished between taking it and writing the order (held 2+ minutes): taken again.
  member('sales.buyFlashSale.staleHold', async (w) => {
    const saleId = await liveSale(w, 5, 4)
    const slots = await w.docs<{ _id: string; state: string }>(FLASH_SLOTS, { saleId, state: 'free' })
    await w.runtime.store.collection(FLASH_SLOTS).update(slots[0]._id, { set: { state: 'held', orderId: 'M_vanished', openid: 'o_gone', heldAt: w.now() - 3 * 60_000 } })
    return (await w.measure('sales', 'buyFlashSale', { saleId }, AJIE)).usage
  }),
  member('sales.buyFlashSale.soldOut', async (w) => {
    const saleId = await liveSale(w, 3, 3)
    const { data, usage } = await w.measureWork(() => callRaw('sales', { action: 'buyFlashSale', saleId }, AJIE))
    if (data.ok || data.error.code !== 'OUT_OF_STOCK') throw new Error('expected 已抢光')
    return usage
  }),
  scenario('payNotify.notify.flashSale', 'member', async (w) => {
    const saleId = await liveSale(w, 5)
    const { orderId } = await w.call('sales', 'buyFlashSale', { saleId }, AJIE)
    const notify = await w.runtime.payments.pay(orderId)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  })
]
