// Cloud function `cron`: the CloudBase timer trigger runs every job; a host may
// also run them on demand through the `run` action (the dev host's POST /dev/cron).
import { createFunction } from '../platform/create-function'
import type { FunctionContext } from '../platform/caller'
import { callerFromContext, isTimerInvocation } from '../platform/caller'
import { getRuntime } from '../platform/runtime'
import { runJobs } from '../domain/jobs/run-jobs'
import { cronActions } from './actions'

const routed = createFunction('cron', cronActions)

function isTimerEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

export async function main(event: unknown, context?: FunctionContext) {
  // The timer is recognised by its trigger source (TRIGGER_SRC 'timer' / source
  // 'wx_trigger', the context first), never by the absence of an openid: a stale
  // WX_OPENID in a warm instance's process.env must not skip cron, and an
  // anonymous call shaped like a timer event must not run every job.
  if (isTimerEvent(event)) {
    const runtime = getRuntime()
    if (!isTimerInvocation(context, runtime.config.mode === 'cloudbase' ? process.env : undefined) || callerFromContext(context)) {
      return { ok: false as const, error: { code: 'FORBIDDEN' as const, message: '只接受定时触发器' } }
    }
    return { ok: true as const, data: await runJobs(runtime) }
  }
  return routed(event, context)
}
