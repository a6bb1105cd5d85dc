// Input schemas of the check-in actions, checked against the contract in types/checkin.ts.
import * as z from 'zod/mini'
import { id, int } from '../input/fields'
import type {
  AddCommentInput,
  ChallengeIdInput,
  ChallengeInput,
  CheckinIdInput,
  CommentIdInput,
  FeatureInput,
  FeedInput,
  HideCheckinInput,
  ListChallengesInput,
  ListCommentsInput,
  MakeupCheckinInput,
  PostCheckinInput,
  ReportInput,
  ResolveReportInput,
  ReviewCheckinInput,
  UpdateChallengeInput
} from '../../../types/checkin'
import type { PageInput } from '../../../types/page'
import type { CompletionReportInput } from '../../../types/completion'
import { fileIdSchema } from '../members/schemas'
import { isValidDate } from '../time/china-calendar'

const cursor = z.optional(z.nullable(z.string().check(z.maxLength(2000, { error: '分页参数太长' }))))
const date = z.string().check(z.maxLength(10), z.refine(isValidDate, { error: '日期格式应为 YYYY-MM-DD' }))
const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:mm' }))
const text = (max: number, what: string) => z.string({ error: `${what}必须是文字` }).check(z.maxLength(max, { error: `${what}最多 ${max} 个字` }))
const degrees = (min: number, max: number, what: string) =>
  z
    .number({ error: `${what}必须是数字` })
    .check(z.refine(Number.isFinite, { error: `${what}必须是数字` }), z.gte(min, { error: `${what}不能小于 ${min}` }), z.lte(max, { error: `${what}不能大于 ${max}` }))
const filled = (message: string) => z.refine<string>((s) => s.trim().length > 0, { error: message })

const challengeFields = () => ({
  title: text(40, '标题').check(filled('请填写挑战标题')),
  description: text(2000, '介绍'),
  depositFen: z.optional(int(0, 100000, '押金')),
  forfeitTo: z.optional(z.enum(['completers', 'host'], { error: '押金分配只能是 completers（完成者平分）或 host（归主理人）' })),
  coverFileId: fileIdSchema,
  startDate: date,
  days: int(1, 365, '天数'),
  windowStart: clock,
  windowEnd: clock,
  minTextLength: int(0, 500, '最少字数'),
  minPhotos: int(0, 9, '最少图片数'),
  maxPhotos: int(0, 9, '最多图片数'),
  pointsPerCheckin: int(0, 1000, '打卡积分'),
  streakBonuses: z
    .array(z.strictObject({ day: int(2, 365, '连续天数'), points: int(1, 10000, '奖励积分') }), { error: '连续打卡奖励格式不正确' })
    .check(z.maxLength(10, { error: '连续打卡奖励最多 10 档' })),
  makeupCardsPerMember: int(0, 30, '补卡次数'),
  circleId: z.nullable(id('圈子')),
  geofence: z.optional(
    z.nullable(
      z.strictObject(
        {
          name: text(30, '地点名称').check(filled('请填写打卡地点的名称')),
          lat: degrees(-90, 90, '纬度'),
          lng: degrees(-180, 180, '经度'),
          radiusM: int(50, 5000, '打卡范围（米）')
        },
        { error: '打卡地点格式不正确' }
      )
    )
  ),
  hostReview: z.optional(z.boolean({ error: '主理人点评必须是布尔值' })),
  minTierLevel: int(1, 10, '等级要求'),
  completionDays: z.optional(int(1, 365, '完成天数')),
  makeupsCount: z.optional(z.boolean({ error: '补卡是否计入必须是布尔值' }))
})

export const challengeInput: z.ZodMiniType<ChallengeInput> = z.lazy(() => z.strictObject(challengeFields()))
export const updateChallengeInput: z.ZodMiniType<UpdateChallengeInput> = z.lazy(
  () =>
    z
      .strictObject({ challengeId: id('挑战'), ...Object.fromEntries(Object.entries(challengeFields()).map(([k, v]) => [k, z.optional(v)])) })
      .check(z.refine((v) => Object.keys(v).length > 1, { error: '请至少修改一项', path: ['challengeId'] })) as unknown as z.ZodMiniType<UpdateChallengeInput>
)
export const challengeIdInput: z.ZodMiniType<ChallengeIdInput> = z.lazy(() => z.strictObject({ challengeId: id('挑战') }))
export const completionReportInput: z.ZodMiniType<CompletionReportInput> = z.lazy(() => z.strictObject({ challengeId: id('挑战'), memberOpenid: z.optional(id('成员')) }))
export const listChallengesInput: z.ZodMiniType<ListChallengesInput> = z.lazy(() =>
  z.strictObject({
    phase: z.optional(z.enum(['upcoming', 'running', 'ended', 'all'], { error: '阶段只能是 upcoming、running、ended 或 all' })),
    includeArchived: z.optional(z.boolean({ error: 'includeArchived 必须是布尔值' })),
    circleId: z.optional(id('圈子')),
    after: cursor
  })
)

const checkinFields = () => ({
  challengeId: id('挑战'),
  text: text(2000, '打卡内容'),
  photoFileIds: z.array(fileIdSchema.check(z.refine((s) => s !== '', { error: '图片标识不能为空' })), { error: '图片列表格式不正确' }).check(
    z.maxLength(9, { error: '最多 9 张图片' }),
    z.refine((ids) => new Set(ids).size === ids.length, { error: '图片不能重复' })
  ),
  location: z.optional(text(50, '位置')),
  coords: z.optional(z.strictObject({ lat: degrees(-90, 90, '纬度'), lng: degrees(-180, 180, '经度') }, { error: '位置格式不正确' }))
})
export const postCheckinInput: z.ZodMiniType<PostCheckinInput> = z.lazy(() => z.strictObject(checkinFields()))
export const makeupCheckinInput: z.ZodMiniType<MakeupCheckinInput> = z.lazy(() => z.strictObject({ ...checkinFields(), date }))

export const feedInput: z.ZodMiniType<FeedInput> = z.lazy(() =>
  z.strictObject({
    scope: z.enum(['all', 'challenge', 'featured', 'member'], { error: '范围只能是 all、challenge、featured 或 member' }),
    challengeId: z.optional(id('挑战')),
    authorOpenid: z.optional(id('成员')),
    after: cursor
  })
)
export const checkinIdInput: z.ZodMiniType<CheckinIdInput> = z.lazy(() => z.strictObject({ checkinId: id('打卡') }))
export const addCommentInput: z.ZodMiniType<AddCommentInput> = z.lazy(() =>
  z.strictObject({
    checkinId: id('打卡'),
    text: text(500, '评论').check(filled('评论不能为空')),
    parentId: z.optional(z.nullable(id('评论')))
  })
)
export const commentIdInput: z.ZodMiniType<CommentIdInput> = z.lazy(() => z.strictObject({ commentId: id('评论') }))
export const listCommentsInput: z.ZodMiniType<ListCommentsInput> = z.lazy(() => z.strictObject({ checkinId: id('打卡'), after: cursor }))
export const reportInput: z.ZodMiniType<ReportInput> = z.lazy(() =>
  z.strictObject({
    targetType: z.enum(['checkin', 'comment'], { error: '举报对象只能是打卡或评论' }),
    targetId: id('举报对象'),
    reason: text(200, '举报理由').check(filled('请填写举报理由'))
  })
)
export const featureInput: z.ZodMiniType<FeatureInput> = z.lazy(() => z.strictObject({ checkinId: id('打卡'), featured: z.boolean({ error: 'featured 必须是布尔值' }) }))
export const hideCheckinInput: z.ZodMiniType<HideCheckinInput> = z.lazy(() => z.strictObject({ checkinId: id('打卡'), hidden: z.boolean({ error: 'hidden 必须是布尔值' }) }))
export const pageInput: z.ZodMiniType<PageInput> = z.lazy(() => z.strictObject({ after: cursor }))
export const reviewCheckinInput: z.ZodMiniType<ReviewCheckinInput> = z.lazy(() =>
  z.strictObject({
    checkinId: id('打卡'),
    grade: z.enum(['excellent', 'pass', 'fail'], { error: '评级只能是 excellent（优秀）、pass（合格）或 fail（不合格）' }),
    comment: z.optional(text(200, '点评'))
  })
)
export const resolveReportInput: z.ZodMiniType<ResolveReportInput> = z.lazy(() =>
  z.strictObject({
    reportId: id('举报'),
    resolution: z.enum(['hide', 'dismiss'], { error: '处理方式只能是 hide 或 dismiss' })
  })
)
