import type { CronJobReport, CronRunReport } from '../../../types/cron'
import type { Runtime } from '../../platform/runtime'
import type { Job } from './job'

/** Runs the named jobs of a list (all by default), in its order; one failing job does not stop the others. */
export async function runJobs(runtime: Runtime, jobs: Job[], only?: string[]): Promise<CronRunReport> {
  const startedAt = runtime.clock.now()
  const reports: CronJobReport[] = []
  for (const job of jobs) {
    if (only && !only.includes(job.name)) continue
    try {
      reports.push({ job: job.name, ok: true, counts: await job.run(runtime) })
    } catch (error) {
      console.error(`[timer] job ${job.name} failed`, error)
      reports.push({ job: job.name, ok: false, counts: {}, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return { startedAt, jobs: reports }
}
