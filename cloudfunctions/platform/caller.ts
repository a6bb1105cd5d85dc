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

/** The context the dev host (and tests) hand to a function for a verified caller. */
export function localContextFor(openid: string, functionName: string, requestId: string): FunctionContext {
  return {
    request_id: requestId,
    function_name: functionName,
    namespace: 'local',
    environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: 'local-dev', TCB_ENV: 'local', TRIGGER_SRC: 'local' })
  }
}
