import * as z from 'zod/mini'
import type { CreateGroupBuyInput, GroupBuyIdInput, GroupIdInput, PauseGroupBuyInput } from '../../../../types/group-buy'
import type { PageInput } from '../../../../types/page'
import { MAX_LIMIT_HOURS, MAX_SIZE, MIN_SIZE } from './group'
import { int, id, text, after } from '../sold-target/schemas'
import { planOrEventInput } from '../sold-target/target'

const target = planOrEventInput('拼团商品只能是会员套餐或付费活动')

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
