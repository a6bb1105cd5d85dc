// Cloud function `insights`: every minute its timer runs the host's numbers and reach (attribution, daily stats, segments, recall, analytics, exports); see domain/jobs/insight-jobs.ts.
import { createTimerFunction } from '../platform/timer-function'
import { INSIGHT_JOBS } from '../domain/jobs/insight-jobs'
import { insightsActions } from './actions'

export const main = createTimerFunction('insights', INSIGHT_JOBS, insightsActions)
