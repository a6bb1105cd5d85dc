// Announcements' 已读 (one document per member, never a shared counter), 精华,
// topics, keyword search, and likes and comments through the check-in code, on
// the strict twin with concurrent taps.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { COLLECTIONS } from '../../cloudfunctions/platform/collections'
import { ADMIN, GUEST, MEMBER, MODERATOR, OUTSIDER, TRIAL, addMembership, circleWithPeople, DAY } from './posts-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const base = (circleId: string) => ({ circleId, kind: 'post' as const, text: '', photoFileIds: [], files: [], topics: [] as string[] })

test('已读: a tap per member, any number of times at once, one document each; the host sees how many and who', async () => {
  const circle = await circleWithPeople(runtime)
  const notice = ok(await call('circle', 'createPost', { ...base(circle.id), kind: 'announcement', title: '本周直播时间', text: '周三晚 8 点' }, HOST))
  const readers = Array.from({ length: 12 }, (_, i) => `o_reader${i}`)
  for (const r of readers) await addMembership(runtime, circle.id, r, runtime.clock.now() + 30 * DAY)
  const taps = await Promise.all([...readers, ...readers, MEMBER, MEMBER, MEMBER].map((r) => call('circle', 'markAnnouncementRead', { postId: notice.id }, r)))
  expect(taps.every((t) => t.ok)).toBe(true)
  const stats = ok(await call('circle', 'announcementReads', { postId: notice.id }, HOST))
  expect(stats.readCount).toBe(13)
  expect(stats.readers.map((r) => r.author.openid).sort()).toEqual([...readers, MEMBER].sort())
  // The post itself is never written by a read.
  const stored = await runtime.store.collection(COLLECTIONS.posts.name).get(notice.id)
  expect(stored).not.toHaveProperty('readCount')
  expect(ok(await call('circle', 'getPost', { postId: notice.id }, MEMBER)).readByMe).toBe(true)
  expect(ok(await call('circle', 'getPost', { postId: notice.id }, TRIAL)).readByMe).toBe(false)
  // Members and guests do not see the reads; only announcements have them.
  for (const who of [MEMBER, GUEST, MODERATOR]) expect(await call('circle', 'announcementReads', { postId: notice.id }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const plain = ok(await call('circle', 'createPost', { ...base(circle.id), text: '普通帖子' }, HOST))
  expect(await call('circle', 'markAnnouncementRead', { postId: plain.id }, MEMBER)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '只有公告可以标记已读' } })
})

test('announcements are pinned on top (newest three), and the 全部 tab lists posts only', async () => {
  const circle = await circleWithPeople(runtime)
  const made: string[] = []
  for (let i = 0; i < 4; i++) {
    runtime.clock.advance(60_000)
    made.push(ok(await call('circle', 'createPost', { ...base(circle.id), kind: 'announcement', text: `公告 ${i}` }, HOST)).id)
  }
  const post = ok(await call('circle', 'createPost', { ...base(circle.id), text: '一条帖子' }, HOST))
  const content = ok(await call('circle', 'circleContent', { circleId: circle.id }, MEMBER))
  expect(content.pinned.map((p) => p.id)).toEqual([made[3], made[2], made[1]])
  expect(content.pinned.every((p) => p.pinned)).toBe(true)
  expect(ok(await call('circle', 'listPosts', { circleId: circle.id }, MEMBER)).items.map((p) => p.id)).toEqual([post.id])
  expect(ok(await call('circle', 'listPosts', { circleId: circle.id, tab: 'announcements' }, MEMBER)).items).toHaveLength(4)
})

test('精华 is marked by an admin and listed by when it was marked', async () => {
  const circle = await circleWithPeople(runtime)
  const a = ok(await call('circle', 'createPost', { ...base(circle.id), text: '第一篇' }, HOST))
  const b = ok(await call('circle', 'createPost', { ...base(circle.id), text: '第二篇' }, GUEST))
  expect(await call('circle', 'featurePost', { postId: a.id, featured: true }, GUEST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await call('circle', 'featurePost', { postId: a.id, featured: true }, MODERATOR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  ok(await call('circle', 'featurePost', { postId: b.id, featured: true }, ADMIN))
  runtime.clock.advance(1000)
  expect(ok(await call('circle', 'featurePost', { postId: a.id, featured: true }, HOST)).featured).toBe(true)
  expect(ok(await call('circle', 'listPosts', { circleId: circle.id, tab: 'featured' }, MEMBER)).items.map((p) => p.id)).toEqual([a.id, b.id])
  ok(await call('circle', 'featurePost', { postId: b.id, featured: false }, HOST))
  expect(ok(await call('circle', 'listPosts', { circleId: circle.id, tab: 'featured' }, MEMBER)).items.map((p) => p.id)).toEqual([a.id])
})

test('topics: per-post #话题#, the circle lists them, a topic lists its posts; edits and deletes move the links', async () => {
  const circle = await circleWithPeople(runtime)
  const a = ok(await call('circle', 'createPost', { ...base(circle.id), text: '间歇跑', topics: ['#训练#', '跑步'] }, HOST))
  runtime.clock.advance(1000)
  const b = ok(await call('circle', 'createPost', { ...base(circle.id), text: '早餐', topics: ['饮食'] }, GUEST))
  expect(a.topics).toEqual(['训练', '跑步'])
  const topics = ok(await call('circle', 'circleContent', { circleId: circle.id }, MEMBER)).topics
  expect(topics[0]).toBe('饮食') // most recently used first
  expect([...topics].sort()).toEqual(['训练', '跑步', '饮食'].sort())
  expect(ok(await call('circle', 'listPosts', { circleId: circle.id, topic: '训练' }, MEMBER)).items.map((p) => p.id)).toEqual([a.id])
  ok(await call('circle', 'updatePost', { postId: b.id, topics: ['训练'] }, GUEST))
  expect(ok(await call('circle', 'listPosts', { circleId: circle.id, topic: '训练' }, MEMBER)).items.map((p) => p.id)).toEqual([b.id, a.id])
  expect(ok(await call('circle', 'listPosts', { circleId: circle.id, topic: '饮食' }, MEMBER)).items).toEqual([])
  ok(await call('circle', 'deletePost', { postId: a.id }, HOST))
  expect(ok(await call('circle', 'listPosts', { circleId: circle.id, topic: '训练' }, MEMBER)).items.map((p) => p.id)).toEqual([b.id])
})

test('search: Chinese words without spaces, full-width and case folded, every word must match, paged over a long history', async () => {
  const circle = await circleWithPeople(runtime)
  const hit = ok(await call('circle', 'createPost', { ...base(circle.id), title: 'ＰＤＦ 讲义', text: '马拉松配速表和补给策略' }, HOST))
  ok(await call('circle', 'createPost', { ...base(circle.id), text: '马拉松报名' }, HOST))
  const search = (q: string) => call('circle', 'searchPosts', { circleId: circle.id, q }, MEMBER)
  expect(ok(await search('配速')).items.map((p) => p.id)).toEqual([hit.id])
  expect(ok(await search('pdf 补给')).items.map((p) => p.id)).toEqual([hit.id])
  expect(ok(await search('马拉松')).items).toHaveLength(2)
  expect(ok(await search('游泳')).items).toEqual([])
  expect(await search('  ')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请输入搜索词' } })
  // 350 newer posts: the first call reads 3 pages and hands back a cursor that reaches the old match.
  const posts = runtime.store.collection<{ _id: string } & Record<string, unknown>>(COLLECTIONS.posts.name)
  const stored = (await posts.get(hit.id))!
  for (let i = 0; i < 350; i++) await posts.insert({ ...stored, _id: `filler${i}`, title: '', text: '日常', search: '日常', createdAt: runtime.clock.now() + 1000 + i })
  const first = ok(await search('配速'))
  expect(first.items).toEqual([])
  expect(first.next).not.toBeNull()
  const second = ok(await call('circle', 'searchPosts', { circleId: circle.id, q: '配速', after: first.next }, MEMBER))
  expect(second.items.map((p) => p.id)).toEqual([hit.id])
})

test('likes and comments on posts go through the check-in code: exact counts under 30 concurrent likes, replies, deletes', async () => {
  const circle = await circleWithPeople(runtime)
  const post = ok(await call('circle', 'createPost', { ...base(circle.id), text: '打卡心得' }, HOST))
  const likers = Array.from({ length: 30 }, (_, i) => `o_liker${i}`)
  for (const l of likers) await addMembership(runtime, circle.id, l, runtime.clock.now() + 30 * DAY)
  const results = await Promise.all(likers.map((l) => call('circle', 'togglePostLike', { postId: post.id }, l)))
  expect(results.every((r) => r.ok)).toBe(true)
  expect(ok(await call('circle', 'getPost', { postId: post.id }, MEMBER)).likeCount).toBe(30)
  expect(ok(await call('circle', 'togglePostLike', { postId: post.id }, likers[0]))).toEqual({ liked: false, likeCount: 29 })
  const top = ok(await call('circle', 'addPostComment', { postId: post.id, text: '很有用' }, MEMBER))
  runtime.clock.advance(1000)
  const reply = ok(await call('circle', 'addPostComment', { postId: post.id, text: '同感', parentId: top.id }, TRIAL))
  expect(reply).toMatchObject({ postId: post.id, parentId: top.id, replyTo: { openid: MEMBER } })
  expect(ok(await call('circle', 'listPostComments', { postId: post.id }, GUEST)).items.map((c) => c.text)).toEqual(['很有用', '同感'])
  expect(await call('circle', 'deletePostComment', { commentId: top.id }, TRIAL)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能删除自己的评论' } })
  ok(await call('circle', 'deletePostComment', { commentId: reply.id }, MODERATOR))
  expect(ok(await call('circle', 'getPost', { postId: post.id }, MEMBER)).commentCount).toBe(1)
  // A post comment's id is no check-in comment, and back.
  expect(await call('checkin', 'deleteComment', { commentId: top.id }, MEMBER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await call('circle', 'addPostComment', { postId: post.id, text: '路过' }, OUTSIDER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})
