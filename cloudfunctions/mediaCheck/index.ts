// Cloud function `mediaCheck`: receives WeChat's message push for asynchronous
// image checks (Event 'wxa_media_check'). Not callable by members: a call that
// carries a WeChat caller is refused, and only trace ids WeChat gave us match.
import type { ApiResult } from '../../types/result'
import { callerFromContext, type FunctionContext } from '../platform/caller'
import { getRuntime } from '../platform/runtime'
import { resolveMediaCheck, type MediaVerdict } from '../domain/checkin/media-check'

interface MediaCheckPush {
  Event?: unknown
  trace_id?: unknown
  result?: { suggest?: unknown }
}

export async function main(event: unknown, context?: FunctionContext): Promise<ApiResult<{ status: 'applied' | 'ignored' }>> {
  const runtime = getRuntime()
  if (callerFromContext(context, runtime.config.mode === 'cloudbase' ? process.env : undefined)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '只接受微信的消息推送' } }
  }
  const push = (event ?? {}) as MediaCheckPush
  const suggest = push.result?.suggest
  if (push.Event !== 'wxa_media_check' || typeof push.trace_id !== 'string' || !['pass', 'risky', 'review'].includes(String(suggest))) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'not a wxa_media_check push' } }
  }
  try {
    return { ok: true, data: { status: await resolveMediaCheck(runtime, push.trace_id, suggest as MediaVerdict, runtime.clock.now()) } }
  } catch (error) {
    console.error('[mediaCheck] failed', error)
    return { ok: false, error: { code: 'INTERNAL', message: 'retry later' } }
  }
}
