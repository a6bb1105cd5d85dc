import type { CronJobReport, CronRunReport } from '../../../types/cron'
import type { Runtime } from '../../platform/runtime'
import { JOBS } from './jobs'

/** Runs the named jobs (all by default); one failing job does not stop the others. */
export async function runJobs(runtime: Runtime, only?: string[]): Promise<CronRunReport> {
  const startedAt = runtime.clock.now()
  const reports: CronJobReport[] = []
  for (const job of JOBS) {
    if (only && !only.includes(job.name)) continue
    try {
      reports.push({ job: job.name, ok: true, counts: await job.run(runtime) })
    } catch (error) {
      console.error(`[cron] job ${job.name} failed`, error)
      reports.push({ job: job.name, ok: false, counts: {}, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return { startedAt, jobs: reports }
}

export const JOB_NAMES = JOBS.map((job) => job.name)
