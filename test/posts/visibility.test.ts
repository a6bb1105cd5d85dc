// Circle content is members' content: by role, membership state and id probing,
// a post's body, photos, files and link reach only who may see them; everyone
// else sees it locked with its teaser and what unlocks it.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { payOrder } from '../helpers/pay'
import type { PostView } from '../../types/posts'
import { ADMIN, DAY, EXPIRED, GUEST, MEMBER, MODERATOR, OUTSIDER, TRIAL, circleWithPeople, uploadPdf, uploadPhoto } from './posts-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

async function hostPost(circleId: string, extra: Partial<Parameters<typeof call<'circle', 'createPost'>>[2]> = {}): Promise<PostView> {
  const pdf = await uploadPdf(runtime, HOST)
  const photo = await uploadPhoto(runtime, HOST)
  return ok(
    await call(
      'circle',
      'createPost',
      {
        circleId,
        kind: 'announcement',
        title: '十二月训练计划',
        text: '十二月训练计划\n每周三次间歇跑，周末长距离 20 公里。',
        photoFileIds: [photo.fileId],
        files: [{ fileId: pdf.fileId, name: '训练计划.pdf' }],
        link: { url: 'https://example.com/plan', title: '计划说明' },
        topics: ['训练'],
        ...extra
      },
      HOST
    )
  )
}

const SEES_ALL = [HOST, ADMIN, MODERATOR, GUEST, MEMBER, TRIAL]
const LOCKED_OUT = [EXPIRED, OUTSIDER]

test('every role and membership state sees a post whole or locked, by the same rule in the list, by id and in search', async () => {
  const circle = await circleWithPeople(runtime)
  const post = await hostPost(circle.id)
  expect(post.files).toEqual([expect.objectContaining({ name: '训练计划.pdf', contentType: 'application/pdf', size: expect.any(Number) })])

  for (const who of SEES_ALL) {
    const byId = ok(await call('circle', 'getPost', { postId: post.id }, who))
    expect([who, byId.locked, byId.text.length > 0, byId.photos.length, byId.files.length, byId.link?.url]).toEqual([who, null, true, 1, 1, 'https://example.com/plan'])
    const files = ok(await call('circle', 'postFileUrls', { postId: post.id }, who))
    expect(files.files[0].url).toMatch(/^\/files\/.+\.pdf$/)
  }
  for (const who of LOCKED_OUT) {
    for (const view of [
      ok(await call('circle', 'getPost', { postId: post.id }, who)),
      ok(await call('circle', 'listPosts', { circleId: circle.id, tab: 'announcements' }, who)).items[0],
      ok(await call('circle', 'circleContent', { circleId: circle.id }, who)).pinned[0]
    ]) {
      expect(view).toMatchObject({ id: post.id, teaser: '十二月训练计划', text: '', photos: [], files: [], link: null, photoCount: 1, fileCount: 1 })
      expect(view.locked).toEqual({ reason: 'join', circleId: circle.id, circleName: '跑者精进营', priceFen: 9900, label: '加入「跑者精进营」（¥99.00 起）解锁' })
      expect(JSON.stringify(view)).not.toContain('间歇跑')
      expect(JSON.stringify(view)).not.toContain('local://')
    }
    // Nothing past the teaser: file links, comments, likes, 已读.
    const refusal = { ok: false, error: { code: 'FORBIDDEN', message: '仅圈子成员可查看，加入「跑者精进营」（¥99.00 起）解锁' } }
    expect(await call('circle', 'postFileUrls', { postId: post.id }, who)).toMatchObject(refusal)
    expect(await call('circle', 'listPostComments', { postId: post.id }, who)).toMatchObject(refusal)
    expect(await call('circle', 'addPostComment', { postId: post.id, text: '看看' }, who)).toMatchObject(refusal)
    expect(await call('circle', 'togglePostLike', { postId: post.id }, who)).toMatchObject(refusal)
    expect(await call('circle', 'markAnnouncementRead', { postId: post.id }, who)).toMatchObject(refusal)
    // A search never reveals the body's words to who sees the post locked; the teaser is fair game.
    expect(ok(await call('circle', 'searchPosts', { circleId: circle.id, q: '间歇跑' }, who)).items).toEqual([])
    expect(ok(await call('circle', 'searchPosts', { circleId: circle.id, q: '训练计划' }, who)).items.map((p) => p.id)).toEqual([post.id])
  }
  expect(ok(await call('circle', 'searchPosts', { circleId: circle.id, q: '间歇跑' }, MEMBER)).items.map((p) => p.id)).toEqual([post.id])
})

test('a trial that ends locks the content again; paying unlocks it', async () => {
  const circle = await circleWithPeople(runtime)
  const post = await hostPost(circle.id)
  expect(ok(await call('circle', 'getPost', { postId: post.id }, TRIAL)).locked).toBeNull()
  runtime.clock.advance(8 * DAY)
  expect(ok(await call('circle', 'getPost', { postId: post.id }, TRIAL)).locked).toMatchObject({ reason: 'join' })
  expect(await call('circle', 'postFileUrls', { postId: post.id }, TRIAL)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const { order } = ok(await call('membership', 'createOrder', { circleId: circle.id, planId: circle.plans[0].id }, TRIAL))
  await payOrder(runtime, order.id)
  expect(ok(await call('circle', 'getPost', { postId: post.id }, TRIAL)).locked).toBeNull()
})

test('a free circle locks its posts from non-members too, with 加入 and no price', async () => {
  const circle = await circleWithPeople(runtime, { kind: 'free', plans: [] })
  const post = await hostPost(circle.id, { kind: 'post' })
  expect(ok(await call('circle', 'getPost', { postId: post.id }, OUTSIDER)).locked).toEqual({
    reason: 'join',
    circleId: circle.id,
    circleName: '跑者精进营',
    priceFen: null,
    label: '加入「跑者精进营」后解锁'
  })
  ok(await call('membership', 'joinFree', { circleId: circle.id, answers: [] }, OUTSIDER))
  expect(ok(await call('circle', 'getPost', { postId: post.id }, OUTSIDER)).locked).toBeNull()
})

test('a post above the member’s tier shows 达到 LvN 解锁; staff and the author see it', async () => {
  const circle = await circleWithPeople(runtime)
  const post = await hostPost(circle.id, { kind: 'post', minTierLevel: 3 })
  const view = ok(await call('circle', 'getPost', { postId: post.id }, MEMBER))
  expect(view.locked).toEqual({ reason: 'tier', minTierLevel: 3, label: '达到 Lv3 解锁' })
  expect(view.text).toBe('')
  expect(await call('circle', 'postFileUrls', { postId: post.id }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '该内容需达到 Lv3 解锁' } })
  expect(ok(await call('circle', 'getPost', { postId: post.id }, MODERATOR)).locked).toBeNull()
  expect(ok(await call('circle', 'getPost', { postId: post.id }, HOST)).locked).toBeNull()
})

test('ids probed across circles and deleted posts answer nothing past the rule', async () => {
  const circle = await circleWithPeople(runtime)
  const other = ok(await call('membership', 'createCircle', { ...(await import('./posts-fixtures')).circleInput(), name: '另一个圈' }, HOST))
  const secret = await hostPost(other.id, { kind: 'post', text: '另一个圈的秘密' })
  // A member of the first circle is a non-member of the second.
  const probe = ok(await call('circle', 'getPost', { postId: secret.id }, MEMBER))
  expect(probe.locked).toMatchObject({ reason: 'join', circleName: '另一个圈' })
  expect(JSON.stringify(probe)).not.toContain('秘密')
  expect(await call('circle', 'postFileUrls', { postId: secret.id }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await call('circle', 'listPostComments', { postId: secret.id }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // Listing the other circle's posts through this circle's id finds none of them.
  expect(ok(await call('circle', 'listPosts', { circleId: circle.id }, MEMBER)).items.map((p) => p.id)).not.toContain(secret.id)
  // Unknown and deleted ids answer the same NOT_FOUND.
  ok(await call('circle', 'deletePost', { postId: secret.id }, HOST))
  for (const id of [secret.id, 'no-such-post']) {
    expect(await call('circle', 'getPost', { postId: id }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '内容不存在' } })
    expect(await call('circle', 'postFileUrls', { postId: id }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  }
})

test('who may post: admins and the owner anywhere, a 嘉宾 in a circle they belong to; members, moderators and outsiders not', async () => {
  const circle = await circleWithPeople(runtime)
  const post = (kind: 'post' | 'announcement') => ({ circleId: circle.id, kind, text: '大家好', photoFileIds: [], files: [], topics: [] })
  expect(ok(await call('circle', 'createPost', post('post'), ADMIN)).authorLabel).toBe('管理员')
  expect(ok(await call('circle', 'createPost', post('post'), GUEST)).authorLabel).toBe('嘉宾')
  expect(await call('circle', 'createPost', post('announcement'), GUEST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有主理人或管理员可以发布公告' } })
  for (const who of [MEMBER, MODERATOR, OUTSIDER]) expect(await call('circle', 'createPost', post('post'), who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // A guest outside the circle cannot post there.
  const other = ok(await call('membership', 'createCircle', { ...(await import('./posts-fixtures')).circleInput(), name: '别的圈' }, HOST))
  expect(await call('circle', 'createPost', { ...post('post'), circleId: other.id }, GUEST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '嘉宾需先加入该圈子才能发帖' } })
  expect(ok(await call('circle', 'circleContent', { circleId: circle.id }, GUEST))).toMatchObject({ canPost: true, canManage: false, isMember: true })
  expect(ok(await call('circle', 'circleContent', { circleId: circle.id }, MEMBER))).toMatchObject({ canPost: false, canManage: false, isMember: true })
  expect(ok(await call('circle', 'circleContent', { circleId: circle.id }, OUTSIDER))).toMatchObject({ canPost: false, isMember: false })
})

test('edit and delete: the author or an admin; a guest cannot touch the host’s post, nor attach another’s files', async () => {
  const circle = await circleWithPeople(runtime)
  const guestPost = ok(await call('circle', 'createPost', { circleId: circle.id, kind: 'post', text: '嘉宾分享', photoFileIds: [], files: [], topics: [] }, GUEST))
  const hostOne = await hostPost(circle.id, { kind: 'post' })
  expect(ok(await call('circle', 'updatePost', { postId: guestPost.id, text: '嘉宾分享（修订）' }, GUEST)).text).toBe('嘉宾分享（修订）')
  expect(await call('circle', 'updatePost', { postId: hostOne.id, text: '改掉' }, GUEST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有作者或管理员可以修改这条内容' } })
  expect(await call('circle', 'deletePost', { postId: guestPost.id }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const hostPdf = await uploadPdf(runtime, HOST)
  expect(await call('circle', 'updatePost', { postId: guestPost.id, files: [{ fileId: hostPdf.fileId, name: 'x.pdf' }] }, GUEST)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'files' }
  })
  ok(await call('circle', 'deletePost', { postId: guestPost.id }, ADMIN))
  expect(await call('circle', 'getPost', { postId: guestPost.id }, GUEST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})

test('text over 5000 characters, 10 photos or a file that is not a PDF are refused; refused words are not published', async () => {
  const circle = await circleWithPeople(runtime)
  const base = { circleId: circle.id, kind: 'post' as const, text: '正文', photoFileIds: [], files: [], topics: [] }
  expect(await call('circle', 'createPost', { ...base, text: '字'.repeat(5001) }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'text' } })
  expect(await call('circle', 'createPost', { ...base, photoFileIds: Array.from({ length: 10 }, (_, i) => `local://p${i}.png`) }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  const photo = await uploadPhoto(runtime, HOST)
  expect(await call('circle', 'createPost', { ...base, files: [{ fileId: photo.fileId, name: '伪装.pdf' }] }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'files' } })
  expect(ok(await call('circle', 'createPost', { ...base, text: '字'.repeat(5000) }, HOST)).text).toHaveLength(5000)
})
