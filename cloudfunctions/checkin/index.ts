// Cloud function `checkin`: challenges, check-ins, the testimonial feed, likes,
// comments, reports and moderation.
import { createFunction } from '../platform/create-function'
import { checkinActions } from './actions'

export const main = createFunction('checkin', checkinActions)
