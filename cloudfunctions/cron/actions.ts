// Cloud function `cron`'s one action, `run`: a host runs named jobs of its list on demand.
import { timerActions } from '../platform/timer-function'
import { CRON_JOBS } from '../domain/jobs/community-jobs'

export const cronActions = timerActions('cron', CRON_JOBS)
