// What a content-check outage (WeChat unreachable, -604101 because config.json
// lacks the permission, a timeout) does to a post: a check-in is held for review
// (saved pending: hidden from others, 审核中 to its author, in the host's
// moderation queue), never lost and never published unchecked; a comment is not
// saved and answers BUSY (retryable), the app keeping the draft. And WeChat's
// image-check push is accepted by source, appid and trace id.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { KeywordContentSafety } from '../../cloudfunctions/adapters/local/keyword-content-safety'
import { WxOpenApiError } from '../../cloudfunctions/adapters/cloudbase/wechat-openapi'
import { mediaCheckMain } from '../../cloudfunctions/functions'
import { localContextFor } from '../../cloudfunctions/platform/caller'
import { MEDIA_CHECKS, type MediaCheckDoc } from '../../cloudfunctions/domain/checkin/post-checkin'
import { HELD_FOR_REVIEW } from '../../cloudfunctions/domain/checkin/checkin'
import type { ContentSafety } from '../../cloudfunctions/ports/content-safety'
import { CHINA_10AM, createChallenge, post, uploadPhoto } from './checkin-fixtures'

let runtime: TestRuntime
let challengeId: string
let quiet: jest.SpyInstance
beforeEach(async () => {
  runtime = useTestRuntime()
  runtime.clock.set(CHINA_10AM)
  challengeId = await createChallenge()
  quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(async () => {
  quiet.mockRestore()
  await closeTestRuntime(runtime)
})

const noPermission = () => {
  throw new WxOpenApiError('security.msgSecCheck', -604101, 'system error: error code: -604101')
}
const down: ContentSafety = { checkText: async () => noPermission(), checkImages: async () => noPermission() }
const feed = (openid: string, scope: 'all' | 'member') => call('checkin', 'feed', { scope }, openid)

describe('a content-check outage', () => {
  test('holds a check-in for review: pending, hidden from others, 审核中 to its author, listed for the host; the host can publish it', async () => {
    runtime.contentSafety = down
    const { checkin } = ok(await post(challengeId, 'o_a', '今天跑了五公里'))
    expect(checkin.status).toBe('pending')
    expect(ok(await feed('o_x', 'all')).items).toEqual([])
    expect(ok(await feed('o_a', 'all')).items.map((c) => [c.id, c.status])).toEqual([[checkin.id, 'pending']])
    const queue = ok(await call('challenges', 'moderationQueue', {}, HOST)).items
    expect(queue.map((r) => [r.targetType, r.targetId, r.reason])).toEqual([['checkin', checkin.id, HELD_FOR_REVIEW]])
    // Posting again the same day finds it: nothing lost, nothing doubled.
    runtime.contentSafety = new KeywordContentSafety()
    expect(ok(await post(challengeId, 'o_a', '今天跑了五公里')).checkin.id).toBe(checkin.id)
    // The host finds nothing wrong: dismissing the queue entry publishes it.
    ok(await call('challenges', 'resolveReport', { reportId: queue[0].id, resolution: 'dismiss' }, HOST))
    expect(ok(await feed('o_x', 'all')).items.map((c) => c.id)).toEqual([checkin.id])
    expect(ok(await call('challenges', 'moderationQueue', {}, HOST)).items).toEqual([])
  })

  test('the host may also take a held check-in down instead: hidden, its points taken back', async () => {
    runtime.contentSafety = down
    const { checkin } = ok(await post(challengeId, 'o_b', '今天跑了五公里'))
    const queue = ok(await call('challenges', 'moderationQueue', {}, HOST)).items
    ok(await call('challenges', 'resolveReport', { reportId: queue[0].id, resolution: 'hide' }, HOST))
    expect(ok(await feed('o_x', 'all')).items).toEqual([])
    expect(ok(await feed('o_b', 'member')).items.map((c) => [c.id, c.status])).toEqual([[checkin.id, 'hidden']])
  })

  test('an image-check outage after the text passed holds the check-in too', async () => {
    runtime.contentSafety = { checkText: async () => ({ ok: true }), checkImages: async () => noPermission() }
    const photo = await uploadPhoto(runtime, 'o_a')
    const { checkin } = ok(await post(challengeId, 'o_a', '今天的照片打卡', [photo]))
    expect(checkin.status).toBe('pending')
    expect(ok(await feed('o_x', 'all')).items).toEqual([])
  })

  test('a refusal is still a refusal, not a hold', async () => {
    runtime.contentSafety = { checkText: async () => ({ ok: false, reason: '内容未通过安全检测' }), checkImages: async () => ({ status: 'pass' }) }
    expect(await post(challengeId, 'o_a', '这是违规的内容')).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
  })

  test('a comment is not saved and answers BUSY (retryable)', async () => {
    const { checkin } = ok(await post(challengeId, 'o_a', '今天跑了五公里'))
    runtime.contentSafety = down
    const answer = await call('checkin', 'addComment', { checkinId: checkin.id, text: '加油！' }, 'o_b')
    expect(answer).toMatchObject({ ok: false, error: { code: 'BUSY', retryable: true } })
    expect(ok(await call('checkin', 'listComments', { checkinId: checkin.id }, 'o_a')).items).toEqual([])
  })
})

describe("WeChat's image-check push", () => {
  async function pendingTrace() {
    runtime.contentSafety = new KeywordContentSafety(undefined, 'pending')
    const photo = await uploadPhoto(runtime, 'o_a')
    const { checkin } = ok(await post(challengeId, 'o_a', '今天的照片打卡', [photo]))
    const traceId = (await runtime.store.collection<MediaCheckDoc>(MEDIA_CHECKS).find({ checkinId: checkin.id }, { limit: 1 })).items[0]._id
    return { checkin, traceId }
  }
  const pushEvent = (traceId: string, appid = 'wx1234567890abcdef') => ({
    ToUserName: 'gh_38cc0a6d4f7e',
    FromUserName: 'o_a',
    CreateTime: 1790000000,
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid,
    trace_id: traceId,
    version: 2,
    detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
    errcode: 0,
    errmsg: 'ok',
    result: { suggest: 'pass', label: 100 }
  })
  // The push runs with the pushing member's openid and appid in the context, and no client source.
  const pushContext = { request_id: 'push', environment: JSON.stringify({ WX_OPENID: 'o_a', WX_APPID: 'wx1234567890abcdef', TCB_ENV: 'env' }) }

  test('a push carrying an openid is accepted in the cloud when it names our appid and a trace id we issued', async () => {
    const { checkin, traceId } = await pendingTrace()
    runtime.config.mode = 'cloudbase'
    try {
      expect(await mediaCheckMain(pushEvent(traceId, 'wx_other_app'), pushContext)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(ok(await mediaCheckMain(pushEvent('a-trace-we-never-issued'), pushContext))).toEqual({ status: 'ignored' })
      expect(ok(await mediaCheckMain(pushEvent(traceId), pushContext))).toEqual({ status: 'applied' })
    } finally {
      runtime.config.mode = 'local'
    }
    expect(ok(await feed('o_x', 'all')).items.map((c) => c.id)).toEqual([checkin.id])
  })

  test("a member's own call (the mini-program, DevTools, the dev host's session) is refused by its source, even shaped as a push", async () => {
    const { traceId } = await pendingTrace()
    for (const source of ['wx_client', 'wx_devtools', 'wx_client,scf']) {
      const context = { request_id: 'm', environment: JSON.stringify({ WX_OPENID: 'o_a', WX_APPID: 'wx1234567890abcdef', TCB_SOURCE: source }) }
      expect(await mediaCheckMain(pushEvent(traceId), context)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await mediaCheckMain(pushEvent(traceId), localContextFor('o_a', 'mediaCheck', 'r') as never)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(ok(await feed('o_x', 'all')).items).toEqual([])
  })
})
