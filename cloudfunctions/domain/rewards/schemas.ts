import * as z from 'zod/mini'
import { int } from '../input/fields'
import type { CampaignIdInput, CampaignInput, CouponScope, MyCouponsInput, UpdateCampaignInput } from '../../../types/coupons'
import { couponScopes, kindByCouponScope } from '../orders/kinds'

const id = () => z.string().check(z.minLength(1), z.maxLength(200))

/**
 * What a coupon may be used for: a scope some registered order kind claims
 * (orders/kinds.ts), so a new paid capability brings its scope with it. Read
 * when the schema is first used, after the function's kinds are installed.
 */
const couponScope = () => {
  const error = `适用范围只能是${couponScopes()
    .map((scope) => kindByCouponScope(scope)?.couponLabel ?? scope)
    .join('或')}`
  return z.custom<CouponScope>((value) => typeof value === 'string' && couponScopes().includes(value), { error })
}

export const campaignInput: z.ZodMiniType<CampaignInput> = z.lazy(() =>
  z.strictObject({
    name: z.string({ error: '名称必须是文字' }).check(
      z.maxLength(30, { error: '名称最多 30 个字' }),
      z.refine((s) => s.trim().length > 0, { error: '请填写名称' })
    ),
    kind: z.enum(['amountOff', 'percentOff', 'freeTicket'], { error: '类型只能是满减、折扣或免费票' }),
    amountOffFen: int(0, 10_000_000, '减免金额（分）'),
    percentOff: int(0, 99, '折扣'),
    minSpendFen: int(0, 10_000_000, '最低消费（分）'),
    validFrom: int(1_500_000_000_000, 4_102_444_800_000, '开始时间'),
    validTo: int(1_500_000_000_000, 4_102_444_800_000, '结束时间'),
    appliesTo: z.array(couponScope()).check(z.maxLength(couponScopes().length)),
    stock: int(1, 1_000_000, '数量'),
    channel: z.optional(z.enum(['claim', 'reward'], { error: '发放方式只能是领取或奖励' })),
    eventId: z.optional(z.nullable(z.string({ error: '活动必须是文字' }).check(z.minLength(1, { error: '缺少活动' }), z.maxLength(200, { error: '活动太长' }))))
  })
)
export const campaignIdInput: z.ZodMiniType<CampaignIdInput> = z.lazy(() => z.strictObject({ campaignId: id() }))
export const myCouponsInput: z.ZodMiniType<MyCouponsInput> = z.lazy(() =>
  z.strictObject({
    usableFor: z.optional(couponScope()),
    eventId: z.optional(id()),
    after: z.optional(z.nullable(z.string().check(z.maxLength(2000))))
  })
)
export const updateCampaignInput: z.ZodMiniType<UpdateCampaignInput> = z.lazy(() =>
  z.strictObject({
    campaignId: id(),
    name: z.optional(
      z.string({ error: '名称必须是文字' }).check(
        z.maxLength(30, { error: '名称最多 30 个字' }),
        z.refine((s) => s.trim().length > 0, { error: '请填写名称' })
      )
    ),
    validTo: z.optional(int(1_500_000_000_000, 4_102_444_800_000, '结束时间')),
    stock: z.optional(int(1, 1_000_000, '数量')),
    minSpendFen: z.optional(int(0, 10_000_000, '最低消费（分）'))
  })
)
