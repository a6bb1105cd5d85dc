import * as z from 'zod'
import type { MeInput, UpdateProfileInput } from '../../../types/member'
import { nicknameError } from '../../../types/nickname'

// One rule with the profile form (types/nickname.ts): emoji sequences welcome; lone surrogates,
// hidden control/format characters and names with nothing visible refused.
export const nicknameSchema = z
  .string({ error: '昵称必须是文字' })
  .max(200, { error: '昵称最多 20 个字' })
  .transform((s) => s.trim())
  .superRefine((s, ctx) => {
    const message = nicknameError(s)
    if (message) ctx.addIssue({ code: 'custom', message })
  })

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
