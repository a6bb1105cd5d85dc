import * as z from 'zod/mini'
import type { AnalyticsInput, GetCheckinInput, TopConvertingInput } from '../../../types/analytics'

/** checkin.getCheckin: the check-in, and whether the page was opened from a share card. */
export const getCheckinInput: z.ZodMiniType<GetCheckinInput> = z.lazy(() =>
  z.strictObject({
    checkinId: z.string({ error: '请指定打卡' }).check(z.minLength(1, { error: '请指定打卡' }), z.maxLength(200, { error: '打卡标识无效' })),
    via: z.optional(z.enum(['view', 'share'], { error: '来源只能是 view 或 share' }))
  })
)

export const analyticsInput: z.ZodMiniType<AnalyticsInput> = z.lazy(() => z.strictObject({ period: z.union([z.literal(7), z.literal(30), z.literal(90)], { error: '周期只能是 7、30 或 90 天' }) }))

export const topConvertingInput: z.ZodMiniType<TopConvertingInput> = z.lazy(() =>
  z.strictObject({ after: z.optional(z.nullable(z.string({ error: '分页标记无效' }).check(z.maxLength(500, { error: '分页标记无效' })))) })
)
