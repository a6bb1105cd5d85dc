import * as z from 'zod/mini'
import type { MeInput, UpdateProfileInput } from '../../../types/member'
import { nicknameError } from '../../../types/nickname'

// One rule with the profile form (types/nickname.ts): emoji sequences welcome; lone surrogates,
// hidden control/format characters and names with nothing visible refused.
export const nicknameSchema = z.string({ error: '昵称必须是文字' }).check(
  z.maxLength(200, { error: '昵称最多 20 个字' }),
  z.trim(),
  z.superRefine((s, ctx) => {
    const message = nicknameError(s)
    if (message) ctx.addIssue({ code: 'custom', message })
  })
)

export const fileIdSchema = z.string({ error: '文件标识必须是文字' }).check(
  z.maxLength(512, { error: '文件标识太长' }),
  z.refine((s) => s === '' || /^(local|cloud):\/\/[\w./-]+$/.test(s), { error: '文件标识格式不正确' })
)

export const meInput: z.ZodMiniType<MeInput> = z.lazy(() =>
  z.strictObject({
    inviteCode: z.optional(z.string({ error: '邀请码必须是文字' }).check(z.regex(/^[A-Za-z0-9]{1,32}$/, { error: '邀请码格式不正确' })))
  })
)

export const updateProfileInput: z.ZodMiniType<UpdateProfileInput> = z.lazy(() =>
  z
    .strictObject({ nickname: z.optional(nicknameSchema), avatarFileId: z.optional(fileIdSchema) })
    .check(z.refine((v) => v.nickname !== undefined || v.avatarFileId !== undefined, { error: '请至少修改一项资料', path: ['nickname'] }))
)
