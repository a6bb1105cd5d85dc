// Cloud function `photoCheck`: every minute its timer runs copied check-in photos held for the host (domain/integrity); see domain/jobs/photo-jobs.ts.
import { createTimerFunction } from '../platform/timer-function'
import { PHOTO_JOBS } from '../domain/jobs/photo-jobs'
import { photoCheckActions } from './actions'

export const main = createTimerFunction('photoCheck', PHOTO_JOBS, photoCheckActions)
