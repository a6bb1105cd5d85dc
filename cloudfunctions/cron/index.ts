// Cloud function `cron`: the CloudBase timer trigger runs every job; a host may
// also run them on demand through the `run` action (the dev host's POST /dev/cron).
import { createFunction } from '../platform/create-function'
import type { FunctionContext } from '../platform/caller'
import { callerFromContext } from '../platform/caller'
import { getRuntime } from '../platform/runtime'
import { runJobs } from '../domain/jobs/run-jobs'
import { cronActions } from './actions'

const routed = createFunction('cron', cronActions)

function isTimerEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

export async function main(event: unknown, context?: FunctionContext) {
  // A timer trigger carries no WeChat caller; an event that merely claims to be a
  // timer but comes from a member goes through the router and its host check.
  const runtime = getRuntime()
  const caller = callerFromContext(context, runtime.config.mode === 'cloudbase' ? process.env : undefined)
  if (isTimerEvent(event) && !caller) return { ok: true as const, data: await runJobs(runtime) }
  return routed(event, context)
}
