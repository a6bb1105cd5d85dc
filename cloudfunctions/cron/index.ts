// Cloud function `cron`: every minute its timer runs the community's minute (facts, boards, points, reminders, the outbox); see domain/jobs/community-jobs.ts.
import { createTimerFunction } from '../platform/timer-function'
import { CRON_JOBS } from '../domain/jobs/community-jobs'
import { cronActions } from './actions'

export const main = createTimerFunction('cron', CRON_JOBS, cronActions)
