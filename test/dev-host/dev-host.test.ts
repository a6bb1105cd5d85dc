// The dev host over real HTTP: sessions, the function gateway, uploads, files,
// the outbox and cron endpoints, on a fresh data folder.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDevHost, type DevHost } from '../../scripts/dev-host/server'
import { signSession } from '../../scripts/dev-host/session'
import { loadSandboxKeys, type SandboxPay } from '../../cloudfunctions/adapters/sandbox-pay/sandbox-pay'
import { encryptResource } from '../../cloudfunctions/adapters/wechatpay/v3-crypto'
import { COLLECTIONS } from '../../cloudfunctions/platform/collections'
import { HTML, JPEG, PNG, WEBP, WEBP_LOSSLESS, bigPng } from './images'
import { circleInput } from '../helpers/circle'

const silent = { log: () => {}, error: () => {} }
/** fetch's body types want a plain ArrayBuffer view, not Node's Buffer type. */
const bodyOf = (bytes: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(bytes)

let host: DevHost
let dataDir: string
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'devhost-'))
  host = await startDevHost({ port: 0, dataDir, h5Dir: join(dataDir, 'no-h5'), logger: silent })
})
afterAll(async () => {
  await host.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function post(path: string, body: unknown, token?: string, raw = false) {
  const res = await fetch(host.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ? (body as string) : JSON.stringify(body)
  })
  return { status: res.status, body: await res.json() }
}

async function login(persona: string): Promise<string> {
  const { body } = await post('/dev/login', { persona })
  return body.data.token
}

test('/healthz answers ok', async () => {
  const res = await fetch(host.url + '/healthz')
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ ok: true })
})

test('a persona logs in and member.me returns the seeded profile', async () => {
  const token = await login('xiaomei')
  const { status, body } = await post('/fn/member', { action: 'me' }, token)
  expect(status).toBe(200)
  expect(body).toMatchObject({ ok: true, data: { openid: 'dev_xiaomei', nickname: '小美', role: 'member' } })
})

test('the host persona is a host', async () => {
  const { body } = await post('/fn/member', { action: 'me' }, await login('host'))
  expect(body.data.role).toBe('owner')
})

test('any persona name works and becomes a member', async () => {
  const { body } = await post('/fn/member', { action: 'me' }, await login('new-face_01'))
  expect(body.data).toMatchObject({ openid: 'dev_new-face_01', role: 'member' })
})

test('no token, a forged token or a tampered token: UNAUTHENTICATED', async () => {
  expect((await post('/fn/member', { action: 'me' })).body).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
  const forged = signSession({ persona: 'host', openid: 'dev_host' }, Buffer.from('not-the-secret'))
  expect((await post('/fn/member', { action: 'me' }, forged)).body.error.code).toBe('UNAUTHENTICATED')
  const real = await login('xiaomei')
  const [payload, mac] = real.split('.')
  const swapped = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), openid: 'dev_host' })).toString('base64url')
  expect((await post('/fn/member', { action: 'me' }, `${swapped}.${mac}`)).body.error.code).toBe('UNAUTHENTICATED')
})

test('identity in the body is refused, never used', async () => {
  const { body } = await post('/fn/member', { action: 'me', openid: 'dev_host' }, await login('dawei'))
  expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'openid' } })
})

test('a non-JSON body, an unknown function and an oversized body answer typed errors', async () => {
  const token = await login('xiaomei')
  expect(await post('/fn/member', '{"action":', token, true)).toEqual({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', message: '请求体不是合法的 JSON' } } })
  expect((await post('/fn/nope', { action: 'me' }, token)).body.error.code).toBe('UNKNOWN_FUNCTION')
  expect((await post('/fn/__proto__', { action: 'me' }, token)).body.error.code).toBe('UNKNOWN_FUNCTION')
  const big = await post('/fn/member', { action: 'updateProfile', nickname: 'x'.repeat(2 * 1024 * 1024) }, token)
  expect(big).toEqual({ status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' } } })
})

test('login refuses a bad persona name with a typed error', async () => {
  expect((await post('/dev/login', { persona: '../../etc' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'persona' } })
  expect((await post('/dev/login', 'oops', undefined, true)).body.error.code).toBe('INVALID_INPUT')
})

test('upload: an image by content (raw or multipart), served back, and usable as an avatar', async () => {
  const token = await login('lily')
  const raw = await fetch(host.url + '/upload', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: bodyOf(PNG) })
  const uploaded = await raw.json()
  expect(uploaded).toMatchObject({ ok: true, data: { contentType: 'image/png', size: PNG.length } })

  const form = new FormData()
  form.append('file', new Blob([bodyOf(PNG)], { type: 'image/png' }), 'avatar.png')
  const multipart = await (await fetch(host.url + '/upload', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).json()
  expect(multipart.ok).toBe(true)

  const served = await fetch(host.url + uploaded.data.url)
  expect(served.status).toBe(200)
  expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true)

  const saved = await post('/fn/member', { action: 'updateProfile', avatarFileId: multipart.data.fileId }, token)
  expect(saved.body.data.avatarUrl).toBe(multipart.data.url)
})

test('upload refuses a text file named .png, an empty body and a stranger', async () => {
  const token = await login('lily')
  const text = await fetch(host.url + '/upload', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: 'hello, not an image' })
  expect(await text.json()).toEqual({ ok: false, error: { code: 'UNSUPPORTED_MEDIA', message: '只支持 JPG、PNG、WebP 格式的图片' } })
  const empty = await fetch(host.url + '/upload', { method: 'POST', headers: { authorization: `Bearer ${token}` } })
  expect((await empty.json()).error.code).toBe('INVALID_INPUT')
  const stranger = await fetch(host.url + '/upload', { method: 'POST', body: bodyOf(PNG) })
  expect(stranger.status).toBe(401)
})

test('/dev/cron settles the outbox listed at /dev/outbox: a message is delivered only on a grant', async () => {
  // Lily accepts the welcome message (as the app does after requestSubscribeMessage; simulated on the dev host).
  const granted = await post('/fn/member', { action: 'recordSubscribeGrants', requestId: 'dev-host-grant-1', accepted: ['welcome'] }, await login('lily'))
  expect(granted.body.data.grants).toEqual({ welcome: 1 })
  const cron = await post('/dev/cron', {})
  expect(cron.body.ok).toBe(true)
  const outbox = await (await fetch(host.url + '/dev/outbox')).json()
  const welcomed = outbox.data.delivered.map((n: { openid: string }) => n.openid)
  expect(welcomed).toContain('dev_lily')
  // The seeded members never granted a welcome: WeChat would refuse it (43101), so it is skipped, not retried.
  const skipped = outbox.data.outbox.filter((e: { status: string }) => e.status === 'skipped')
  expect(skipped.map((e: { payload: { openid: string } }) => e.payload.openid)).toEqual(expect.arrayContaining(['dev_host', 'dev_xiaomei', 'dev_dawei', 'dev_ajie']))
  expect(skipped.every((e: { lastError: string }) => e.lastError === 'no grant')).toBe(true)
  expect(outbox.data.outbox.every((e: { status: string }) => e.status === 'sent' || e.status === 'skipped')).toBe(true)
})

test('a fresh data folder meets a living community: challenges in every phase, a feed with photos, likes and featured posts', async () => {
  const token = await login('xiaomei')
  const challenges = (await post('/fn/checkin', { action: 'listChallenges', phase: 'all' }, token)).body.data.items
  expect(challenges.map((c: { phase: string }) => c.phase).sort()).toEqual(['running', 'running', 'running', 'upcoming'])
  const feed = (await post('/fn/checkin', { action: 'feed', scope: 'all' }, token)).body.data.items
  expect(feed.length).toBeGreaterThanOrEqual(8)
  expect(feed.some((c: { photos: unknown[] }) => c.photos.length > 0)).toBe(true)
  expect(feed.some((c: { likeCount: number }) => c.likeCount > 0)).toBe(true)
  const photo = await fetch(host.url + feed.find((c: { photos: unknown[] }) => c.photos.length > 0).photos[0].url)
  expect(photo.headers.get('content-type')).toBe('image/png')
  const featured = (await post('/fn/checkin', { action: 'feed', scope: 'featured' }, token)).body.data.items
  expect(featured.length).toBeGreaterThanOrEqual(1)
})

test('the personas list reflects current nicknames', async () => {
  const personas = await (await fetch(host.url + '/dev/personas')).json()
  expect(personas.data.map((p: { persona: string }) => p.persona)).toEqual(['host', 'xiaomei', 'dawei', 'ajie', 'lily'])
  expect(personas.data[0]).toMatchObject({ role: 'owner', nickname: '主理人·林教练' })
})

/**
 * A 10 MB body on a connection of its own: fetch reuses keep-alive sockets, and
 * one the server is just closing resets a large upload (seen on a loaded CI machine).
 */
function postOnFreshConnection(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(host.url + path, { method: 'POST', agent: false, headers: { ...headers, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('uploads are images through and through, served as what their bytes are', () => {
  const upload = async (body: Buffer | string, token: string) => {
    const res = await fetch(host.url + '/upload', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: typeof body === 'string' ? body : bodyOf(body) })
    return { status: res.status, body: await res.json() }
  }

  test.each([
    ['a JPEG', JPEG, 'image/jpeg'],
    ['a PNG', PNG, 'image/png'],
    ['a lossy WebP', WEBP, 'image/webp'],
    ['a lossless WebP', WEBP_LOSSLESS, 'image/webp']
  ])('%s is accepted and served with its sniffed type and nosniff', async (_label, bytes, type) => {
    const { body } = await upload(bytes as Buffer, await login('lily'))
    expect(body).toMatchObject({ ok: true, data: { contentType: type, size: (bytes as Buffer).length } })
    const served = await fetch(host.url + body.data.url)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe(type)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes as Buffer)).toBe(true)
  })

  test.each([
    ['a PNG header followed by HTML', Buffer.concat([PNG.subarray(0, 8), HTML])],
    ['a PNG header and IHDR followed by HTML', Buffer.concat([PNG.subarray(0, 33), HTML])],
    ['a whole PNG with HTML after IEND', Buffer.concat([PNG, HTML])],
    ['a PNG with a corrupted chunk checksum', Buffer.concat([PNG.subarray(0, 29), Buffer.from([0, 0, 0, 0]), PNG.subarray(33)])],
    ['a JPEG header followed by HTML', Buffer.concat([JPEG.subarray(0, 4), HTML])],
    ['a JPEG whose segments end in HTML', Buffer.concat([JPEG.subarray(0, JPEG.length - 2), HTML])],
    ['a JPEG with HTML after its end marker', Buffer.concat([JPEG, HTML])],
    ['a WebP header followed by HTML', Buffer.concat([WEBP.subarray(0, 12), HTML])],
    ['a WebP with HTML after its chunks', Buffer.concat([WEBP, HTML])]
  ])('%s is refused as a damaged image, and nothing is stored', async (_label, bytes) => {
    const before = await host.runtime.store.collection(COLLECTIONS.files.name).count({})
    const res = await upload(bytes, await login('lily'))
    expect(res).toEqual({ status: 415, body: { ok: false, error: { code: 'UNSUPPORTED_MEDIA', message: '图片已损坏或不完整，请换一张' } } })
    expect(await host.runtime.store.collection(COLLECTIONS.files.name).count({})).toBe(before)
  })

  test('a file of another type is refused with a message naming the types that work', async () => {
    const gif = Buffer.from('474946383961010001000000002c00000000010001000002003b', 'hex')
    for (const bytes of [gif, HTML, Buffer.from('%PDF-1.4\n')]) {
      expect(await upload(bytes, await login('lily'))).toEqual({ status: 415, body: { ok: false, error: { code: 'UNSUPPORTED_MEDIA', message: '只支持 JPG、PNG、WebP 格式的图片' } } })
    }
  })

  test('an image over 10 MB is refused with a message saying so, raw or multipart', async () => {
    const token = await login('lily')
    const big = bigPng(10 * 1024 * 1024 + 4096)
    const tooBig = { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '图片超过 10MB，请压缩后再传' } }
    expect(await postOnFreshConnection('/upload', big, { authorization: `Bearer ${token}` })).toEqual({ status: 413, body: tooBig })
    const form = new FormData()
    form.append('file', new Blob([bodyOf(big)], { type: 'image/png' }), 'big.png')
    const encoded = new Request(host.url, { method: 'POST', body: form })
    const multipart = Buffer.from(await encoded.arrayBuffer())
    expect(await postOnFreshConnection('/upload', multipart, { authorization: `Bearer ${token}`, 'content-type': encoded.headers.get('content-type')! })).toEqual({ status: 413, body: tooBig })
  })

  test('only names the upload endpoint gave out are served from /files/', async () => {
    for (const name of ['..%2Fcommunity.sqlite', 'community.sqlite', 'x.html', '0123456789abcdef01234567.svg']) {
      expect((await fetch(host.url + '/files/' + name)).status).toBe(404)
    }
  })

  test('the database and the secrets in the data folder are readable by their owner only', () => {
    for (const name of ['community.sqlite', 'community.sqlite-wal', 'community.sqlite-shm', 'session-secret', 'ticket-secret', 'sandbox-pay-keys.json']) {
      const file = join(dataDir, name)
      if (!existsSync(file) && name.endsWith('-shm')) continue // SQLite may have checkpointed and removed it
      expect([name, (statSync(file).mode & 0o777).toString(8)]).toEqual([name, '600'])
    }
  })
})

describe('bad input over HTTP answers a typed error, never 500, and writes nothing', () => {
  test('a malformed URL escape in a function name answers 400 INVALID_INPUT', async () => {
    const token = await login('xiaomei')
    for (const path of ['/fn/%E0%A4%A', '/fn/%', '/fn/member%FF']) {
      const res = await post(path, { action: 'me' }, token)
      expect(res).toEqual({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', message: '请求地址不正确' } } })
    }
    // A malformed escape anywhere else (a file, a page) is refused the same way.
    const file = await fetch(host.url + '/files/%E0%A4%A.png')
    expect(file.status).toBe(400)
  })

  /** A paid circle and a member's open order on the dev host, with the sandbox's signing keys. */
  async function openOrder() {
    const circle = await post('/fn/membership', { action: 'createCircle', ...circleInput({ name: '夜跑会员', description: '每周三夜跑' }) }, await login('host'))
    expect(circle.body.error).toBeUndefined()
    const member = await login('ajie')
    const created = await post('/fn/membership', { action: 'createOrder', circleId: circle.body.data.id, planId: circle.body.data.plans[0].id }, member)
    expect(created.body.error).toBeUndefined()
    return { member, order: created.body.data.order as { id: string; status: string } }
  }

  const flagged = async () => (await host.runtime.store.collection(COLLECTIONS.flaggedPayments.name).find({}, { limit: 10 })).items

  test('a /pay/notify body over 64 KB answers 413 FAIL; the order stays unpaid and nothing is flagged', async () => {
    const { member, order } = await openOrder()
    const sandbox = host.runtime.payments as SandboxPay
    const body = JSON.stringify({ id: 'EV-big', event_type: 'TRANSACTION.SUCCESS', padding: 'x'.repeat(65 * 1024) })
    const res = await fetch(host.url + '/pay/notify', { method: 'POST', headers: sandbox.sign(body), body })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ code: 'FAIL', message: '通知内容过大' })
    const after = await post('/fn/membership', { action: 'getOrder', orderId: order.id }, member)
    expect(after.body.data.status).toBe(order.status)
    expect(await flagged()).toEqual([])
  })

  test('a correctly signed notify whose decrypted resource is not JSON answers a typed FAIL; nothing is written or flagged', async () => {
    const { member, order } = await openOrder()
    const sandbox = host.runtime.payments as SandboxPay
    const keys = loadSandboxKeys(dataDir)
    for (const plaintext of ['<xml>paid</xml>', JSON.stringify({ out_trade_no: order.id })]) {
      const body = JSON.stringify({
        id: 'EV-bad',
        create_time: '2026-11-23T10:00:00+08:00',
        resource_type: 'encrypt-resource',
        event_type: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        resource: { ...encryptResource(plaintext, keys.apiV3Key, 'transaction', 'abcdef012345'), original_type: 'transaction' }
      })
      const res = await fetch(host.url + '/pay/notify', { method: 'POST', headers: sandbox.sign(body), body })
      // 400 once payNotify answers InvalidNotifyError with its status (see the issue 13 report); today it answers 401.
      expect([400, 401]).toContain(res.status)
      expect((await res.json()).code).toBe('FAIL')
    }
    const after = await post('/fn/membership', { action: 'getOrder', orderId: order.id }, member)
    expect(after.body.data.status).toBe(order.status)
    expect(await flagged()).toEqual([])
  })
})

// Keep last: starting and closing a second host clears the process-wide runtime the tests above use.
test('with dev login off (production), the /dev endpoints do not exist', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'devhost-prod-'))
  const prod = await startDevHost({ port: 0, dataDir: dir, devLogin: false, logger: silent })
  const res = await fetch(prod.url + '/dev/login', { method: 'POST', body: JSON.stringify({ persona: 'host' }) })
  expect(res.status).toBe(404)
  await prod.close()
  rmSync(dir, { recursive: true, force: true })
})
