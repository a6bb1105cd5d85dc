import * as z from 'zod/mini'
import { int } from '../input/fields'
import type {
  AdjustPointsInput,
  ListRedemptionsInput,
  MallItemInput,
  RedeemInput,
  RuleSetting,
  SegmentsInput,
  ShipRedemptionInput,
  Tier,
  UpdateGrowthSettingsInput,
  UpdateMallItemInput
} from '../../../types/growth'
import type { PageInput } from '../../../types/page'
import { fileIdSchema } from '../members/schemas'

const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).check(
    z.maxLength(max, { error: `${what}最多 ${max} 个字` }),
    z.refine((s) => s.trim().length >= min, { error: min > 0 ? `请填写${what}` : `${what}不合法` })
  )
const cursor = z.optional(z.nullable(z.string().check(z.maxLength(2000, { error: '分页参数太长' }))))
const requestId = z.string({ error: '请求标识必须是文字' }).check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求标识格式不正确' }))
const id = () => z.string().check(z.minLength(1), z.maxLength(200))

export const emptyInput = z.lazy(() => z.strictObject({}) as unknown as z.ZodMiniType<Record<string, never>>)
export const pageInput: z.ZodMiniType<PageInput> = z.lazy(() => z.strictObject({ after: cursor }))

const ruleSetting = (): z.ZodMiniType<RuleSetting> => z.strictObject({ points: int(0, 100000, '积分'), growth: int(0, 100000, '成长值'), dailyCap: z.nullable(int(1, 1000000, '每日上限')) })
const ruleNames = ['checkinPosted', 'streakReached', 'challengeCompleted', 'featuredByHost', 'commentReceived', 'eventAttended', 'inviteActivated', 'firstPayment', 'testimonialConverted'] as const
const tier = (): z.ZodMiniType<Tier> =>
  z.strictObject({
    level: int(1, 10, '等级'),
    name: text(1, 10, '等级名称'),
    minGrowth: int(0, 100_000_000, '成长值门槛'),
    perks: z.strictObject({ eventDiscountPercent: int(0, 100, '活动折扣'), monthlyMakeupCards: int(0, 30, '每月补卡'), badge: text(0, 6, '徽章') })
  })

export const updateSettingsInput: z.ZodMiniType<UpdateGrowthSettingsInput> = z.lazy(
  () =>
    z.strictObject({
      rules: z.optional(z.strictObject(Object.fromEntries(ruleNames.map((name) => [name, z.optional(ruleSetting())])))),
      tiers: z.optional(z.array(tier()).check(z.minLength(1, { error: '至少需要一个等级' }), z.maxLength(10, { error: '最多 10 个等级' }))),
      pointsExpireMonths: z.optional(int(0, 120, '积分有效期'))
    }) as unknown as z.ZodMiniType<UpdateGrowthSettingsInput>
)

export const adjustPointsInput: z.ZodMiniType<AdjustPointsInput> = z.lazy(() =>
  z.strictObject({
    memberOpenid: z.string({ error: '成员必须是文字' }).check(z.minLength(1), z.maxLength(128, { error: '成员标识太长' })),
    points: int(-1_000_000, 1_000_000, '积分').check(z.refine((n) => n !== 0, { error: '调整的积分不能为 0' })),
    reason: text(1, 100, '调整原因'),
    requestId
  })
)

const mallItemFields = () => ({
  name: text(1, 40, '商品名称'),
  description: text(0, 500, '商品介绍'),
  imageFileId: fileIdSchema,
  kind: z.enum(['makeupCard', 'physical', 'virtual', 'coupon'], { error: '商品类型只能是补卡、实物、虚拟或优惠券' }),
  pricePoints: int(1, 1_000_000, '兑换积分'),
  stock: int(0, 1_000_000, '库存'),
  minTierLevel: int(1, 10, '等级要求'),
  perMemberLimit: int(0, 1000, '每人限兑'),
  couponCampaignId: z.optional(z.nullable(z.string({ error: '优惠券必须是文字' }).check(z.minLength(1, { error: '请选择优惠券' }), z.maxLength(200, { error: '优惠券标识太长' }))))
})
export const mallItemInput: z.ZodMiniType<MallItemInput> = z.lazy(() => z.strictObject(mallItemFields()))
export const updateMallItemInput: z.ZodMiniType<UpdateMallItemInput> = z.lazy(
  () =>
    z.strictObject({
      itemId: id(),
      active: z.optional(z.boolean({ error: 'active 必须是布尔值' })),
      ...Object.fromEntries(Object.entries(mallItemFields()).map(([k, v]) => [k, z.optional(v)]))
    }) as unknown as z.ZodMiniType<UpdateMallItemInput>
)

export const redeemInput: z.ZodMiniType<RedeemInput> = z.lazy(() =>
  z.strictObject({
    itemId: z.string({ error: '商品必须是文字' }).check(z.minLength(1), z.maxLength(200)),
    requestId,
    address: z.optional(
      z.strictObject({
        name: text(1, 20, '收货人'),
        phone: z.string({ error: '手机号必须是文字' }).check(z.regex(/^1\d{10}$/, { error: '请填写 11 位手机号' })),
        address: text(5, 200, '收货地址')
      })
    )
  })
)
export const listRedemptionsInput: z.ZodMiniType<ListRedemptionsInput> = z.lazy(() =>
  z.strictObject({
    status: z.optional(z.enum(['done', 'awaitingShipment', 'shipped'], { error: '状态不合法' })),
    after: cursor
  })
)
export const shipRedemptionInput: z.ZodMiniType<ShipRedemptionInput> = z.lazy(() =>
  z.strictObject({ redemptionId: z.string().check(z.minLength(1), z.maxLength(300)), trackingNo: text(1, 40, '快递单号') })
)
export const segmentsInput: z.ZodMiniType<SegmentsInput> = z.lazy(() => z.strictObject({ segment: z.optional(z.enum(['kol', 'core', 'ordinary', 'silent'], { error: '分层不合法' })), after: cursor }))
