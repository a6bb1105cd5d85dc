import * as z from 'zod'
import type {
  AdjustPointsInput, ListRedemptionsInput, MallItemInput, RedeemInput, RuleSetting, SegmentsInput, ShipRedemptionInput, Tier,
  UpdateGrowthSettingsInput, UpdateMallItemInput
} from '../../../types/growth'
import type { PageInput } from '../../../types/page'
import { fileIdSchema } from '../members/schemas'

const int = (min: number, max: number, what: string) =>
  z.number({ error: `${what}必须是数字` }).int({ error: `${what}必须是整数` }).min(min, { error: `${what}不能小于 ${min}` }).max(max, { error: `${what}不能大于 ${max}` })
const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).max(max, { error: `${what}最多 ${max} 个字` }).refine((s) => s.trim().length >= min, { error: min > 0 ? `请填写${what}` : `${what}不合法` })
const cursor = z.string().max(2000, { error: '分页参数太长' }).nullable().optional()
const requestId = z.string({ error: '请求标识必须是文字' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求标识格式不正确' })

export const emptyInput = z.strictObject({}) as unknown as z.ZodType<Record<string, never>>
export const pageInput: z.ZodType<PageInput> = z.strictObject({ after: cursor })

const ruleSetting: z.ZodType<RuleSetting> = z.strictObject({ points: int(0, 100000, '积分'), growth: int(0, 100000, '成长值'), dailyCap: int(1, 1000000, '每日上限').nullable() })
const ruleNames = ['checkinPosted', 'streakReached', 'challengeCompleted', 'featuredByHost', 'commentReceived', 'eventAttended', 'inviteActivated', 'firstPayment'] as const
const tier: z.ZodType<Tier> = z.strictObject({
  level: int(1, 10, '等级'),
  name: text(1, 10, '等级名称'),
  minGrowth: int(0, 100_000_000, '成长值门槛'),
  perks: z.strictObject({ eventDiscountPercent: int(0, 100, '活动折扣'), monthlyMakeupCards: int(0, 30, '每月补卡'), badge: text(0, 6, '徽章') })
})

export const updateSettingsInput: z.ZodType<UpdateGrowthSettingsInput> = z.strictObject({
  rules: z.strictObject(Object.fromEntries(ruleNames.map((name) => [name, ruleSetting.optional()]))).optional(),
  tiers: z.array(tier).min(1, { error: '至少需要一个等级' }).max(10, { error: '最多 10 个等级' }).optional(),
  pointsExpireMonths: int(0, 120, '积分有效期').optional()
}) as unknown as z.ZodType<UpdateGrowthSettingsInput>

export const adjustPointsInput: z.ZodType<AdjustPointsInput> = z.strictObject({
  memberOpenid: z.string({ error: '成员必须是文字' }).min(1).max(128, { error: '成员标识太长' }),
  points: int(-1_000_000, 1_000_000, '积分').refine((n) => n !== 0, { error: '调整的积分不能为 0' }),
  reason: text(1, 100, '调整原因'),
  requestId
})

const mallItemFields = {
  name: text(1, 40, '商品名称'),
  description: text(0, 500, '商品介绍'),
  imageFileId: fileIdSchema,
  kind: z.enum(['makeupCard', 'physical', 'virtual', 'coupon'], { error: '商品类型只能是补卡、实物、虚拟或优惠券' }),
  pricePoints: int(1, 1_000_000, '兑换积分'),
  stock: int(0, 1_000_000, '库存'),
  minTierLevel: int(1, 10, '等级要求'),
  perMemberLimit: int(0, 1000, '每人限兑'),
  couponCampaignId: z.string({ error: '优惠券必须是文字' }).min(1, { error: '请选择优惠券' }).max(200, { error: '优惠券标识太长' }).nullable().optional()
}
export const mallItemInput: z.ZodType<MallItemInput> = z.strictObject(mallItemFields)
export const updateMallItemInput: z.ZodType<UpdateMallItemInput> = z.strictObject({
  itemId: z.string().min(1).max(200),
  active: z.boolean({ error: 'active 必须是布尔值' }).optional(),
  ...Object.fromEntries(Object.entries(mallItemFields).map(([k, v]) => [k, v.optional()]))
}) as unknown as z.ZodType<UpdateMallItemInput>

export const redeemInput: z.ZodType<RedeemInput> = z.strictObject({
  itemId: z.string({ error: '商品必须是文字' }).min(1).max(200),
  requestId,
  address: z.strictObject({
    name: text(1, 20, '收货人'),
    phone: z.string({ error: '手机号必须是文字' }).regex(/^1\d{10}$/, { error: '请填写 11 位手机号' }),
    address: text(5, 200, '收货地址')
  }).optional()
})
export const listRedemptionsInput: z.ZodType<ListRedemptionsInput> = z.strictObject({
  status: z.enum(['done', 'awaitingShipment', 'shipped'], { error: '状态不合法' }).optional(),
  after: cursor
})
export const shipRedemptionInput: z.ZodType<ShipRedemptionInput> = z.strictObject({ redemptionId: z.string().min(1).max(300), trackingNo: text(1, 40, '快递单号') })
export const segmentsInput: z.ZodType<SegmentsInput> = z.strictObject({ segment: z.enum(['kol', 'core', 'ordinary', 'silent'], { error: '分层不合法' }).optional(), after: cursor })
