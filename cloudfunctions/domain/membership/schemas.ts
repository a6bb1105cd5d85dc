import * as z from 'zod'
import type { CircleIdInput, CircleInput, CreateOrderInput, HostRefundInput, JoinFreeInput, ListOrdersInput, OrderIdInput, UpdateCircleInput, MyOrdersInput } from '../../../types/membership'
import { fileIdSchema } from '../members/schemas'

const int = (min: number, max: number, what: string) =>
  z.number({ error: `${what}必须是数字` }).int({ error: `${what}必须是整数` }).min(min, { error: `${what}不能小于 ${min}` }).max(max, { error: `${what}不能大于 ${max}` })
const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).max(max, { error: `${what}最多 ${max} 个字` }).refine((s) => s.trim().length >= min, { error: `请填写${what}` })
const id = (what: string) => z.string({ error: `${what}必须是文字` }).min(1, { error: `缺少${what}` }).max(200, { error: `${what}太长` })

const plan = z.strictObject({ name: text(1, 20, '套餐名称'), days: int(1, 3660, '天数'), priceFen: int(1, 10_000_000, '价格（分）') })
const circleFields = {
  name: text(1, 30, '圈子名称'),
  description: text(0, 2000, '介绍'),
  coverFileId: fileIdSchema,
  kind: z.enum(['free', 'paid', 'trialThenPaid'], { error: '类型只能是免费、付费或先试用后付费' }),
  trialDays: int(1, 30, '试用天数'),
  joinQuestions: z.array(text(1, 100, '加入问题'), { error: '加入问题格式不正确' }).max(3, { error: '最多 3 个加入问题' }),
  plans: z.array(plan, { error: '套餐格式不正确' }).max(5, { error: '最多 5 个套餐' }),
  fullRefundDays: int(0, 30, '全额退款天数'),
  refundAfter: z.enum(['prorata', 'none'], { error: '退款规则只能是按剩余天数或不退' })
}
export const circleInput: z.ZodType<CircleInput> = z.strictObject(circleFields)
export const updateCircleInput: z.ZodType<UpdateCircleInput> = z.strictObject({
  circleId: id('圈子'),
  ...Object.fromEntries(Object.entries(circleFields).filter(([k]) => k !== 'plans').map(([k, v]) => [k, v.optional()])),
  plans: z.array(plan.extend({ id: z.string().max(40).optional() })).max(5, { error: '最多 5 个套餐' }).optional()
}) as unknown as z.ZodType<UpdateCircleInput>
export const circleIdInput: z.ZodType<CircleIdInput> = z.strictObject({ circleId: id('圈子') })
export const joinFreeInput: z.ZodType<JoinFreeInput> = z.strictObject({ circleId: id('圈子'), answers: z.array(text(0, 500, '回答')).max(3, { error: '回答太多' }) })
export const createOrderInput: z.ZodType<CreateOrderInput> = z.strictObject({ circleId: id('圈子'), planId: id('套餐'), couponId: id('优惠券').optional() })
export const orderIdInput: z.ZodType<OrderIdInput> = z.strictObject({ orderId: id('订单') })
export const myOrdersInput: z.ZodType<MyOrdersInput> = z.strictObject({
  kind: z.enum(['membership', 'event'], { error: '订单类型只能是会员或活动' }).optional(),
  after: z.string().max(2000).nullable().optional()
})
export const listOrdersInput: z.ZodType<ListOrdersInput> = z.strictObject({
  status: z.enum(['created', 'fulfilled', 'closed', 'refunding', 'refunded'], { error: '订单状态不合法' }).optional(),
  kind: z.enum(['membership', 'event'], { error: '订单类型只能是会员或活动' }).optional(),
  after: z.string().max(2000).nullable().optional()
})
export const hostRefundInput: z.ZodType<HostRefundInput> = z.strictObject({
  orderId: id('订单'),
  amountFen: int(1, 10_000_000, '退款金额（分）'),
  requestId: z.string({ error: '请求标识必须是文字' }).regex(/^[A-Za-z0-9_-]{4,24}$/, { error: '请求标识格式不正确' }),
  reason: text(1, 80, '退款原因'),
  cancelSignup: z.boolean({ error: '是否取消报名必须是布尔值' }).optional()
})
