// The 云调用 adapters through @cloudbase/node-sdk's own request code
// (`callCompatibleWxOpenApi`: action wx.openApi, multipart, the raw-body hook),
// with only its HTTP layer (`extraRequest`) replaced by a stand-in for the
// CloudBase gateway. Requests are protobuf CommApiData and answers protobuf
// CommOpenApiResp, as wx-server-sdk's `cloud.openapi` route sends and reads them
// (wx-server-sdk 4.0.2 src/protobuf/openapi.js); the fixtures are WeChat's
// documented answers and the platform's refusals (43101, 47003, -604101).
import { WechatContentSafety } from '../../cloudfunctions/adapters/cloudbase/wechat-content-safety'
import { WechatNotifier } from '../../cloudfunctions/adapters/cloudbase/wechat-notifier'
import { WechatMiniCodes } from '../../cloudfunctions/adapters/cloudbase/wechat-mini-codes'
import { WxOpenApiError, decodeOpenApiResponse, type CompatibleOpenApiTransport } from '../../cloudfunctions/adapters/cloudbase/wechat-openapi'
import { NotifyError } from '../../cloudfunctions/ports/notifier'

type Answer = { contentType?: string; body?: Buffer | string; errorCode?: number; gateway?: { status: number; json: object } }
type Sent = { apiName: string; fields: Record<string, unknown>; formData: Record<string, unknown> }
const sent: Sent[] = []
let answer: (s: Sent) => Answer = () => ({})

// ---- an independent protobuf reader/writer for the fixtures (bytes spelled out, not our adapter's code) ----
function readVarint(buf: Buffer, at: { pos: number }): number {
  let result = 0
  let mul = 1
  for (;;) {
    const b = buf[at.pos++]
    result += (b & 0x7f) * mul
    if (b < 0x80) return result
    mul *= 128
  }
}
function fieldsOf(buf: Buffer): Array<[number, Buffer | number]> {
  const at = { pos: 0 }
  const out: Array<[number, Buffer | number]> = []
  while (at.pos < buf.length) {
    const key = readVarint(buf, at)
    if ((key & 7) === 0) out.push([key >> 3, readVarint(buf, at)])
    else {
      const len = readVarint(buf, at)
      out.push([key >> 3, buf.subarray(at.pos, at.pos + len)])
      at.pos += len
    }
  }
  return out
}
/** CommApiData → { apiType, fields } with each pair's JSON value parsed. */
function decodeRequest(buf: Buffer): { apiType: number; fields: Record<string, unknown> } {
  let apiType = -1
  const fields: Record<string, unknown> = {}
  for (const [no, v] of fieldsOf(buf)) {
    if (no === 1) apiType = v as number
    if (no === 2)
      for (const [pno, pair] of fieldsOf(v as Buffer)) {
        if (pno !== 1) continue
        const kv = Object.fromEntries(fieldsOf(pair as Buffer)) as Record<number, Buffer>
        fields[kv[1].toString()] = JSON.parse(kv[2].toString())
      }
  }
  return { apiType, fields }
}
const len = (b: Buffer) => {
  const out: number[] = []
  let n = b.length
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80)
    n >>>= 7
  }
  out.push(n)
  return Buffer.from(out)
}
/** CommOpenApiResp { respData = 1; contentType = 2; errorCode = 3 (int32); httpCode = 4 }. */
function encodeResponse(a: Answer): Buffer {
  const parts: Buffer[] = []
  if (a.body !== undefined) {
    const b = Buffer.isBuffer(a.body) ? a.body : Buffer.from(a.body)
    parts.push(Buffer.from([0x0a]), len(b), b)
  }
  if (a.contentType) {
    const b = Buffer.from(a.contentType)
    parts.push(Buffer.from([0x12]), len(b), b)
  }
  if (a.errorCode) {
    // a negative int32 is a ten-byte varint
    let v = BigInt.asUintN(64, BigInt(a.errorCode))
    const bytes = [0x18]
    while (v >= 0x80n) {
      bytes.push(Number(v & 0x7fn) | 0x80)
      v >>= 7n
    }
    bytes.push(Number(v))
    parts.push(Buffer.from(bytes))
  }
  parts.push(Buffer.from([0x20, 0xc8, 0x01])) // httpCode 200
  return Buffer.concat(parts)
}

jest.mock('@cloudbase/node-sdk/dist/utils/request', () => ({
  requestWithTimingsMeasure: jest.fn(),
  extraRequest: jest.fn(async (opts: { formData: { apiName: string; requestData: Buffer; [field: string]: unknown }; headers: Record<string, string> }) => {
    const { fields, apiType } = decodeRequest(opts.formData.requestData)
    expect(apiType).toBe(0) // OPEN_API
    expect(opts.headers.Authorization).toMatch(/^TC3-HMAC-SHA256 /)
    const s: Sent = { apiName: opts.formData.apiName, fields, formData: opts.formData }
    sent.push(s)
    const a = answer(s)
    if (a.gateway) return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(a.gateway.json)) }
    return { statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, body: encodeResponse(a) }
  })
}))

let sdk: CompatibleOpenApiTransport
beforeAll(() => {
  process.env.TENCENTCLOUD_RUNENV = 'SCF' // in a function: no metadata-server lookups
  process.env.TENCENTCLOUD_REGION = 'ap-shanghai'
  process.env.SCF_NAMESPACE = 'env-test'
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wx = require('@cloudbase/node-sdk/dist/wx')
  const cloudbase = { config: { envName: 'env-test', secretId: 'AKIDtest', secretKey: 'secret' } }
  sdk = { callCompatibleWxOpenApi: (options) => wx.callCompatibleWxOpenApi(cloudbase, options) }
})
afterAll(() => {
  delete process.env.TENCENTCLOUD_RUNENV
  delete process.env.TENCENTCLOUD_REGION
  delete process.env.SCF_NAMESPACE
})
beforeEach(() => {
  sent.length = 0
})

const json = (o: object): Answer => ({ contentType: 'application/json; charset=UTF-8', body: JSON.stringify(o) })
const NO_PERMISSION: Answer = { errorCode: -604101 } // not in config.json permissions.openapi

describe('content security', () => {
  test('text: security.msgSecCheck v2 with the member openid; risky is refused, review and pass go through', async () => {
    const verdicts = ['risky', 'review', 'pass']
    answer = () => json({ errcode: 0, errmsg: 'ok', result: { suggest: verdicts.shift(), label: 20001 }, detail: [], trace_id: '60ae120f-371d5872-7941a05b' })
    const safety = new WechatContentSafety(sdk, async () => [])
    expect(await safety.checkText('违规内容', 'o_a')).toEqual({ ok: false, reason: '内容未通过安全检测' })
    expect(await safety.checkText('需要复审', 'o_a')).toEqual({ ok: true })
    expect(await safety.checkText('正常打卡', 'o_a')).toEqual({ ok: true })
    expect(sent[0].apiName).toBe('security.msgSecCheck')
    expect(sent[0].fields).toEqual({ content: '违规内容', version: 2, scene: 3, openid: 'o_a' })
    expect(sent[0].formData.action).toBe('wx.openApi')
  })

  test('text: -604101 (no permission), a WeChat errcode or a gateway error is an error, never a pass', async () => {
    const safety = new WechatContentSafety(sdk, async () => [])
    answer = () => NO_PERMISSION
    const error = await safety.checkText('x', 'o_a').catch((e) => e)
    expect(error).toBeInstanceOf(WxOpenApiError)
    expect(error.errcode).toBe(-604101)
    answer = () => json({ errcode: 40001, errmsg: 'invalid credential' })
    await expect(safety.checkText('x', 'o_a')).rejects.toThrow('40001')
    answer = () => ({ gateway: { status: 200, json: { code: 'SYS_ERR', message: 'system error', requestId: 'r' } } })
    await expect(safety.checkText('x', 'o_a')).rejects.toThrow()
  })

  test('images: security.mediaCheckAsync v2 per image on its temporary URL; the verdict comes later by trace id', async () => {
    let n = 0
    answer = () => json({ errcode: 0, errmsg: 'ok', trace_id: `trace-${++n}` })
    const safety = new WechatContentSafety(sdk, async (ids) => ids.map((id) => `https://tmp.example/${id.split('/').pop()}`))
    const verdict = await safety.checkImages(['cloud://env.bucket/uploads/o_a/1.jpg', 'cloud://env.bucket/uploads/o_a/2.png'], 'o_a')
    expect(verdict).toEqual({
      status: 'pending',
      traces: [
        { fileId: 'cloud://env.bucket/uploads/o_a/1.jpg', traceId: 'trace-1' },
        { fileId: 'cloud://env.bucket/uploads/o_a/2.png', traceId: 'trace-2' }
      ]
    })
    expect(sent[1]).toMatchObject({ apiName: 'security.mediaCheckAsync', fields: { media_url: 'https://tmp.example/2.png', media_type: 2, version: 2, scene: 3, openid: 'o_a' } })
    expect(await safety.checkImages([], 'o_a')).toEqual({ status: 'pass' })
    answer = () => NO_PERMISSION
    await expect(safety.checkImages(['cloud://env.bucket/uploads/o_a/1.jpg'], 'o_a')).rejects.toThrow('-604101')
  })
})

describe('subscribe messages', () => {
  test('subscribeMessage.send with the configured template and values wrapped as WeChat expects', async () => {
    answer = () => json({ errcode: 0, errmsg: 'ok', msgid: 2026 })
    await new WechatNotifier(sdk, { welcome: 'TEMPLATE_ID_1' }).send({ openid: 'o_a', template: 'welcome', page: 'pages/me/index', data: { thing1: '欢迎加入社群' } })
    expect(sent[0].apiName).toBe('subscribeMessage.send')
    expect(sent[0].fields).toEqual({ touser: 'o_a', template_id: 'TEMPLATE_ID_1', page: 'pages/me/index', data: { thing1: { value: '欢迎加入社群' } }, miniprogram_state: 'formal', lang: 'zh_CN' })
  })

  test('43101 (no grant), 47003 (data does not fit), -604101 and no template are permanent; a busy platform is retried', async () => {
    const send = (templates: Record<string, string> = { welcome: 'T' }) => new WechatNotifier(sdk, templates).send({ openid: 'o', template: 'welcome', data: {} }).catch((e) => e)
    for (const refusal of [json({ errcode: 43101, errmsg: 'user refuse to accept the msg' }), json({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value exceeds limit' }), NO_PERMISSION]) {
      answer = () => refusal
      const error = await send()
      expect(error).toBeInstanceOf(NotifyError)
      expect(error.permanent).toBe(true)
    }
    answer = () => json({ errcode: -1, errmsg: 'system error' })
    expect((await send()).permanent).toBe(false)
    answer = () => ({ gateway: { status: 200, json: { code: 'SYS_ERR', message: 'timeout' } } })
    expect((await send()).permanent).toBe(false)
    expect((await send({})).permanent).toBe(true)
  })
})

describe('mini-program codes', () => {
  test('wxacode.getUnlimited: the binary body comes back as a data URL of its own type', async () => {
    const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex')
    answer = () => ({ contentType: 'image/jpeg', body: jpeg })
    const codes = new WechatMiniCodes(sdk)
    expect(await codes.inviteImage('Ab3xYz')).toBe(`data:image/jpeg;base64,${jpeg.toString('base64')}`)
    expect(sent[0]).toMatchObject({ apiName: 'wxacode.getUnlimited', fields: { scene: 'Ab3xYz', page: 'pages/feed/index', check_path: false, env_version: 'release', width: 430 } })
    expect(codes.shareUrl('Ab3xYz')).toBe('pages/feed/index?invite=Ab3xYz')
  })

  test('a JSON refusal (41030 invalid page) or -604101 is reported, not turned into an image', async () => {
    answer = () => json({ errcode: 41030, errmsg: 'invalid page hint' })
    await expect(new WechatMiniCodes(sdk).inviteImage('x')).rejects.toThrow('41030')
    answer = () => NO_PERMISSION
    await expect(new WechatMiniCodes(sdk).inviteImage('x')).rejects.toThrow('-604101')
  })
})

describe('the CommOpenApiResp codec', () => {
  test('reads every field of a whole answer, a negative errorCode included', () => {
    const whole = encodeResponse({ contentType: 'image/png', body: Buffer.from([1, 2, 3]), errorCode: -604101 })
    expect(decodeOpenApiResponse(whole)).toEqual({ respData: Buffer.from([1, 2, 3]), contentType: 'image/png', errorCode: -604101, httpCode: 200 })
  })
  test('refuses an answer cut short and bytes that are not protobuf (the gateway JSON)', () => {
    const whole = encodeResponse({ contentType: 'application/json', body: '{"errcode":0}' })
    expect(() => decodeOpenApiResponse(whole.subarray(0, 5))).toThrow()
    expect(() => decodeOpenApiResponse(Buffer.from(JSON.stringify({ code: 'INVALID_PARAM', message: 'x' })))).toThrow()
  })
})
