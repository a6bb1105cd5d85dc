// 秒杀 flash sales: stock on sale at a price for a time window (domain/plays/flash-sale).
import type { ActionMap } from '../platform/define-action'
import * as s from '../domain/plays/flash-sale/schemas'
import { createFlashSale, hostFlashSales, pauseFlashSale } from '../domain/plays/flash-sale/admin'
import { buyFlashSale, getFlashSale, listFlashSales } from '../domain/plays/flash-sale/buy'

const HOUR = 3600_000

export const flashSaleActions: Pick<ActionMap<'sales'>, 'createFlashSale' | 'pauseFlashSale' | 'hostFlashSales' | 'flashSales' | 'flashSale' | 'buyFlashSale'> = {
  createFlashSale: {
    role: 'admin',
    input: s.createFlashSaleInput,
    example: { target: { type: 'plan', circleId: 'c1', planId: 'p1' }, title: '月卡限时秒杀', priceFen: 990, stock: 50, startAt: Date.UTC(2030, 0, 1), endAt: Date.UTC(2030, 0, 1) + HOUR },
    handle: (input, { runtime, caller, now }) => createFlashSale(runtime, caller, input, now)
  },
  pauseFlashSale: {
    role: 'admin',
    input: s.pauseFlashSaleInput,
    example: { saleId: 's1', paused: true },
    handle: (input, { runtime, now }) => pauseFlashSale(runtime, input, now)
  },
  hostFlashSales: { role: 'admin', input: s.flashPageInput, example: {}, handle: (input, { runtime, now }) => hostFlashSales(runtime, input, now) },
  flashSales: { role: 'member', input: s.flashPageInput, example: {}, handle: (input, { runtime, caller, now }) => listFlashSales(runtime, caller, input, now) },
  flashSale: { role: 'member', input: s.flashSaleIdInput, example: { saleId: 's1' }, handle: (input, { runtime, caller, now }) => getFlashSale(runtime, caller, input.saleId, now) },
  buyFlashSale: {
    role: 'member',
    input: s.buyFlashSaleInput,
    example: { saleId: 's1' },
    handle: (input, { runtime, caller, member, now }) => buyFlashSale(runtime, caller, member, input, now)
  }
}
