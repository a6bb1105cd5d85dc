import * as z from 'zod/mini'
import type { CronRunInput } from '../../types/cron'
import { defineActions } from '../platform/define-action'
import { JOB_NAMES, runJobs } from '../domain/jobs/run-jobs'

const runInput: z.ZodMiniType<CronRunInput> = z.strictObject({
  jobs: z.optional(
    z
      .array(
        z.string().check(
          z.maxLength(64),
          z.refine((name) => JOB_NAMES.includes(name), { error: '没有这个任务' })
        )
      )
      .check(z.maxLength(20))
  )
})

export const cronActions = defineActions('cron', {
  run: {
    role: 'owner',
    input: runInput,
    example: {},
    handle: (input, { runtime }) => runJobs(runtime, input.jobs)
  }
})
