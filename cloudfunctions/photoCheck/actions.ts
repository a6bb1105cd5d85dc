// Cloud function `photoCheck`'s one action, `run`: a host runs named jobs of its list on demand.
import { timerActions } from '../platform/timer-function'
import { PHOTO_JOBS } from '../domain/jobs/photo-jobs'

export const photoCheckActions = timerActions('photoCheck', PHOTO_JOBS)
