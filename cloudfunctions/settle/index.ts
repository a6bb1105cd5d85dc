// Cloud function `settle`: every minute its timer runs money that time settles (unpaid orders, owed refunds, group buys, deposits); see domain/jobs/settle-jobs.ts.
import { createTimerFunction } from '../platform/timer-function'
import { SETTLE_JOBS } from '../domain/jobs/settle-jobs'
import { settleActions } from './actions'

export const main = createTimerFunction('settle', SETTLE_JOBS, settleActions)
