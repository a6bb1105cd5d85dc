import * as z from 'zod'
import type { CampaignIdInput, CampaignInput, MyCouponsInput } from '../../../types/coupons'

const int = (min: number, max: number, what: string) =>
  z.number({ error: `${what}必须是数字` }).int({ error: `${what}必须是整数` }).min(min, { error: `${what}不能小于 ${min}` }).max(max, { error: `${what}不能大于 ${max}` })

export const campaignInput: z.ZodType<CampaignInput> = z.strictObject({
  name: z.string({ error: '名称必须是文字' }).max(30, { error: '名称最多 30 个字' }).refine((s) => s.trim().length > 0, { error: '请填写名称' }),
  kind: z.enum(['amountOff', 'percentOff', 'freeTicket'], { error: '类型只能是满减、折扣或免费票' }),
  amountOffFen: int(0, 10_000_000, '减免金额（分）'),
  percentOff: int(0, 99, '折扣'),
  minSpendFen: int(0, 10_000_000, '最低消费（分）'),
  validFrom: int(1_500_000_000_000, 4_102_444_800_000, '开始时间'),
  validTo: int(1_500_000_000_000, 4_102_444_800_000, '结束时间'),
  appliesTo: z.array(z.enum(['membership', 'event'], { error: '适用范围只能是会员或活动' })).max(2),
  stock: int(1, 1_000_000, '数量'),
  channel: z.enum(['claim', 'reward'], { error: '发放方式只能是领取或奖励' }).optional(),
  eventId: z.string({ error: '活动必须是文字' }).min(1, { error: '缺少活动' }).max(200, { error: '活动太长' }).nullable().optional()
})
export const campaignIdInput: z.ZodType<CampaignIdInput> = z.strictObject({ campaignId: z.string().min(1).max(200) })
export const myCouponsInput: z.ZodType<MyCouponsInput> = z.strictObject({
  usableFor: z.enum(['membership', 'event'], { error: '适用范围只能是会员或活动' }).optional(),
  eventId: z.string().min(1).max(200).optional(),
  after: z.string().max(2000).nullable().optional()
})
