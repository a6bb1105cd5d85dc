import * as z from 'zod/mini'
import type { InboxInput, MarkReadInput, MessageIdInput } from '../../../types/inbox'

const messageId = () => z.string({ error: '消息标识无效' }).check(z.minLength(1, { error: '请指定消息' }), z.maxLength(300, { error: '消息标识无效' }))

export const inboxInput: z.ZodMiniType<InboxInput> = z.lazy(() => z.strictObject({ after: z.optional(z.nullable(z.string({ error: '分页标记无效' }).check(z.maxLength(2000)))) }))
export const markReadInput: z.ZodMiniType<MarkReadInput> = z.lazy(() =>
  z.strictObject({ messageIds: z.array(messageId()).check(z.minLength(1, { error: '请指定消息' }), z.maxLength(10, { error: '一次最多标记 10 条' })) })
)
export const messageIdInput: z.ZodMiniType<MessageIdInput> = z.lazy(() => z.strictObject({ messageId: messageId() }))
export const emptyInboxInput: z.ZodMiniType<Record<string, never>> = z.lazy(() => z.strictObject({}))
