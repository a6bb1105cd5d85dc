// Cloud function `settle`'s one action, `run`: a host runs named jobs of its list on demand.
import { timerActions } from '../platform/timer-function'
import { SETTLE_JOBS } from '../domain/jobs/settle-jobs'

export const settleActions = timerActions('settle', SETTLE_JOBS)
