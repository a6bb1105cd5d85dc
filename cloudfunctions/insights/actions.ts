// Cloud function `insights`'s one action, `run`: a host runs named jobs of its list on demand.
import { timerActions } from '../platform/timer-function'
import { INSIGHT_JOBS } from '../domain/jobs/insight-jobs'

export const insightsActions = timerActions('insights', INSIGHT_JOBS)
