// Input schemas of the circle content actions, checked against the contract in types/posts.ts.
import * as z from 'zod/mini'
import type {
  AddPostCommentInput,
  AnnouncementReadsInput,
  FeaturePostInput,
  ListPostCommentsInput,
  ListPostsInput,
  PostCommentIdInput,
  PostIdInput,
  PostInput,
  SearchPostsInput,
  UpdatePostInput
} from '../../../types/posts'
import type { CircleIdInput } from '../../../types/membership'
import { fileIdSchema } from '../members/schemas'

const id = (what: string) => z.string({ error: `${what}必须是文字` }).check(z.minLength(1, { error: `缺少${what}` }), z.maxLength(200, { error: `${what}太长` }))
const cursor = z.optional(z.nullable(z.string().check(z.maxLength(2000, { error: '分页参数太长' }))))
const text = (max: number, what: string) => z.string({ error: `${what}必须是文字` }).check(z.maxLength(max, { error: `${what}最多 ${max} 个字` }))
const filled = (message: string) => z.refine<string>((s) => s.trim().length > 0, { error: message })
const unique = (what: string) => z.refine<string[]>((ids) => new Set(ids).size === ids.length, { error: `${what}不能重复` })

const photoIds = () =>
  z.array(fileIdSchema.check(z.refine((s) => s !== '', { error: '图片标识不能为空' })), { error: '图片列表格式不正确' }).check(z.maxLength(9, { error: '最多 9 张图片' }), unique('图片'))
const files = () =>
  z
    .array(z.strictObject({ fileId: fileIdSchema.check(z.refine((s) => s !== '', { error: '文件标识不能为空' })), name: text(80, '文件名').check(filled('请填写文件名')) }), {
      error: '文件列表格式不正确'
    })
    .check(
      z.maxLength(9, { error: '最多 9 个文件' }),
      z.refine((fs) => new Set(fs.map((f) => f.fileId)).size === fs.length, { error: '文件不能重复' })
    )
const link = () =>
  z.nullable(
    z.strictObject({
      url: z.string({ error: '链接必须是文字' }).check(
        z.maxLength(500, { error: '链接太长' }),
        z.refine((u) => /^https?:\/\/[^\s]+$/i.test(u), { error: '链接需以 http:// 或 https:// 开头' })
      ),
      title: text(60, '链接标题').check(filled('请填写链接标题'))
    })
  )
const topics = () => z.array(text(12, '话题').check(filled('话题不能为空')), { error: '话题格式不正确' }).check(z.maxLength(3, { error: '每条内容最多 3 个话题' }), unique('话题'))
const tier = () =>
  z.nullable(z.number({ error: '等级要求必须是数字' }).check(z.int({ error: '等级要求必须是整数' }), z.gte(1, { error: '等级要求不能小于 1' }), z.lte(10, { error: '等级要求不能大于 10' })))

export const postInput: z.ZodMiniType<PostInput> = z.lazy(() =>
  z.strictObject({
    circleId: id('圈子'),
    kind: z.enum(['post', 'announcement'], { error: '类型只能是 post 或 announcement' }),
    title: z.optional(text(60, '标题')),
    text: text(5000, '正文'),
    photoFileIds: photoIds(),
    files: files(),
    link: z.optional(link()),
    topics: topics(),
    minTierLevel: z.optional(tier())
  })
)
export const updatePostInput: z.ZodMiniType<UpdatePostInput> = z.lazy(
  () =>
    z
      .strictObject({
        postId: id('内容'),
        title: z.optional(text(60, '标题')),
        text: z.optional(text(5000, '正文')),
        photoFileIds: z.optional(photoIds()),
        files: z.optional(files()),
        link: z.optional(link()),
        topics: z.optional(topics()),
        minTierLevel: z.optional(tier())
      })
      .check(z.refine((v) => Object.keys(v).length > 1, { error: '请至少修改一项', path: ['postId'] })) as unknown as z.ZodMiniType<UpdatePostInput>
)
export const postIdInput: z.ZodMiniType<PostIdInput> = z.lazy(() => z.strictObject({ postId: id('内容') }))
export const circleIdInput: z.ZodMiniType<CircleIdInput> = z.lazy(() => z.strictObject({ circleId: id('圈子') }))
export const listPostsInput: z.ZodMiniType<ListPostsInput> = z.lazy(() =>
  z.strictObject({
    circleId: id('圈子'),
    tab: z.optional(z.enum(['all', 'featured', 'announcements'], { error: '栏目只能是 all、featured 或 announcements' })),
    topic: z.optional(text(12, '话题').check(filled('话题不能为空'))),
    after: cursor
  })
)
export const searchPostsInput: z.ZodMiniType<SearchPostsInput> = z.lazy(() =>
  z.strictObject({
    circleId: id('圈子'),
    q: text(30, '搜索词').check(filled('请输入搜索词')),
    after: cursor
  })
)
export const featurePostInput: z.ZodMiniType<FeaturePostInput> = z.lazy(() => z.strictObject({ postId: id('内容'), featured: z.boolean({ error: 'featured 必须是布尔值' }) }))
export const announcementReadsInput: z.ZodMiniType<AnnouncementReadsInput> = z.lazy(() => z.strictObject({ postId: id('公告'), after: cursor }))
export const addPostCommentInput: z.ZodMiniType<AddPostCommentInput> = z.lazy(() =>
  z.strictObject({
    postId: id('内容'),
    text: text(500, '评论').check(filled('评论不能为空')),
    parentId: z.optional(z.nullable(id('评论')))
  })
)
export const listPostCommentsInput: z.ZodMiniType<ListPostCommentsInput> = z.lazy(() => z.strictObject({ postId: id('内容'), after: cursor }))
export const postCommentIdInput: z.ZodMiniType<PostCommentIdInput> = z.lazy(() => z.strictObject({ commentId: id('评论') }))
