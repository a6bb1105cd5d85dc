// The testimonial wall: keyset feeds and their scopes, likes under a 100-member
// race, comments with one level of replies, reports and moderation, featured
// posts, and images that stay pending until WeChat's verdict.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { KeywordContentSafety } from '../../cloudfunctions/adapters/local/keyword-content-safety'
import { mediaCheckMain } from '../../cloudfunctions/functions'
import { localContextFor } from '../../cloudfunctions/platform/caller'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'
import { MEDIA_CHECKS, type MediaCheckDoc } from '../../cloudfunctions/domain/checkin/post-checkin'
import { CHINA_10AM, createChallenge, post, uploadPhoto } from './checkin-fixtures'

let runtime: TestRuntime
let challengeId: string
beforeEach(async () => {
  runtime = useTestRuntime()
  runtime.clock.set(CHINA_10AM)
  challengeId = await createChallenge()
})
afterEach(() => closeTestRuntime(runtime))

const feed = (openid: string, input: Parameters<typeof call<'checkin', 'feed'>>[2]) => call('checkin', 'feed', input, openid)

describe('feeds', () => {
  test('newest first, 20 a page, every check-in exactly once across keyset pages', async () => {
    for (let i = 0; i < 45; i++) {
      ok(await post(challengeId, `o_m${i}`))
      runtime.clock.advance(1000)
    }
    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const page = ok(await feed('o_viewer', { scope: 'all', after })) as { items: Array<{ id: string; createdAt: number }>; next: string | null }
      expect(page.items.length).toBeLessThanOrEqual(20)
      seen.push(...page.items.map((c) => c.id))
      after = page.next
      pages++
    } while (after)
    expect(pages).toBe(3)
    expect(seen).toHaveLength(45)
    expect(new Set(seen).size).toBe(45)
    expect(seen[0]).toContain('o_m44')
  })

  test('scopes: one challenge, one member, featured only', async () => {
    const other = await createChallenge({ title: '早起打卡' })
    const a = ok(await post(challengeId, 'o_a')).checkin
    ok(await post(other, 'o_b'))
    expect(ok(await feed('o_x', { scope: 'challenge', challengeId })).items.map((c) => c.id)).toEqual([a.id])
    expect(ok(await feed('o_x', { scope: 'member', authorOpenid: 'o_b' })).items.map((c) => c.challengeTitle)).toEqual(['早起打卡'])
    expect(ok(await feed('o_x', { scope: 'featured' })).items).toEqual([])
    expect(await call('challenges', 'featureCheckin', { checkinId: a.id, featured: true }, 'o_b')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    ok(await call('challenges', 'featureCheckin', { checkinId: a.id, featured: true }, HOST))
    const featured = ok(await feed('o_x', { scope: 'featured' })).items
    expect(featured.map((c) => [c.id, c.featured])).toEqual([[a.id, true]])
    expect(featured[0].author).toMatchObject({ openid: 'o_a', nickname: '成员o_a' })
    expect(await call('checkin', 'feed', { scope: 'challenge' }, 'o_x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'challengeId' } })
    expect(await call('checkin', 'feed', { scope: 'all', after: 'forged-cursor' }, 'o_x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'after' } })
  })
})

describe('likes', () => {
  test('100 distinct members liking at once gives exactly 100', async () => {
    const { checkin } = ok(await post(challengeId, 'o_author'))
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => call('checkin', 'toggleLike', { checkinId: checkin.id }, `o_fan${i}`)))
    expect(results.every((r) => r.ok && r.data.liked)).toBe(true)
    expect(ok(await call('checkin', 'getCheckin', { checkinId: checkin.id }, 'o_fan1'))).toMatchObject({ likeCount: 100, likedByMe: true })
    expect(ok(await call('checkin', 'getCheckin', { checkinId: checkin.id }, 'o_stranger')).likedByMe).toBe(false)
  })

  test('a like toggles: one per member, undone by a second tap', async () => {
    const { checkin } = ok(await post(challengeId, 'o_author'))
    expect(ok(await call('checkin', 'toggleLike', { checkinId: checkin.id }, 'o_fan'))).toEqual({ liked: true, likeCount: 1 })
    expect(ok(await call('checkin', 'toggleLike', { checkinId: checkin.id }, 'o_fan'))).toEqual({ liked: false, likeCount: 0 })
  })
})

describe('comments', () => {
  test('a reply to a reply attaches to the top-level comment and names whom it answers', async () => {
    const { checkin } = ok(await post(challengeId, 'o_author'))
    const top = ok(await call('checkin', 'addComment', { checkinId: checkin.id, text: '太棒了！' }, 'o_a'))
    runtime.clock.advance(1000)
    const reply = ok(await call('checkin', 'addComment', { checkinId: checkin.id, text: '谢谢鼓励', parentId: top.id }, 'o_author'))
    runtime.clock.advance(1000)
    const replyToReply = ok(await call('checkin', 'addComment', { checkinId: checkin.id, text: '一起加油', parentId: reply.id }, 'o_a'))
    expect(reply).toMatchObject({ parentId: top.id, replyTo: { openid: 'o_a' } })
    expect(replyToReply).toMatchObject({ parentId: top.id, replyTo: { openid: 'o_author' } })
    const list = ok(await call('checkin', 'listComments', { checkinId: checkin.id }, 'o_x')).items
    expect(list.map((c) => c.text)).toEqual(['太棒了！', '谢谢鼓励', '一起加油'])
    expect(ok(await call('checkin', 'getCheckin', { checkinId: checkin.id }, 'o_x')).commentCount).toBe(3)
    // The author earns a fact for each comment from someone else, not for their own reply.
    expect(await runtime.store.collection(FACTS).count({ type: 'comment.received' })).toBe(2)
  })

  test('members delete their own comments only; hosts may take any down', async () => {
    const { checkin } = ok(await post(challengeId, 'o_author'))
    const mine = ok(await call('checkin', 'addComment', { checkinId: checkin.id, text: '第一条评论' }, 'o_a'))
    expect(await call('checkin', 'deleteComment', { commentId: mine.id }, 'o_b')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能删除自己的评论' } })
    ok(await call('checkin', 'deleteComment', { commentId: mine.id }, 'o_a'))
    const other = ok(await call('checkin', 'addComment', { checkinId: checkin.id, text: '第二条评论' }, 'o_b'))
    ok(await call('challenges', 'hideComment', { commentId: other.id }, HOST))
    expect(ok(await call('checkin', 'listComments', { checkinId: checkin.id }, 'o_x')).items).toEqual([])
    expect(ok(await call('checkin', 'getCheckin', { checkinId: checkin.id }, 'o_x')).commentCount).toBe(0)
  })

  test('comment text passes the content check', async () => {
    const { checkin } = ok(await post(challengeId, 'o_author'))
    expect(await call('checkin', 'addComment', { checkinId: checkin.id, text: '代开发票找我' }, 'o_a')).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
  })
})

describe('reports and moderation', () => {
  test('reporting twice counts once; hiding through the queue removes the day and revokes its fact', async () => {
    const { checkin } = ok(await post(challengeId, 'o_cheat'))
    ok(await call('checkin', 'report', { targetType: 'checkin', targetId: checkin.id, reason: '照片是网上的' }, 'o_a'))
    ok(await call('checkin', 'report', { targetType: 'checkin', targetId: checkin.id, reason: '照片是网上的' }, 'o_a'))
    ok(await call('checkin', 'report', { targetType: 'checkin', targetId: checkin.id, reason: '盗图' }, 'o_b'))
    expect(await call('challenges', 'moderationQueue', {}, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const queue = ok(await call('challenges', 'moderationQueue', {}, HOST)).items
    expect(queue).toHaveLength(1)
    expect(queue[0]).toMatchObject({ targetType: 'checkin', reporterCount: 2, reason: '盗图', status: 'open', preview: { author: { openid: 'o_cheat' } } })
    const resolved = ok(await call('challenges', 'resolveReport', { reportId: queue[0].id, resolution: 'hide' }, HOST))
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'hidden' })
    expect(ok(await call('challenges', 'moderationQueue', {}, HOST)).items).toEqual([])
    expect(ok(await feed('o_x', { scope: 'all' })).items).toEqual([])
    expect(await call('checkin', 'getCheckin', { checkinId: checkin.id }, 'o_x')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // The author still sees it, marked hidden; the day no longer counts.
    expect(ok(await feed('o_cheat', { scope: 'member' })).items[0].status).toBe('hidden')
    expect(ok(await call('checkin', 'getChallenge', { challengeId }, 'o_cheat')).progress.daysDone).toBe(0)
    expect(await runtime.store.collection(FACTS).count({ type: 'checkin.revoked', refId: checkin.id })).toBe(1)
  })

  test('a dismissed report leaves the check-in alone', async () => {
    const { checkin } = ok(await post(challengeId, 'o_fine'))
    ok(await call('checkin', 'report', { targetType: 'checkin', targetId: checkin.id, reason: '看不顺眼' }, 'o_a'))
    const [item] = ok(await call('challenges', 'moderationQueue', {}, HOST)).items
    ok(await call('challenges', 'resolveReport', { reportId: item.id, resolution: 'dismiss' }, HOST))
    expect(ok(await feed('o_x', { scope: 'all' })).items).toHaveLength(1)
  })

  test('hiding and showing again restores the day', async () => {
    const { checkin } = ok(await post(challengeId, 'o_a'))
    ok(await call('challenges', 'hideCheckin', { checkinId: checkin.id, hidden: true }, HOST))
    expect(ok(await call('checkin', 'getChallenge', { challengeId }, 'o_a')).progress.daysDone).toBe(0)
    ok(await call('challenges', 'hideCheckin', { checkinId: checkin.id, hidden: false }, HOST))
    expect(ok(await call('checkin', 'getChallenge', { challengeId }, 'o_a')).progress.daysDone).toBe(1)
  })
})

describe('images checked asynchronously', () => {
  beforeEach(() => {
    runtime.contentSafety = new KeywordContentSafety(undefined, 'pending')
  })

  async function postWithPhotos(count: number) {
    const photos = await Promise.all(Array.from({ length: count }, () => uploadPhoto(runtime, 'o_a')))
    const { checkin } = ok(await post(challengeId, 'o_a', '今天的训练照片来了', photos))
    const checks = (await runtime.store.collection<MediaCheckDoc>(MEDIA_CHECKS).find({ checkinId: checkin.id }, { limit: 10 })).items
    return { checkin, traceIds: checks.map((c) => c._id) }
  }
  const push = (traceId: string, suggest: string, context = { request_id: 'push' }) => mediaCheckMain({ Event: 'wxa_media_check', trace_id: traceId, result: { suggest } }, context)

  test('pending and hidden from others until every image passes', async () => {
    const { checkin, traceIds } = await postWithPhotos(2)
    expect(checkin.status).toBe('pending')
    expect(ok(await feed('o_x', { scope: 'all' })).items).toEqual([])
    expect(ok(await feed('o_a', { scope: 'member' })).items.map((c) => c.status)).toEqual(['pending'])
    // The author sees it pinned on the wall and in the challenge, marked pending; others do not.
    expect(ok(await feed('o_a', { scope: 'all' })).items.map((c) => [c.id, c.status])).toEqual([[checkin.id, 'pending']])
    expect(ok(await feed('o_a', { scope: 'challenge', challengeId })).items.map((c) => c.id)).toEqual([checkin.id])
    expect(ok(await feed('o_x', { scope: 'challenge', challengeId })).items).toEqual([])
    expect(ok(await push(traceIds[0], 'pass'))).toEqual({ status: 'applied' })
    expect(ok(await feed('o_x', { scope: 'all' })).items).toEqual([])
    ok(await push(traceIds[1], 'pass'))
    expect(ok(await feed('o_x', { scope: 'all' })).items.map((c) => c.id)).toEqual([checkin.id])
    // Visible now: listed once, not pinned as well.
    expect(ok(await feed('o_a', { scope: 'all' })).items.map((c) => [c.id, c.status])).toEqual([[checkin.id, 'visible']])
    expect(ok(await push(traceIds[1], 'risky'))).toEqual({ status: 'ignored' })
  })

  test('one risky image hides the check-in', async () => {
    const { checkin, traceIds } = await postWithPhotos(2)
    ok(await push(traceIds[0], 'risky'))
    ok(await push(traceIds[1], 'pass'))
    expect(ok(await feed('o_a', { scope: 'member' })).items[0]).toMatchObject({ id: checkin.id, status: 'hidden' })
    expect(ok(await feed('o_x', { scope: 'all' })).items).toEqual([])
  })

  test('a member cannot forge the push, and unknown trace ids change nothing', async () => {
    const { traceIds } = await postWithPhotos(1)
    expect(await push(traceIds[0], 'pass', localContextFor('o_a', 'mediaCheck', 'r') as never)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(ok(await push('made-up-trace', 'pass'))).toEqual({ status: 'ignored' })
    expect(ok(await feed('o_x', { scope: 'all' })).items).toEqual([])
  })
})
