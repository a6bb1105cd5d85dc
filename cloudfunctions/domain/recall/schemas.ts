import * as z from 'zod/mini'
import { int } from '../input/fields'
import type { Gift } from '../../../types/inbox'
import { AUTOMATION_KINDS, type CreateRecallCampaignInput, type RecallCampaignIdInput, type RecallCampaignsInput, type UpdateAutomationInput } from '../../../types/recall'

const text = (max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).check(
    z.maxLength(max, { error: `${what}最多 ${max} 个字` }),
    z.refine((s) => s.trim().length > 0, { error: `请填写${what}` })
  )
const id = (what: string) => z.string({ error: `${what}无效` }).check(z.minLength(1, { error: `请选择${what}` }), z.maxLength(200, { error: `${what}无效` }))
const segment = () => z.enum(['kol', 'core', 'ordinary', 'silent'], { error: '分层只能是 KOL、核心、普通或沉默' })

const gift = (): z.ZodMiniType<Gift> =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('coupon'), campaignId: id('优惠券') }),
    z.strictObject({ kind: z.literal('makeupCard'), count: int(1, 5, '补卡数量') }),
    z.strictObject({ kind: z.literal('points'), points: int(1, 10_000, '积分') })
  ])

export const createRecallCampaignInput: z.ZodMiniType<CreateRecallCampaignInput> = z.lazy(() =>
  z.strictObject({
    requestId: z.string({ error: '请求标识无效' }).check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求标识无效' })),
    segment: segment(),
    tag: z.optional(id('标签')),
    title: text(20, '标题'),
    body: text(200, '消息内容'),
    gift: z.optional(gift()),
    holdoutPercent: z.optional(int(0, 50, '对照组比例'))
  })
)

export const recallCampaignIdInput: z.ZodMiniType<RecallCampaignIdInput> = z.lazy(() => z.strictObject({ campaignId: id('召回活动') }))
export const recallCampaignsInput: z.ZodMiniType<RecallCampaignsInput> = z.lazy(() => z.strictObject({ after: z.optional(z.nullable(z.string({ error: '分页标记无效' }).check(z.maxLength(2000)))) }))
export const automationsInput: z.ZodMiniType<Record<string, never>> = z.lazy(() => z.strictObject({}))
export const updateAutomationInput: z.ZodMiniType<UpdateAutomationInput> = z.lazy(() =>
  z.strictObject({
    kind: z.enum(AUTOMATION_KINDS, { error: '未知的自动化' }),
    enabled: z.optional(z.boolean({ error: '开关必须是是或否' })),
    title: z.optional(text(20, '标题')),
    body: z.optional(text(200, '消息内容')),
    couponCampaignId: z.optional(z.nullable(id('优惠券')))
  })
)
