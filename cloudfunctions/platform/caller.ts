// Who is calling. CloudBase puts the WeChat caller into the function context:
// `context.environment` (a JSON string) on the current architecture, or
// `context.environ` ("K=V;K=V") on the older one. The dev host fills the same
// place after verifying its signed session, so functions never read identity
// from the event.

export interface FunctionContext {
  environment?: string
  environ?: string
  request_id?: string
  function_name?: string
  [key: string]: unknown
}

export interface CallerIdentity {
  openid: string
  appid: string
}

function parseEnviron(environ: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of environ.split(';')) {
    const at = pair.indexOf('=')
    if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return out
}

function contextVariables(context: FunctionContext | undefined): Record<string, unknown> {
  if (!context || typeof context !== 'object') return {}
  if (typeof context.environment === 'string' && context.environment) {
    try {
      const parsed = JSON.parse(context.environment)
      return parsed && typeof parsed === 'object' ? parsed : {}
    } catch {
      return {}
    }
  }
  if (typeof context.environ === 'string') return parseEnviron(context.environ)
  return {}
}

export function callerFromContext(context: FunctionContext | undefined, fallbackEnv?: NodeJS.ProcessEnv): CallerIdentity | null {
  const vars = contextVariables(context)
  const openid = vars.WX_OPENID ?? fallbackEnv?.WX_OPENID
  const appid = vars.WX_APPID ?? fallbackEnv?.WX_APPID ?? ''
  if (typeof openid !== 'string' || openid.length === 0 || openid.length > 128) return null
  return { openid, appid: typeof appid === 'string' ? appid : '' }
}

/**
 * What triggered this run, as the platform says in the context: `TRIGGER_SRC`
 * ('timer' for a timer trigger: @cloudbase/node-sdk `src/utils/wxCloudToken.ts`)
 * and `TCB_SOURCE` / `SOURCE`, the call chain ("wx_client", "wx_trigger",
 * "wx_client,scf", …: wx-server-sdk getWXContext, documented under
 * Cloud.getWXContext SOURCE). The context comes first; `TRIGGER_SRC` alone
 * falls back to process.env (pass it), with the precedence the SDK itself uses
 * to pick a timer's API token (`getCloudbaseContext` in
 * @cloudbase/node-sdk `src/utils/tcbcontext.ts`: context > process.env), in
 * case the platform puts it only there. A stale value there cannot make a
 * member's call a timer: their context names them (see cron's main).
 */
export interface InvocationSource {
  triggerSrc: string
  /** The chain, first element first ('' when the context names none). */
  chain: string[]
}

export function invocationSource(context: FunctionContext | undefined, fallbackEnv?: Readonly<Record<string, string | undefined>>): InvocationSource {
  const vars = contextVariables(context)
  const fromContext = typeof vars.TRIGGER_SRC === 'string' ? vars.TRIGGER_SRC : ''
  const triggerSrc = fromContext || fallbackEnv?.TRIGGER_SRC || ''
  const raw = vars.TCB_SOURCE ?? vars.SOURCE
  const chain = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : []).map((s) => s.trim()).filter(Boolean)
  return { triggerSrc, chain }
}

/** A timer trigger: TRIGGER_SRC 'timer', or a chain that starts with 'wx_trigger', and no client anywhere in it. */
export function isTimerInvocation(context: FunctionContext | undefined, fallbackEnv?: Readonly<Record<string, string | undefined>>): boolean {
  const source = invocationSource(context, fallbackEnv)
  if (isClientInvocation(context)) return false
  return source.triggerSrc === 'timer' || source.chain[0] === 'wx_trigger'
}

/** Sources that are a member's (or a developer's) own call: the mini-program, DevTools, local debugging, the dev host's signed sessions. */
const CLIENT_SOURCES = new Set(['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler', 'local'])

export function isClientInvocation(context: FunctionContext | undefined): boolean {
  const source = invocationSource(context)
  return CLIENT_SOURCES.has(source.triggerSrc) || source.chain.some((s) => CLIENT_SOURCES.has(s))
}

/** The context the dev host hands to cron for its timer (POST /dev/cron, the interval timer), shaped as CloudBase's timer trigger. */
export function localTimerContext(requestId: string): FunctionContext {
  return {
    request_id: requestId,
    function_name: 'cron',
    namespace: 'local',
    environment: JSON.stringify({ TCB_ENV: 'local', TRIGGER_SRC: 'timer', TCB_SOURCE: 'wx_trigger' })
  }
}

/** The context the dev host (and tests) hand to a function for a verified caller. */
export function localContextFor(openid: string, functionName: string, requestId: string): FunctionContext {
  return {
    request_id: requestId,
    function_name: functionName,
    namespace: 'local',
    environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: 'local-dev', TCB_ENV: 'local', TRIGGER_SRC: 'local' })
  }
}
