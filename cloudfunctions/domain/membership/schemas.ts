import * as z from 'zod/mini'
import { id, int, text } from '../input/fields'
import type { CircleIdInput, CircleInput, CreateOrderInput, HostRefundInput, JoinFreeInput, ListOrdersInput, OrderIdInput, UpdateCircleInput, MyOrdersInput } from '../../../types/membership'
import { fileIdSchema } from '../members/schemas'

const after = z.optional(z.nullable(z.string().check(z.maxLength(2000))))
const orderKind = z.optional(z.enum(['membership', 'event'], { error: '订单类型只能是会员或活动' }))

const plan = () => z.strictObject({ name: text(1, 20, '套餐名称'), days: int(1, 3660, '天数'), priceFen: int(1, 10_000_000, '价格（分）') })
const circleFields = () => ({
  name: text(1, 30, '圈子名称'),
  description: text(0, 2000, '介绍'),
  coverFileId: fileIdSchema,
  kind: z.enum(['free', 'paid', 'trialThenPaid'], { error: '类型只能是免费、付费或先试用后付费' }),
  trialDays: int(1, 30, '试用天数'),
  joinQuestions: z.array(text(1, 100, '加入问题'), { error: '加入问题格式不正确' }).check(z.maxLength(3, { error: '最多 3 个加入问题' })),
  plans: z.array(plan(), { error: '套餐格式不正确' }).check(z.maxLength(5, { error: '最多 5 个套餐' })),
  fullRefundDays: int(0, 30, '全额退款天数'),
  refundAfter: z.enum(['prorata', 'none'], { error: '退款规则只能是按剩余天数或不退' }),
  reviewRequired: z.optional(z.boolean({ error: '是否审核必须是布尔值' }))
})
export const circleInput: z.ZodMiniType<CircleInput> = z.lazy(() => z.strictObject(circleFields()))
export const updateCircleInput: z.ZodMiniType<UpdateCircleInput> = z.lazy(
  () =>
    z.strictObject({
      circleId: id('圈子'),
      ...Object.fromEntries(
        Object.entries(circleFields())
          .filter(([k]) => k !== 'plans')
          .map(([k, v]) => [k, z.optional(v)])
      ),
      plans: z.optional(z.array(z.extend(plan(), { id: z.optional(z.string().check(z.maxLength(40))) })).check(z.maxLength(5, { error: '最多 5 个套餐' })))
    }) as unknown as z.ZodMiniType<UpdateCircleInput>
)
export const circleIdInput: z.ZodMiniType<CircleIdInput> = z.lazy(() => z.strictObject({ circleId: id('圈子') }))
export const joinFreeInput: z.ZodMiniType<JoinFreeInput> = z.lazy(() => z.strictObject({ circleId: id('圈子'), answers: z.array(text(0, 500, '回答')).check(z.maxLength(3, { error: '回答太多' })) }))
export const createOrderInput: z.ZodMiniType<CreateOrderInput> = z.lazy(() => z.strictObject({ circleId: id('圈子'), planId: id('套餐'), couponId: z.optional(id('优惠券')) }))
export const orderIdInput: z.ZodMiniType<OrderIdInput> = z.lazy(() => z.strictObject({ orderId: id('订单') }))
export const myOrdersInput: z.ZodMiniType<MyOrdersInput> = z.lazy(() =>
  z.strictObject({
    kind: orderKind,
    after
  })
)
export const listOrdersInput: z.ZodMiniType<ListOrdersInput> = z.lazy(() =>
  z.strictObject({
    status: z.optional(z.enum(['created', 'fulfilled', 'closed', 'refunding', 'refunded'], { error: '订单状态不合法' })),
    kind: orderKind,
    after
  })
)
export const hostRefundInput: z.ZodMiniType<HostRefundInput> = z.lazy(() =>
  z.strictObject({
    orderId: id('订单'),
    amountFen: int(1, 10_000_000, '退款金额（分）'),
    requestId: z.string({ error: '请求标识必须是文字' }).check(z.regex(/^[A-Za-z0-9_-]{4,24}$/, { error: '请求标识格式不正确' })),
    reason: text(1, 80, '退款原因'),
    cancelSignup: z.optional(z.boolean({ error: '是否取消报名必须是布尔值' }))
  })
)
