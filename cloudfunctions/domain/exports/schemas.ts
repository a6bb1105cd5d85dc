import * as z from 'zod/mini'
import type { ExportsInput, StartExportInput } from '../../../types/exports'

const time = (what: string) =>
  z.number({ error: `${what}必须是数字` }).check(z.int({ error: `${what}必须是整数` }), z.gte(1_500_000_000_000, { error: `${what}不合法` }), z.lte(4_102_444_800_000, { error: `${what}不合法` }))

export const startExportInput: z.ZodMiniType<StartExportInput> = z.lazy(() =>
  z.strictObject({
    kind: z.enum(['members', 'checkins', 'orders', 'points'], { error: '导出类型只能是成员、打卡、订单或积分' }),
    filters: z.optional(z.strictObject({ from: z.optional(time('开始时间')), to: z.optional(time('结束时间')) }, { error: '筛选条件格式不对' }))
  })
)

export const exportsInput: z.ZodMiniType<ExportsInput> = z.lazy(() =>
  z.strictObject({ after: z.optional(z.nullable(z.string({ error: '分页标记必须是文字' }).check(z.maxLength(2000, { error: '分页标记太长' })))) })
)
