// The input pieces every play's schemas are made of, with their Chinese messages.
import * as z from 'zod/mini'
import { id, int } from '../../input/fields'
export { id, int }

export const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).check(
    z.maxLength(max, { error: `${what}最多 ${max} 个字` }),
    z.refine((s) => s.trim().length >= min, { error: `${what}至少 ${min} 个字` })
  )
export const time = (what: string) => int(0, 8_640_000_000_000, what)
export const after = z.optional(z.nullable(z.string({ error: '分页标记必须是文字' }).check(z.maxLength(2000, { error: '分页标记太长' }))))

/** Where a physical mall item is sent (only asked for one). */
export const shippingAddress = z.optional(
  z.strictObject({
    name: text(1, 20, '收货人'),
    phone: z.string({ error: '手机号必须是文字' }).check(z.regex(/^1\d{10}$/, { error: '请填写 11 位手机号' })),
    address: text(5, 200, '收货地址')
  })
)
