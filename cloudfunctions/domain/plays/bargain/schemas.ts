import * as z from 'zod/mini'
import type { BargainCampaignIdInput, BargainCutLogInput, BargainIdInput, CreateBargainCampaignInput, PauseBargainCampaignInput, PayBargainInput } from '../../../../types/bargain'
import type { PageInput } from '../../../../types/page'
import { MAX_CUTS } from './bargain'

const int = (min: number, max: number, what: string) =>
  z.number({ error: `${what}必须是数字` }).check(z.int({ error: `${what}必须是整数` }), z.gte(min, { error: `${what}不能小于 ${min}` }), z.lte(max, { error: `${what}不能大于 ${max}` }))
const id = (what: string) => z.string({ error: `${what}必须是文字` }).check(z.minLength(1, { error: `缺少${what}` }), z.maxLength(200, { error: `${what}太长` }))
const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).check(
    z.maxLength(max, { error: `${what}最多 ${max} 个字` }),
    z.refine((s) => s.trim().length >= min, { error: `${what}至少 ${min} 个字` })
  )
const after = z.optional(z.nullable(z.string({ error: '分页标记必须是文字' }).check(z.maxLength(2000, { error: '分页标记太长' }))))

const target = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('plan'), circleId: id('圈子'), planId: id('套餐') }),
    z.strictObject({ type: z.literal('event'), eventId: id('活动') }),
    z.strictObject({ type: z.literal('mall'), itemId: id('商品') })
  ],
  { error: '砍价商品只能是会员套餐、活动名额或商城商品' }
)

export const createBargainCampaignInput: z.ZodMiniType<CreateBargainCampaignInput> = z.lazy(() =>
  z.strictObject({
    target,
    title: text(2, 30, '砍价标题'),
    startFen: int(2, 1_000_000, '起砍价（分）'),
    floorFen: int(1, 1_000_000, '底价（分）'),
    cuts: int(2, MAX_CUTS, '砍到底价的刀数'),
    hours: int(1, 168, '砍价时长（小时）'),
    dailyCap: int(1, 20, '每人每天可砍次数'),
    endAt: int(0, 8_640_000_000_000, '结束时间')
  })
)

export const bargainCampaignIdInput: z.ZodMiniType<BargainCampaignIdInput> = z.lazy(() => z.strictObject({ campaignId: id('砍价活动') }))

export const pauseBargainCampaignInput: z.ZodMiniType<PauseBargainCampaignInput> = z.lazy(() => z.strictObject({ campaignId: id('砍价活动'), paused: z.boolean({ error: '暂停必须是是或否' }) }))

export const bargainIdInput: z.ZodMiniType<BargainIdInput> = z.lazy(() => z.strictObject({ bargainId: id('砍价') }))

export const payBargainInput: z.ZodMiniType<PayBargainInput> = z.lazy(() =>
  z.strictObject({
    bargainId: id('砍价'),
    address: z.optional(
      z.strictObject({
        name: text(1, 20, '收货人'),
        phone: z.string({ error: '手机号必须是文字' }).check(z.regex(/^1\d{10}$/, { error: '请填写 11 位手机号' })),
        address: text(5, 200, '收货地址')
      })
    )
  })
)

export const bargainCutLogInput: z.ZodMiniType<BargainCutLogInput> = z.lazy(() => z.strictObject({ campaignId: id('砍价活动'), after }))

export const bargainPageInput: z.ZodMiniType<PageInput> = z.lazy(() => z.strictObject({ after }))
