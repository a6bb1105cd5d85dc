import * as z from 'zod/mini'
import { id, int, text } from '../input/fields'
import type { CheckInAttendeeInput, CheckInTicketInput, EventIdInput, EventInput, ListEventsInput, SignupInput, UpdateEventInput } from '../../../types/events'
import { fileIdSchema } from '../members/schemas'

const instant = (what: string) => int(1_500_000_000_000, 4_102_444_800_000, what)

const eventFields = () => ({
  title: text(1, 40, '活动标题'),
  description: text(0, 3000, '活动介绍'),
  coverFileId: fileIdSchema,
  startAt: instant('开始时间'),
  endAt: instant('结束时间'),
  mode: z.enum(['offline', 'online'], { error: '活动形式只能是线下或线上' }),
  address: text(0, 200, '地址'),
  onlineLink: text(0, 500, '线上链接'),
  capacity: int(1, 10000, '名额'),
  feeFen: int(0, 10_000_000, '费用（分）'),
  tierDiscount: z.boolean({ error: 'tierDiscount 必须是布尔值' }),
  signupDeadline: instant('报名截止时间'),
  circleId: z.nullable(id('圈子')),
  refundableHoursBefore: int(0, 720, '可退款时间'),
  feeReturn: z.enum(['none', 'refund', 'points'], { error: '费用返还只能是不返还、退款或积分' }),
  checkinOpensMinutesBefore: z.optional(int(0, 1440, '签到提前开放时间（分钟）')),
  minTierLevel: z.optional(int(1, 10, '等级要求'))
})
export const eventInput: z.ZodMiniType<EventInput> = z.lazy(() => z.strictObject(eventFields()))
export const updateEventInput: z.ZodMiniType<UpdateEventInput> = z.lazy(
  () =>
    z.strictObject({
      eventId: id('活动'),
      ...Object.fromEntries(Object.entries(eventFields()).map(([k, v]) => [k, z.optional(v)]))
    }) as unknown as z.ZodMiniType<UpdateEventInput>
)
export const eventIdInput: z.ZodMiniType<EventIdInput> = z.lazy(() => z.strictObject({ eventId: id('活动') }))
export const signupInput: z.ZodMiniType<SignupInput> = z.lazy(() => z.strictObject({ eventId: id('活动'), couponId: z.optional(id('优惠券')) }))
export const listEventsInput: z.ZodMiniType<ListEventsInput> = z.lazy(() =>
  z.strictObject({
    when: z.enum(['upcoming', 'past'], { error: '只能是 upcoming 或 past' }),
    after: z.optional(z.nullable(z.string().check(z.maxLength(2000))))
  })
)
export const checkInTicketInput: z.ZodMiniType<CheckInTicketInput> = z.lazy(() =>
  z.strictObject({ eventId: id('活动'), ticketCode: z.string({ error: '票码必须是文字' }).check(z.minLength(1, { error: '请输入票码' }), z.maxLength(1000, { error: '票码太长' })) })
)
export const checkInAttendeeInput: z.ZodMiniType<CheckInAttendeeInput> = z.lazy(() => z.strictObject({ eventId: id('活动'), signupId: id('报名') }))
