// Cloud function `checkin`: a member's check-ins and the feed (posting, make-up cards, likes, comments, reports). Hosts' challenge setup and moderation are `challenges`, deposits are `deposits`.
import { createFunction } from '../platform/create-function'
import { checkinActions } from './actions'

export const main = createFunction('checkin', checkinActions)
