import * as z from 'zod/mini'
import type { BargainCampaignIdInput, BargainCutLogInput, BargainIdInput, CreateBargainCampaignInput, PauseBargainCampaignInput, PayBargainInput } from '../../../../types/bargain'
import type { PageInput } from '../../../../types/page'
import { MAX_CUTS } from './bargain'
import { int, id, text, after, shippingAddress } from '../sold-target/schemas'
import { targetInput } from '../sold-target/target'

const target = targetInput('砍价商品只能是会员套餐、活动名额或商城商品')

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
    address: shippingAddress
  })
)

export const bargainCutLogInput: z.ZodMiniType<BargainCutLogInput> = z.lazy(() => z.strictObject({ campaignId: id('砍价活动'), after }))

export const bargainPageInput: z.ZodMiniType<PageInput> = z.lazy(() => z.strictObject({ after }))
