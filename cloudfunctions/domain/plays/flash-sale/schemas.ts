import * as z from 'zod/mini'
import type { BuyFlashSaleInput, CreateFlashSaleInput, FlashSaleIdInput, PauseFlashSaleInput } from '../../../../types/flash-sale'
import type { PageInput } from '../../../../types/page'
import { MAX_STOCK } from './sale'
import { int, id, text, time, after, shippingAddress } from '../sold-target/schemas'
import { targetInput } from '../sold-target/target'

const target = targetInput('秒杀商品只能是会员套餐、活动名额或商城商品')

export const createFlashSaleInput: z.ZodMiniType<CreateFlashSaleInput> = z.lazy(() =>
  z.strictObject({
    target,
    title: text(2, 30, '秒杀标题'),
    priceFen: int(1, 1_000_000, '秒杀价（分）'),
    stock: int(1, MAX_STOCK, '库存'),
    startAt: time('开始时间'),
    endAt: time('结束时间')
  })
)

export const flashSaleIdInput: z.ZodMiniType<FlashSaleIdInput> = z.lazy(() => z.strictObject({ saleId: id('秒杀活动') }))

export const pauseFlashSaleInput: z.ZodMiniType<PauseFlashSaleInput> = z.lazy(() => z.strictObject({ saleId: id('秒杀活动'), paused: z.boolean({ error: '暂停必须是是或否' }) }))

export const buyFlashSaleInput: z.ZodMiniType<BuyFlashSaleInput> = z.lazy(() =>
  z.strictObject({
    saleId: id('秒杀活动'),
    address: shippingAddress
  })
)

export const flashPageInput: z.ZodMiniType<PageInput> = z.lazy(() => z.strictObject({ after }))
