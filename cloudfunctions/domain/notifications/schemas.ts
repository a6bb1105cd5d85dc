import * as z from 'zod/mini'
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_TEMPLATE_KEYS, type ChallengeReminderInput, type RecordSubscribeGrantsInput, type SetChallengeReminderInput } from '../../../types/notifications'

const requestId = z.string({ error: '请求标识必须是文字' }).check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求标识格式不正确' }))
const challengeId = z.string({ error: '挑战必须是文字' }).check(z.minLength(1, { error: '缺少挑战' }), z.maxLength(200, { error: '挑战太长' }))
const templateKey = z.enum(SUBSCRIBE_TEMPLATE_KEYS, { error: '未知的消息模板' })

export const subscribeTemplatesInput: z.ZodMiniType<Record<string, never>> = z.lazy(() => z.strictObject({}))

export const recordSubscribeGrantsInput: z.ZodMiniType<RecordSubscribeGrantsInput> = z.lazy(() =>
  z.strictObject({
    requestId,
    accepted: z
      .array(templateKey, { error: '订阅结果必须是列表' })
      .check(z.minLength(1, { error: '没有同意的消息' }), z.maxLength(MAX_TEMPLATES_PER_REQUEST, { error: `一次最多订阅 ${MAX_TEMPLATES_PER_REQUEST} 条消息` }))
  })
)

export const challengeReminderInput: z.ZodMiniType<ChallengeReminderInput> = z.lazy(() => z.strictObject({ challengeId }))

export const setChallengeReminderInput: z.ZodMiniType<SetChallengeReminderInput> = z.lazy(() =>
  z.strictObject({
    challengeId,
    daily: z.boolean({ error: '每日提醒必须是开或关' }),
    streak: z.boolean({ error: '断签提醒必须是开或关' }),
    hour: z.optional(
      z.nullable(z.number({ error: '提醒时间必须是数字' }).check(z.int({ error: '提醒时间必须是整点' }), z.gte(0, { error: '提醒时间需在 0–23 点' }), z.lte(23, { error: '提醒时间需在 0–23 点' })))
    )
  })
)
