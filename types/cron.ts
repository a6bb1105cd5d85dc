export type CronRunInput = {
  /** Run only these jobs (default: every registered job). */
  jobs?: string[]
}

export interface CronJobReport {
  job: string
  ok: boolean
  /** What the job did, e.g. { sent: 3, retried: 1 }. */
  counts: Record<string, number>
  error?: string
}

export interface CronRunReport {
  startedAt: number
  jobs: CronJobReport[]
}
