import * as z from 'zod'
import type { CronRunInput } from '../../types/cron'
import { defineActions } from '../platform/define-action'
import { JOB_NAMES, runJobs } from '../domain/jobs/run-jobs'

const runInput: z.ZodType<CronRunInput> = z.strictObject({
  jobs: z.array(z.string().max(64).refine((name) => JOB_NAMES.includes(name), { error: '没有这个任务' })).max(20).optional()
})

export const cronActions = defineActions('cron', {
  run: {
    role: 'host',
    input: runInput,
    example: {},
    handle: (input, { runtime }) => runJobs(runtime, input.jobs)
  }
})
