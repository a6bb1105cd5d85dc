// The dev host: the local stand-in for CloudBase's function gateway. It serves
// the H5 build, runs each cloud function's own entry point for POST /fn/<name>
// with the verified caller put where CloudBase puts it, and offers developer
// endpoints (persona login, outbox, cron).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import { FUNCTIONS, mediaCheckMain, payNotifyMain } from '../../cloudfunctions/functions'
import { sandboxPay, sandboxPayPage } from './sandbox-pay-page'
import type { FunctionName } from '../../types/api'
import { setRuntime } from '../../cloudfunctions/platform/runtime'
import { localContextFor, localTimerContext } from '../../cloudfunctions/platform/caller'
import { AppError } from '../../cloudfunctions/platform/app-error'
import { createLocalRuntime, type LocalRuntime } from '../../cloudfunctions/adapters/local/local-runtime'
import { OUTBOX, type OutboxDoc } from '../../cloudfunctions/domain/outbox/outbox'
import { NOTIFICATIONS, type NotificationDoc } from '../../cloudfunctions/adapters/local/local-notifier'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'
import type { Clock } from '../../cloudfunctions/ports/clock'
import { BodyTooLargeError, readBody, sendError, sendJson } from './http-utils'
import { bearerToken, loadSessionSecret, signSession, verifySession } from './session'
import { PERSONA_PATTERN, SEED_PERSONAS, hostOpenidsFrom, personaOpenid } from './personas'
import { seedIfEmpty } from './seed'
import { TIMER_FUNCTION_NAMES } from '../../cloudfunctions/domain/jobs/jobs'
import { DOCUMENT_MESSAGES, UPLOAD_MESSAGES, readUploadedDocument, readUploadedImage } from './upload'

export interface DevHostOptions {
  port?: number
  host?: string
  /** Data folder, or ':memory:' for tests. */
  dataDir?: string
  /** The H5 build to serve at '/'. */
  h5Dir?: string
  seed?: boolean
  /** Persona login; off unless in dev mode. */
  devLogin?: boolean
  /** Run the cron function every this many ms (0: never). */
  cronIntervalMs?: number
  clock?: Clock
  hostOpenids?: string
  logger?: Pick<Console, 'log' | 'error'>
}

export interface DevHost {
  url: string
  runtime: LocalRuntime
  close(): Promise<void>
}

const FUNCTION_BODY_LIMIT = 1024 * 1024
/** WeChat Pay notifies are a few KB; anything past this is not one. */
const PAY_NOTIFY_BODY_LIMIT = 64 * 1024
const UPLOAD_STATUS: Partial<Record<string, number>> = { PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA: 415 }

export async function startDevHost(options: DevHostOptions = {}): Promise<DevHost> {
  const logger = options.logger ?? console
  const dataDir = options.dataDir ?? process.env.DATA_DIR ?? '.data'
  const devLogin = options.devLogin ?? process.env.NODE_ENV !== 'production'
  const hostOpenids = hostOpenidsFrom(options.hostOpenids ?? process.env.HOST_OPENIDS)
  const runtime = createLocalRuntime({ dataDir, clock: options.clock, hostOpenids })
  setRuntime(runtime)
  if (options.seed ?? true) await seedIfEmpty(runtime)
  const secret = loadSessionSecret(dataDir)

  const h5Dir = resolve(options.h5Dir ?? 'dist/h5')
  // dev: look files up per request, so a rebuilt H5 app is served without a restart.
  let serveH5: ReturnType<typeof sirv> | null = null
  const serveStatic = () => (serveH5 ??= existsSync(h5Dir) ? sirv(h5Dir, { dev: true, etag: true, single: true }) : null)
  // dev mode: uploads arrive after start, so look files up per request.
  const serveFiles = sirv(runtime.files.directory, { dev: true, etag: true })

  function callerOpenid(req: IncomingMessage): string | null {
    const token = bearerToken(req.headers.authorization)
    return token ? (verifySession(token, secret)?.openid ?? null) : null
  }

  async function callFunction(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) return sendError(res, 404, 'UNKNOWN_FUNCTION', `未知云函数：${name.slice(0, 64)}`)
    let event: unknown
    try {
      const body = await readBody(req, FUNCTION_BODY_LIMIT)
      event = JSON.parse(body.toString('utf8') || 'null')
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', '请求内容过大')
      return sendError(res, 400, 'INVALID_INPUT', '请求体不是合法的 JSON')
    }
    const openid = callerOpenid(req)
    // Without a verified session the context carries no caller, exactly like a
    // CloudBase call with no WeChat identity: the function answers UNAUTHENTICATED.
    const context = openid ? localContextFor(openid, name, randomUUID()) : { request_id: randomUUID(), function_name: name }
    const result = await FUNCTIONS[name as FunctionName].main(event, context)
    sendJson(res, 200, result)
  }

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let persona: unknown
    try {
      persona = (JSON.parse((await readBody(req, 4096)).toString('utf8')) as { persona?: unknown }).persona
    } catch {
      return sendError(res, 400, 'INVALID_INPUT', '请求体不是合法的 JSON')
    }
    if (typeof persona !== 'string' || !PERSONA_PATTERN.test(persona)) {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '身份名只能包含字母、数字、下划线或连字符，最多 32 个', field: 'persona' } })
    }
    const openid = personaOpenid(persona)
    const token = signSession({ persona, openid }, secret)
    sendJson(res, 200, { ok: true, data: { token, openid, persona } })
  }

  async function personas(res: ServerResponse): Promise<void> {
    const members = runtime.store.collection<MemberDoc>(MEMBERS)
    const data = await Promise.all(
      SEED_PERSONAS.map(async ({ persona, nickname }) => {
        const member = await members.get(personaOpenid(persona))
        return { persona, nickname: member?.nickname ?? nickname, role: member?.role ?? (hostOpenids.has(personaOpenid(persona)) ? 'owner' : 'member') }
      })
    )
    sendJson(res, 200, { ok: true, data })
  }

  async function outbox(res: ServerResponse): Promise<void> {
    const queued = await runtime.store.collection<OutboxDoc>(OUTBOX).find({}, { sort: [['createdAt', 'desc']], limit: 100 })
    const delivered = await runtime.store.collection<NotificationDoc>(NOTIFICATIONS).find({}, { sort: [['sentAt', 'desc']], limit: 100 })
    sendJson(res, 200, { ok: true, data: { outbox: queued.items, delivered: delivered.items } })
  }

  /**
   * Every timer function, one after another, through the same entry the CloudBase timer
   * trigger calls (no caller in the context); on CloudBase each runs on its own minute timer.
   * The order (domain/jobs/jobs.ts) ends with `cron`, whose outbox drain sends what the others queued.
   */
  async function runTimers(triggerName: string) {
    const jobs = []
    for (const fn of TIMER_FUNCTION_NAMES) {
      const result = await FUNCTIONS[fn].main({ Type: 'Timer', TriggerName: triggerName, Time: new Date(runtime.clock.now()).toISOString() }, localTimerContext(randomUUID()))
      if (!result.ok) return result
      jobs.push(...(result.data as { jobs: unknown[] }).jobs)
    }
    return { ok: true as const, data: { startedAt: runtime.clock.now(), jobs } }
  }

  async function runCron(res: ServerResponse): Promise<void> {
    sendJson(res, 200, await runTimers('dev'))
  }

  async function mediaCheck(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Stands in for WeChat's wxa_media_check message push (try it with LOCAL_IMAGE_CHECK=pending).
    let body: { traceId?: unknown; suggest?: unknown }
    try {
      body = JSON.parse((await readBody(req, 4096)).toString('utf8'))
    } catch {
      return sendError(res, 400, 'INVALID_INPUT', '请求体不是合法的 JSON')
    }
    sendJson(res, 200, await mediaCheckMain({ Event: 'wxa_media_check', trace_id: body.traceId, result: { suggest: body.suggest } }, { request_id: randomUUID() }))
  }

  async function payNotify(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The notify URL, as CloudBase HTTP access would deliver it to payNotify.
    let body: string
    try {
      body = (await readBody(req, PAY_NOTIFY_BODY_LIMIT)).toString('utf8')
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error
      // Answered in WeChat Pay's own FAIL shape, like every other refusal of a notify; nothing is read or written.
      const text = JSON.stringify({ code: 'FAIL', message: '通知内容过大' })
      res.writeHead(413, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      return void res.end(text)
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
    const answer = await payNotifyMain({ headers, body, isBase64Encoded: false })
    res.writeHead(answer.statusCode, answer.headers)
    res.end(answer.body)
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const openid = callerOpenid(req)
    if (!openid) return sendError(res, 401, 'UNAUTHENTICATED', '请先登录')
    try {
      const { bytes, contentType } = await readUploadedImage(req)
      sendJson(res, 200, { ok: true, data: await runtime.files.save(openid, bytes, contentType) })
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', UPLOAD_MESSAGES.tooLarge)
      if (error instanceof AppError) return sendJson(res, UPLOAD_STATUS[error.code] ?? 400, { ok: false, error: error.toApiError() })
      throw error
    }
  }

  /** A document (PDF) for a circle post: sniffed by its bytes, capped at 20 MB. */
  async function uploadDocument(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const openid = callerOpenid(req)
    if (!openid) return sendError(res, 401, 'UNAUTHENTICATED', '请先登录')
    try {
      const { bytes, contentType, name } = await readUploadedDocument(req)
      sendJson(res, 200, { ok: true, data: await runtime.files.saveDocument(openid, bytes, contentType, name) })
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', DOCUMENT_MESSAGES.tooLarge)
      if (error instanceof AppError) return sendJson(res, UPLOAD_STATUS[error.code] ?? 400, { ok: false, error: error.toApiError() })
      throw error
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A malformed percent escape (/fn/%E0%A4%A) or an unparsable target is the caller's mistake: 400, not 500.
    const url = parseTarget(req.url)
    if (!url) return sendError(res, 400, 'INVALID_INPUT', '请求地址不正确')
    const path = url.pathname
    const method = req.method ?? 'GET'
    if (path === '/healthz') return sendJson(res, 200, { ok: true })
    if (path.startsWith('/fn/')) {
      if (method !== 'POST') return sendError(res, 405, 'INVALID_INPUT', '请使用 POST 调用云函数')
      return callFunction(decodeURIComponent(path.slice(4)), req, res)
    }
    if (path === '/upload' && method === 'POST') return upload(req, res)
    if (path === '/upload/document' && method === 'POST') return uploadDocument(req, res)
    if (path === '/pay/notify' && method === 'POST') return payNotify(req, res)
    if (path === '/sandbox-pay' && devLogin) return sandboxPayPage(runtime.payments, url, res)
    if (path.startsWith('/files/')) {
      req.url = path.slice('/files'.length)
      return serveFiles(req, res, () => sendError(res, 404, 'NOT_FOUND', '文件不存在'))
    }
    if (path.startsWith('/dev/')) {
      if (!devLogin) return sendError(res, 404, 'NOT_FOUND', '开发者接口未开启')
      if (path === '/dev/login' && method === 'POST') return login(req, res)
      if (path === '/dev/personas') return personas(res)
      if (path === '/dev/outbox') return outbox(res)
      if (path === '/dev/cron' && method === 'POST') return runCron(res)
      if (path === '/dev/media-check' && method === 'POST') return mediaCheck(req, res)
      if (path === '/dev/sandbox-pay' && method === 'POST') return sandboxPay(runtime.payments, req, res)
      return sendError(res, 404, 'NOT_FOUND', '没有这个开发者接口')
    }
    const h5 = serveStatic()
    if (h5) return h5(req, res, () => sendError(res, 404, 'NOT_FOUND', '页面不存在'))
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 build not found: run `npm run build:h5` (npm run dev does it for you).\n')
  }

  const server = createServer((req, res) => {
    // No response is ever content-sniffed: an upload is an image of the type its bytes proved, never a page.
    res.setHeader('x-content-type-options', 'nosniff')
    route(req, res).catch((error) => {
      logger.error('[dev-host]', error)
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', '服务繁忙，请稍后再试')
      else res.end()
    })
  })
  await new Promise<void>((done) => server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`
  if (!process.env.PUBLIC_URL) runtime.miniCodes.publicUrl = url

  const cronEvery = options.cronIntervalMs ?? 0
  const timer =
    cronEvery > 0
      ? setInterval(() => {
          runTimers('dev-interval').catch((error) => logger.error('[dev-host] timer functions failed', error))
        }, cronEvery)
      : null
  timer?.unref()

  return {
    url,
    runtime,
    async close() {
      if (timer) clearInterval(timer)
      await new Promise<void>((done) => server.close(() => done()))
      server.closeAllConnections?.()
      setRuntime(null)
      await runtime.store.close()
    }
  }
}

/** The request target as a URL whose path decodes, or null (a malformed escape, a target URL cannot parse). */
function parseTarget(target: string | undefined): URL | null {
  try {
    const url = new URL(target ?? '/', 'http://local')
    decodeURIComponent(url.pathname)
    return url
  } catch {
    return null
  }
}
