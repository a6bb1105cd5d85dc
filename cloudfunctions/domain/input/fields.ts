// The input field rules the capabilities' schemas share, each refusal in
// Chinese naming the field (`what`): a whole number in a range, a text with a
// length (at least `min` characters besides spaces, at most `max`), and an id.
import * as z from 'zod/mini'

export const int = (min: number, max: number, what: string) =>
  z.number({ error: `${what}必须是数字` }).check(z.int({ error: `${what}必须是整数` }), z.gte(min, { error: `${what}不能小于 ${min}` }), z.lte(max, { error: `${what}不能大于 ${max}` }))

export const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).check(
    z.maxLength(max, { error: `${what}最多 ${max} 个字` }),
    z.refine((s) => s.trim().length >= min, { error: `请填写${what}` })
  )

export const id = (what: string) => z.string({ error: `${what}必须是文字` }).check(z.minLength(1, { error: `缺少${what}` }), z.maxLength(200, { error: `${what}太长` }))
