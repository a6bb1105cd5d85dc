import * as z from 'zod/mini'
import type { BuyGiftCardInput, GiftCardIdInput, GiftLogsInput, SetWelcomeGiftInput } from '../../../../types/gift'
import type { PageInput } from '../../../../types/page'
import { int, id, after } from '../sold-target/schemas'

const welcome = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('none') }),
    z.strictObject({ type: z.literal('coupon'), campaignId: id('优惠券活动') }),
    z.strictObject({ type: z.literal('trial'), circleId: id('圈子'), days: int(1, 30, '体验天数') }),
    z.strictObject({ type: z.literal('makeupCard'), count: int(1, 5, '补签卡张数') })
  ],
  { error: '欢迎礼只能是优惠券、体验天数或补签卡' }
)

export const setWelcomeGiftInput: z.ZodMiniType<SetWelcomeGiftInput> = z.lazy(() => z.strictObject({ welcome }))

export const buyGiftCardInput: z.ZodMiniType<BuyGiftCardInput> = z.lazy(() =>
  z.strictObject({
    circleId: id('圈子'),
    planId: id('套餐'),
    message: z.optional(z.string({ error: '赠言必须是文字' }).check(z.maxLength(40, { error: '赠言最多 40 个字' })))
  })
)

export const giftCardIdInput: z.ZodMiniType<GiftCardIdInput> = z.lazy(() => z.strictObject({ cardId: id('礼品卡') }))

export const giftPageInput: z.ZodMiniType<PageInput> = z.lazy(() => z.strictObject({ after }))

export const giftLogsInput: z.ZodMiniType<GiftLogsInput> = z.lazy(() => z.strictObject({ after, source: z.optional(z.enum(['cards', 'welcomes'], { error: '记录来源只能是礼品卡或欢迎礼' })) }))

export const emptyInput: z.ZodMiniType<Record<string, never>> = z.lazy(() => z.strictObject({}))
