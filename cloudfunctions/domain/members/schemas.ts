import { z } from 'zod'
import type { MeInput, UpdateProfileInput } from '../../../types/member'

// Control characters and the zero-width family make nicknames that look empty or impersonate others.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/

export const nicknameSchema = z
  .string({ error: '昵称必须是文字' })
  .max(200, { error: '昵称最多 20 个字' })
  .transform((s) => s.trim())
  .refine((s) => [...s].length >= 1 && [...s].length <= 20, { error: '昵称需为 1–20 个字' })
  .refine((s) => !INVISIBLE.test(s), { error: '昵称不能包含不可见字符' })

export const fileIdSchema = z
  .string({ error: '文件标识必须是文字' })
  .max(512, { error: '文件标识太长' })
  .refine((s) => s === '' || /^(local|cloud):\/\/[\w./-]+$/.test(s), { error: '文件标识格式不正确' })

export const meInput: z.ZodType<MeInput> = z.strictObject({
  inviteCode: z.string({ error: '邀请码必须是文字' }).regex(/^[A-Za-z0-9]{1,32}$/, { error: '邀请码格式不正确' }).optional()
})

export const updateProfileInput: z.ZodType<UpdateProfileInput> = z
  .strictObject({ nickname: nicknameSchema.optional(), avatarFileId: fileIdSchema.optional() })
  .refine((v) => v.nickname !== undefined || v.avatarFileId !== undefined, { error: '请至少修改一项资料', path: ['nickname'] })
