// The host's side of flash sales: make one (its stock written as one slot
// document per unit), pause or resume it, and list them with their measures.
import { randomUUID } from 'node:crypto'
import type { CreateFlashSaleInput, HostFlashSaleView, PauseFlashSaleInput } from '../../../../types/flash-sale'
import type { Page, PageInput } from '../../../../types/page'
import { AppError } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import { resolveSoldTarget } from '../sold-target/resolve'
import { FLASH_SALES, FLASH_SLOTS, MAX_STOCK, loadSale, slotIdOf, type FlashSaleDoc, type FlashSlotDoc, type FlashTargetDoc } from './sale'
import { campaignHost } from '../campaign/host'
import { hostSaleView } from './views'

/** Sales on the host's page (4 counts each). */
const HOST_PAGE = 4
/** The longest window a sale may run. */
const MAX_WINDOW_MS = 30 * 24 * 3600_000
/** Slot documents written at once while a sale is made. */
const SLOT_WRITES_AT_ONCE = 20

const host = campaignHost({ collection: FLASH_SALES, hostPage: HOST_PAGE, view: hostSaleView, load: loadSale, ended: '秒杀已结束' })

/** The thing on sale, checked and named from its own capability. */
function resolveTarget(runtime: Runtime, input: CreateFlashSaleInput): Promise<FlashTargetDoc> {
  return resolveSoldTarget(runtime, input.target, '秒杀', {
    event: (event) => {
      if (input.endAt > event.signupDeadline) throw new AppError('INVALID_INPUT', '秒杀须在活动报名截止前结束', 'endAt')
      if (input.stock > event.capacity - event.seatsTaken) throw new AppError('INVALID_INPUT', `活动只剩 ${event.capacity - event.seatsTaken} 个名额`, 'stock')
    },
    mall: (item) => {
      if (input.stock > item.stock) throw new AppError('INVALID_INPUT', `商品只剩 ${item.stock} 件`, 'stock')
    }
  })
}

export async function createFlashSale(runtime: Runtime, caller: Caller, input: CreateFlashSaleInput, now: number): Promise<HostFlashSaleView> {
  if (input.endAt <= input.startAt) throw new AppError('INVALID_INPUT', '结束时间要晚于开始时间', 'endAt')
  if (input.endAt <= now) throw new AppError('INVALID_INPUT', '结束时间已过', 'endAt')
  if (input.endAt - input.startAt > MAX_WINDOW_MS) throw new AppError('INVALID_INPUT', '秒杀最长 30 天', 'endAt')
  if (input.stock > MAX_STOCK) throw new AppError('INVALID_INPUT', `库存最多 ${MAX_STOCK} 件`, 'stock')
  const target = await resolveTarget(runtime, input)
  if (target.originalFen > 0 && input.priceFen >= target.originalFen) throw new AppError('INVALID_INPUT', '秒杀价要低于原价', 'priceFen')
  const sale: FlashSaleDoc = {
    _id: randomUUID(),
    title: input.title.trim(),
    target,
    priceFen: input.priceFen,
    stock: input.stock,
    startAt: input.startAt,
    endAt: input.endAt,
    // Paused until every slot is written: a half-made sale is never on sale.
    paused: true,
    createdBy: caller.openid,
    createdAt: now,
    updatedAt: now
  }
  const sales = runtime.store.collection<FlashSaleDoc>(FLASH_SALES)
  await sales.insert(sale)
  const slots = runtime.store.collection<FlashSlotDoc>(FLASH_SLOTS)
  for (let first = 0; first < sale.stock; first += SLOT_WRITES_AT_ONCE) {
    const ns = Array.from({ length: Math.min(SLOT_WRITES_AT_ONCE, sale.stock - first) }, (_, i) => first + i)
    await Promise.all(ns.map((n) => slots.insert({ _id: slotIdOf(sale._id, n), saleId: sale._id, n, state: 'free', orderId: null, openid: null, heldAt: null })))
  }
  await sales.update(sale._id, { set: { paused: false } })
  return hostSaleView(runtime, { ...sale, paused: false }, now)
}

export const pauseFlashSale = (runtime: Runtime, input: PauseFlashSaleInput, now: number): Promise<HostFlashSaleView> => host.setPaused(runtime, input.saleId, input.paused, now)

export const hostFlashSales = (runtime: Runtime, input: PageInput, now: number): Promise<Page<HostFlashSaleView>> => host.hostPage(runtime, input, now)
