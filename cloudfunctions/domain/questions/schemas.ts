import * as z from 'zod/mini'
import { id, int } from '../input/fields'
import type { AnswerQuestionInput, AskQuestionInput, CircleIdOnlyInput, ListQuestionsInput, QuestionIdInput, QuestionQueueInput, UpdateQuestionSettingsInput } from '../../../types/questions'
import { fileIdSchema } from '../members/schemas'

const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).check(
    z.maxLength(max, { error: `${what}最多 ${max} 个字` }),
    z.refine((s) => s.trim().length >= min, { error: min > 1 ? `${what}至少 ${min} 个字` : `请填写${what}` })
  )
const after = z.optional(z.nullable(z.string({ error: '分页标记必须是文字' }).check(z.maxLength(2000, { error: '分页标记太长' }))))
const requestId = z.string({ error: '请求标识必须是文字' }).check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求标识格式不正确' }))

export const circleIdOnlyInput: z.ZodMiniType<CircleIdOnlyInput> = z.lazy(() => z.strictObject({ circleId: id('圈子') }))

export const updateQuestionSettingsInput: z.ZodMiniType<UpdateQuestionSettingsInput> = z.lazy(() =>
  z.strictObject({
    circleId: id('圈子'),
    answerers: z
      .array(z.strictObject({ openid: id('回答者'), priceFen: int(0, 100_000, '提问价格（分）'), refundDays: int(1, 30, '退款天数') }), { error: '回答者格式不正确' })
      .check(z.maxLength(10, { error: '最多 10 位回答者' }))
  })
)

export const askQuestionInput: z.ZodMiniType<AskQuestionInput> = z.lazy(() =>
  z.strictObject({
    circleId: id('圈子'),
    answererOpenid: id('回答者'),
    text: text(5, 500, '问题'),
    visibility: z.enum(['public', 'private'], { error: '公开范围只能是公开或仅自己可见' }),
    requestId
  })
)

export const questionIdInput: z.ZodMiniType<QuestionIdInput> = z.lazy(() => z.strictObject({ questionId: id('问题') }))

export const listQuestionsInput: z.ZodMiniType<ListQuestionsInput> = z.lazy(() =>
  z.strictObject({ circleId: id('圈子'), scope: z.enum(['answered', 'mine'], { error: '列表只能是已回答或我的提问' }), after })
)

export const questionQueueInput: z.ZodMiniType<QuestionQueueInput> = z.lazy(() => z.strictObject({ status: z.enum(['open', 'answered'], { error: '状态只能是待回答或已回答' }), after }))

export const answerQuestionInput: z.ZodMiniType<AnswerQuestionInput> = z.lazy(() =>
  z.strictObject({
    questionId: id('问题'),
    text: text(1, 2000, '回答'),
    photoFileIds: z.array(fileIdSchema.check(z.refine((s) => s !== '', { error: '图片标识不能为空' })), { error: '图片列表格式不正确' }).check(z.maxLength(9, { error: '最多 9 张图片' }))
  })
)
