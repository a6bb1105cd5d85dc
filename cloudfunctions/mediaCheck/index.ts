// Cloud function `mediaCheck`: receives WeChat's message push for asynchronous
// image checks (Event 'wxa_media_check'). WeChat's push carries the pushing
// member's openid in the context, so "has an openid" says nothing; what tells a
// push from a member's own call is the invocation source: calls from the
// mini-program, DevTools or the dev host's signed sessions are refused. A push
// must name our appid, and only trace ids we issued (recorded when the check-in
// was posted) change anything.
import type { ApiResult } from '../../types/result'
import { callerFromContext, isClientInvocation, type FunctionContext } from '../platform/caller'
import { getRuntime } from '../platform/runtime'
import { resolveMediaCheck, type MediaVerdict } from '../domain/checkin/media-check'

interface MediaCheckPush {
  Event?: unknown
  appid?: unknown
  trace_id?: unknown
  result?: { suggest?: unknown }
}

/** The mini-program's appid a push must name: WX_APPID in the push's own context, or the WXPAY_APPID configured for the environment. */
function expectedAppid(context: FunctionContext | undefined): string {
  return callerFromContext(context)?.appid || process.env.WX_APPID_EXPECTED || process.env.WXPAY_APPID || ''
}

export async function main(event: unknown, context?: FunctionContext): Promise<ApiResult<{ status: 'applied' | 'ignored' }>> {
  const runtime = getRuntime()
  if (isClientInvocation(context)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '只接受微信的消息推送' } }
  }
  const push = (event ?? {}) as MediaCheckPush
  const suggest = push.result?.suggest
  if (push.Event !== 'wxa_media_check' || typeof push.trace_id !== 'string' || !['pass', 'risky', 'review'].includes(String(suggest))) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'not a wxa_media_check push' } }
  }
  if (runtime.config.mode === 'cloudbase') {
    // In the cloud the push must name our mini-program (the v2 push's `appid`).
    const appid = expectedAppid(context)
    if (!appid || push.appid !== appid) return { ok: false, error: { code: 'FORBIDDEN', message: 'push for another appid' } }
  } else if (push.appid !== undefined && push.appid !== 'local-dev') {
    // The dev host's stand-in push (POST /dev/media-check) names no appid, or the local one.
    return { ok: false, error: { code: 'FORBIDDEN', message: 'push for another appid' } }
  }
  try {
    // resolveMediaCheck reads the trace id's record first: a trace id we never issued is 'ignored'.
    return { ok: true, data: { status: await resolveMediaCheck(runtime, push.trace_id, suggest as MediaVerdict, runtime.clock.now()) } }
  } catch (error) {
    console.error('[mediaCheck] failed', error)
    return { ok: false, error: { code: 'INTERNAL', message: 'retry later' } }
  }
}
