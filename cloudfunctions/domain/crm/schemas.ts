import * as z from 'zod/mini'
import { TAG_COLORS } from '../../../types/crm'
import type {
  AddMemberNoteInput,
  JoinApplicationsInput,
  MemberIdInput,
  MemberListInput,
  RemoveFromCircleInput,
  ReviewJoinInput,
  SetMemberSegmentInput,
  TagIdInput,
  TagInput,
  TagMembersInput,
  UpdateTagInput
} from '../../../types/crm'

const id = (what: string) => z.string({ error: `${what}必须是文字` }).check(z.minLength(1, { error: `缺少${what}` }), z.maxLength(128, { error: `${what}太长` }))
const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what}必须是文字` }).check(
    z.maxLength(max, { error: `${what}最多 ${max} 个字` }),
    z.refine((s) => s.trim().length >= min, { error: `请填写${what}` })
  )
const after = z.optional(z.nullable(z.string().check(z.maxLength(2000))))
const segment = z.enum(['kol', 'core', 'ordinary', 'silent'], { error: '分层不合法' })
const instant = (what: string) => z.number({ error: `${what}必须是时间` }).check(z.int({ error: `${what}必须是时间` }), z.gte(0, { error: `${what}不合法` }))
const tagFields = () => ({ name: text(1, 12, '标签名称'), color: z.enum(TAG_COLORS, { error: '标签颜色不合法' }) })

export const memberListInput: z.ZodMiniType<MemberListInput> = z.lazy(() =>
  z.strictObject({
    q: z.optional(z.string({ error: '搜索词必须是文字' }).check(z.maxLength(20, { error: '搜索词最多 20 个字' }))),
    segment: z.optional(segment),
    tagId: z.optional(id('标签')),
    circleId: z.optional(id('圈子')),
    tier: z.optional(z.number({ error: '等级必须是数字' }).check(z.int({ error: '等级必须是整数' }), z.gte(1, { error: '等级不合法' }), z.lte(10, { error: '等级不合法' }))),
    joinedFrom: z.optional(instant('加入时间')),
    joinedTo: z.optional(instant('加入时间')),
    active: z.optional(z.enum(['7d', '30d', 'over30d'], { error: '最近活跃只能是 7 天、30 天或超过 30 天' })),
    after
  })
)
export const memberIdInput: z.ZodMiniType<MemberIdInput> = z.lazy(() => z.strictObject({ memberId: id('成员') }))
export const tagInput: z.ZodMiniType<TagInput> = z.lazy(() => z.strictObject(tagFields()))
export const updateTagInput: z.ZodMiniType<UpdateTagInput> = z.lazy(() => z.strictObject({ tagId: id('标签'), ...tagFields() }))
export const tagIdInput: z.ZodMiniType<TagIdInput> = z.lazy(() => z.strictObject({ tagId: id('标签') }))
export const tagMembersInput: z.ZodMiniType<TagMembersInput> = z.lazy(() =>
  z.strictObject({
    memberIds: z.array(id('成员'), { error: '成员列表格式不正确' }).check(z.minLength(1, { error: '请选择成员' }), z.maxLength(100, { error: '一次最多 100 位成员' })),
    tagId: id('标签'),
    op: z.enum(['add', 'remove'], { error: '操作只能是添加或移除' })
  })
)
export const addMemberNoteInput: z.ZodMiniType<AddMemberNoteInput> = z.lazy(() => z.strictObject({ memberId: id('成员'), text: text(1, 500, '备注') }))
export const setMemberSegmentInput: z.ZodMiniType<SetMemberSegmentInput> = z.lazy(() => z.strictObject({ memberId: id('成员'), segment: z.nullable(segment) }))
export const removeFromCircleInput: z.ZodMiniType<RemoveFromCircleInput> = z.lazy(() =>
  z.strictObject({
    memberId: id('成员'),
    circleId: id('圈子'),
    block: z.boolean({ error: '是否拉黑必须是布尔值' }),
    refund: z.enum(['none', 'prorated', 'full'], { error: '退款方式只能是不退、按剩余天数或全额' })
  })
)
export const joinApplicationsInput: z.ZodMiniType<JoinApplicationsInput> = z.lazy(() =>
  z.strictObject({ status: z.optional(z.enum(['pending', 'approved', 'rejected'], { error: '状态不合法' })), circleId: z.optional(id('圈子')), after })
)
export const reviewJoinInput: z.ZodMiniType<ReviewJoinInput> = z.lazy(() =>
  z.strictObject({ applicationId: id('申请'), decision: z.enum(['approve', 'reject'], { error: '只能通过或拒绝' }), reason: z.optional(text(0, 60, '拒绝理由')) })
)
