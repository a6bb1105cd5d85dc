// Every periodic job, by the timer function that runs it. A function imports only
// its own list (community-jobs.ts, settle-jobs.ts, insight-jobs.ts, photo-jobs.ts),
// so each bundle carries its jobs' code alone; this index is for the dev host's
// one-tap run of every timer and for the tests. Add a job to the list of the
// function whose concern it is (a new timer function: its list, its folder under
// cloudfunctions/ with createTimerFunction, a cloudbaserc.json entry with a timer).
import type { CronRunReport } from '../../../types/cron'
import type { Runtime } from '../../platform/runtime'
import type { Job } from './job'
import { runJobs } from './run-jobs'
import { CRON_JOBS } from './community-jobs'
import { SETTLE_JOBS } from './settle-jobs'
import { INSIGHT_JOBS } from './insight-jobs'
import { PHOTO_JOBS } from './photo-jobs'

export type { Job } from './job'

/** In the order the dev host runs them: the host's numbers first, then photos, money, and the community's minute (which drains the outbox last). */
export const JOBS_BY_FUNCTION = { insights: INSIGHT_JOBS, photoCheck: PHOTO_JOBS, settle: SETTLE_JOBS, cron: CRON_JOBS } as const

export type TimerFunctionName = keyof typeof JOBS_BY_FUNCTION

export const TIMER_FUNCTION_NAMES = Object.keys(JOBS_BY_FUNCTION) as TimerFunctionName[]

export const JOBS: Job[] = TIMER_FUNCTION_NAMES.flatMap((fn) => JOBS_BY_FUNCTION[fn])

/** The timer function that runs a job. */
export function timerFunctionOf(job: string): TimerFunctionName {
  const fn = TIMER_FUNCTION_NAMES.find((name) => JOBS_BY_FUNCTION[name].some((j) => j.name === job))
  if (!fn) throw new Error(`no timer function runs ${job}`)
  return fn
}

/** The named jobs (every job by default) whichever function runs them, in JOBS's order: for the tests. */
export function runJobsByName(runtime: Runtime, only?: string[]): Promise<CronRunReport> {
  return runJobs(runtime, JOBS, only)
}
