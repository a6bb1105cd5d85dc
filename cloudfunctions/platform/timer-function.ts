// A function a CloudBase timer trigger runs: every job of its list, in order;
// a host may also run named jobs of it on demand through its `run` action (the
// dev host's POST /dev/cron runs every timer function). The timer functions
// and their lists: domain/jobs/jobs.ts.
import * as z from 'zod/mini'
import type { CronRunInput } from '../../types/cron'
import type { Job, TimerFunctionName } from '../domain/jobs/jobs'
import { runJobs } from '../domain/jobs/run-jobs'
import { callerFromContext, isTimerInvocation, type FunctionContext } from './caller'
import { createFunction } from './create-function'
import { defineActions, type ActionMap } from './define-action'
import { getRuntime } from './runtime'

/** The `run` action of a timer function: its own jobs only, by name (unknown names: 没有这个任务). */
export function timerActions<F extends TimerFunctionName>(fn: F, jobs: Job[]): ActionMap<F> {
  const names = jobs.map((job) => job.name)
  const runInput: z.ZodMiniType<CronRunInput> = z.strictObject({
    jobs: z.optional(
      z
        .array(
          z.string().check(
            z.maxLength(64),
            z.refine((name) => names.includes(name), { error: '没有这个任务' })
          )
        )
        .check(z.maxLength(20))
    )
  })
  const actions: ActionMap<TimerFunctionName> = {
    run: { role: 'owner', input: runInput, example: {}, handle: (input, { runtime }) => runJobs(runtime, jobs, input.jobs) }
  }
  return defineActions(fn, actions as ActionMap<F>)
}

function isTimerEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/** The function's entry: a timer event runs every job; anything else goes through the router to `run`. */
export function createTimerFunction<F extends TimerFunctionName>(fn: F, jobs: Job[], actions: ActionMap<F>) {
  const routed = createFunction(fn, actions)
  return async function main(event: unknown, context?: FunctionContext) {
    // The timer is recognised by its trigger source (TRIGGER_SRC 'timer' / source
    // 'wx_trigger', the context first), never by the absence of an openid: a stale
    // WX_OPENID in a warm instance's process.env must not skip the jobs, and an
    // anonymous call shaped like a timer event must not run every job.
    if (isTimerEvent(event)) {
      const runtime = getRuntime()
      if (!isTimerInvocation(context, runtime.config.mode === 'cloudbase' ? process.env : undefined) || callerFromContext(context)) {
        return { ok: false as const, error: { code: 'FORBIDDEN' as const, message: '只接受定时触发器' } }
      }
      return { ok: true as const, data: await runJobs(runtime, jobs) }
    }
    return routed(event, context)
  }
}
