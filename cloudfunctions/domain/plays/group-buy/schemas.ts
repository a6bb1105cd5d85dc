import * as z from 'zod/mini'
import type { CreateGroupBuyInput, GroupBuyIdInput, GroupIdInput, PauseGroupBuyInput } from '../../../../types/group-buy'
import type { PageInput } from '../../../../types/page'
import { MAX_LIMIT_HOURS, MAX_SIZE, MIN_SIZE } from './group'

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
  [z.strictObject({ type: z.literal('plan'), circleId: id('圈子'), planId: id('套餐') }), z.strictObject({ type: z.literal('event'), eventId: id('活动') })],
  { error: '拼团商品只能是会员套餐或付费活动' }
)

export const createGroupBuyInput: z.ZodMiniType<CreateGroupBuyInput> = z.lazy(() =>
  z.strictObject({
    target,
    title: text(2, 30, '拼团标题'),
    priceFen: int(1, 1_000_000, '拼团价（分）'),
    size: int(MIN_SIZE, MAX_SIZE, '成团人数'),
    limitHours: int(1, MAX_LIMIT_HOURS, '成团时限（小时）'),
    allowSimulated: z.boolean({ error: '模拟成团必须是是或否' })
  })
)

export const groupBuyIdInput: z.ZodMiniType<GroupBuyIdInput> = z.lazy(() => z.strictObject({ campaignId: id('拼团活动') }))
export const groupIdInput: z.ZodMiniType<GroupIdInput> = z.lazy(() => z.strictObject({ groupId: id('拼团') }))
export const pauseGroupBuyInput: z.ZodMiniType<PauseGroupBuyInput> = z.lazy(() => z.strictObject({ campaignId: id('拼团活动'), paused: z.boolean({ error: '暂停必须是是或否' }) }))
export const groupBuyPageInput: z.ZodMiniType<PageInput> = z.lazy(() => z.strictObject({ after }))
export const groupBuyLogsInput: z.ZodMiniType<GroupBuyIdInput & PageInput> = z.lazy(() => z.strictObject({ campaignId: id('拼团活动'), after }))
