import * as z from 'zod/mini'
import type { BuyFlashSaleInput, CreateFlashSaleInput, FlashSaleIdInput, PauseFlashSaleInput } from '../../../../types/flash-sale'
import type { PageInput } from '../../../../types/page'
import { MAX_STOCK } from './sale'

const int = (min: number, max: number, what: string) =>
  z.number({ error: `${what}必须是数字` }).check(z.int({ error: `${what}必须是整数` }), z.gte(min, { error: `${what}不能小于 ${min}` }), z.lte(max, { error: `${what}不能大于 ${max}` }))
const id = (what: string) => z.string({ error: `${what}必须是文字` }).check(z.minLength(1, { error: `缺少${what}` }), z.maxLength(200, { error: `${what}太长` }))
const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).check(
    z.maxLength(max, { error: `${what}最多 ${max} 个字` }),
    z.refine((s) => s.trim().length >= min, { error: `${what}至少 ${min} 个字` })
  )
const time = (what: string) => int(0, 8_640_000_000_000, what)
const after = z.optional(z.nullable(z.string({ error: '分页标记必须是文字' }).check(z.maxLength(2000, { error: '分页标记太长' }))))

const target = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('plan'), circleId: id('圈子'), planId: id('套餐') }),
    z.strictObject({ type: z.literal('event'), eventId: id('活动') }),
    z.strictObject({ type: z.literal('mall'), itemId: id('商品') })
  ],
  { error: '秒杀商品只能是会员套餐、活动名额或商城商品' }
)

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
    address: z.optional(
      z.strictObject({
        name: text(1, 20, '收货人'),
        phone: z.string({ error: '手机号必须是文字' }).check(z.regex(/^1\d{10}$/, { error: '请填写 11 位手机号' })),
        address: text(5, 200, '收货地址')
      })
    )
  })
)

export const flashPageInput: z.ZodMiniType<PageInput> = z.lazy(() => z.strictObject({ after }))
