// The WeChat adapters we cannot reach from here, through their real request
// code: what they send to 云调用 (callWxOpenApi) and how they read recorded
// answers — content security, subscribe messages, mini-program codes.
import { WechatContentSafety } from '../../cloudfunctions/adapters/cloudbase/wechat-content-safety'
import { WechatNotifier } from '../../cloudfunctions/adapters/cloudbase/wechat-notifier'
import { WechatMiniCodes } from '../../cloudfunctions/adapters/cloudbase/wechat-mini-codes'
import { NotifyError } from '../../cloudfunctions/ports/notifier'

type Call = { apiName: string; requestData: any }

function fakeOpenApi(answer: (call: Call) => unknown) {
  const calls: Call[] = []
  return {
    calls,
    api: { callWxOpenApi: async (call: Call) => { calls.push(call); return { result: answer(call) } } }
  }
}

describe('content security', () => {
  test('text: msgSecCheck v2 with the member openid; risky is refused, review and pass go through', async () => {
    const verdicts = ['risky', 'review', 'pass']
    const { api, calls } = fakeOpenApi(() => JSON.stringify({ errcode: 0, errmsg: 'ok', result: { suggest: verdicts.shift(), label: 20001 }, trace_id: 't' }))
    const safety = new WechatContentSafety(api, async () => [])
    expect(await safety.checkText('违规内容', 'o_a')).toEqual({ ok: false, reason: '内容未通过安全检测' })
    expect(await safety.checkText('需要复审', 'o_a')).toEqual({ ok: true })
    expect(await safety.checkText('正常打卡', 'o_a')).toEqual({ ok: true })
    expect(calls[0]).toEqual({ apiName: '/wxa/msg_sec_check', requestData: { content: '违规内容', version: 2, scene: 3, openid: 'o_a' } })
  })

  test('text: a platform error is an error, not a pass', async () => {
    const { api } = fakeOpenApi(() => ({ errcode: 40001, errmsg: 'invalid credential' }))
    await expect(new WechatContentSafety(api, async () => []).checkText('x', 'o_a')).rejects.toThrow('40001')
  })

  test('images: mediaCheckAsync v2 per image on its temporary URL; the verdict comes later by trace id', async () => {
    let n = 0
    const { api, calls } = fakeOpenApi(() => ({ errcode: 0, errmsg: 'ok', trace_id: `trace-${++n}` }))
    const safety = new WechatContentSafety(api, async (ids) => ids.map((id) => `https://tmp.example/${id.split('/').pop()}`))
    const verdict = await safety.checkImages(['cloud://env.bucket/uploads/o_a/1.jpg', 'cloud://env.bucket/uploads/o_a/2.png'], 'o_a')
    expect(verdict).toEqual({ status: 'pending', traces: [{ fileId: 'cloud://env.bucket/uploads/o_a/1.jpg', traceId: 'trace-1' }, { fileId: 'cloud://env.bucket/uploads/o_a/2.png', traceId: 'trace-2' }] })
    expect(calls[1]).toEqual({ apiName: '/wxa/media_check_async', requestData: { media_url: 'https://tmp.example/2.png', media_type: 2, version: 2, scene: 3, openid: 'o_a' } })
    expect(await safety.checkImages([], 'o_a')).toEqual({ status: 'pass' })
  })
})

describe('subscribe messages', () => {
  test('sends the configured template with values wrapped as WeChat expects', async () => {
    const { api, calls } = fakeOpenApi(() => ({ errcode: 0, errmsg: 'ok' }))
    await new WechatNotifier(api, { welcome: 'TEMPLATE_ID_1' }).send({ openid: 'o_a', template: 'welcome', page: 'pages/me/index', data: { thing1: '欢迎加入社群' } })
    expect(calls[0]).toEqual({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: { touser: 'o_a', template_id: 'TEMPLATE_ID_1', page: 'pages/me/index', data: { thing1: { value: '欢迎加入社群' } }, miniprogram_state: 'formal', lang: 'zh_CN' }
    })
  })

  test('no authorisation (43101) or no template is permanent; a busy platform is retried', async () => {
    const refusing = fakeOpenApi(() => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }))
    const error = await new WechatNotifier(refusing.api, { welcome: 'T' }).send({ openid: 'o', template: 'welcome', data: {} }).catch((e) => e)
    expect(error).toBeInstanceOf(NotifyError)
    expect(error.permanent).toBe(true)
    const busy = fakeOpenApi(() => ({ errcode: -1, errmsg: 'system error' }))
    expect((await new WechatNotifier(busy.api, { welcome: 'T' }).send({ openid: 'o', template: 'welcome', data: {} }).catch((e) => e)).permanent).toBe(false)
    expect((await new WechatNotifier(busy.api, {}).send({ openid: 'o', template: 'welcome', data: {} }).catch((e) => e)).permanent).toBe(true)
  })
})

describe('mini-program codes', () => {
  test('getUnlimited with the invite code as scene; the image comes back as a data URL', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex')
    const { api, calls } = fakeOpenApi(() => png)
    const codes = new WechatMiniCodes(api)
    expect(await codes.inviteImage('Ab3xYz')).toBe(`data:image/png;base64,${png.toString('base64')}`)
    expect(calls[0]).toEqual({ apiName: '/wxa/getwxacodeunlimit', requestData: { scene: 'Ab3xYz', page: 'pages/feed/index', check_path: false, env_version: 'release', width: 430 } })
    expect(codes.shareUrl('Ab3xYz')).toBe('pages/feed/index?invite=Ab3xYz')
  })

  test('an error answer is reported, not turned into an image', async () => {
    const { api } = fakeOpenApi(() => JSON.stringify({ errcode: 41030, errmsg: 'invalid page' }))
    await expect(new WechatMiniCodes(api).inviteImage('x')).rejects.toThrow('41030')
  })
})
