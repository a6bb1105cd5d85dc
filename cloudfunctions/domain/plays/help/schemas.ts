import * as z from 'zod/mini'
import type { CreateHelpCampaignInput, HelpCampaignIdInput, HelpLogInput, HelpTaskIdInput, PauseHelpCampaignInput } from '../../../../types/help'
import type { PageInput } from '../../../../types/page'
import { int, id, text, after } from '../sold-target/schemas'

const reward = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('coupon'), campaignId: id('优惠券活动') }),
    z.strictObject({ type: z.literal('event'), eventId: id('活动') }),
    z.strictObject({ type: z.literal('trial'), circleId: id('圈子'), days: int(1, 90, '体验天数') })
  ],
  { error: '奖励只能是优惠券、活动免费名额或圈子体验天数' }
)

export const createHelpCampaignInput: z.ZodMiniType<CreateHelpCampaignInput> = z.lazy(() =>
  z.strictObject({
    title: text(2, 30, '助力标题'),
    reward,
    need: int(2, 50, '助力人数'),
    newMemberDouble: z.boolean({ error: '新成员双倍必须是是或否' }),
    dailyCap: int(1, 20, '每人每日助力次数'),
    taskHours: int(1, 168, '任务时长（小时）'),
    endAt: int(0, 8_640_000_000_000, '结束时间')
  })
)

export const helpCampaignIdInput: z.ZodMiniType<HelpCampaignIdInput> = z.lazy(() => z.strictObject({ campaignId: id('助力活动') }))
export const pauseHelpCampaignInput: z.ZodMiniType<PauseHelpCampaignInput> = z.lazy(() => z.strictObject({ campaignId: id('助力活动'), paused: z.boolean({ error: '暂停必须是是或否' }) }))
export const helpTaskIdInput: z.ZodMiniType<HelpTaskIdInput> = z.lazy(() => z.strictObject({ taskId: id('助力任务') }))
export const helpLogInput: z.ZodMiniType<HelpLogInput> = z.lazy(() => z.strictObject({ campaignId: id('助力活动'), after }))
export const helpPageInput: z.ZodMiniType<PageInput> = z.lazy(() => z.strictObject({ after }))
