import * as z from 'zod/mini'
import type { CreateStaffInviteInput, RemoveStaffInput, StaffInviteTokenInput } from '../../../types/staff'

export const createStaffInviteInput: z.ZodMiniType<CreateStaffInviteInput> = z.lazy(() =>
  z.strictObject({ role: z.enum(['admin', 'moderator', 'guest'], { error: '角色只能是管理员、审核员或嘉宾' }) })
)

export const staffInviteTokenInput: z.ZodMiniType<StaffInviteTokenInput> = z.lazy(() =>
  z.strictObject({ token: z.string({ error: '邀请链接无效' }).check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, { error: '邀请链接无效' })) })
)

export const removeStaffInput: z.ZodMiniType<RemoveStaffInput> = z.lazy(() =>
  z.strictObject({ memberId: z.string({ error: '请指定成员' }).check(z.minLength(1, { error: '请指定成员' }), z.maxLength(128, { error: '成员标识无效' })) })
)

export const emptyInput: z.ZodMiniType<Record<string, never>> = z.lazy(() => z.strictObject({}))
