// Cloud function `events`: 活动 — signup, capacity, waitlist, fees, tickets at the door.
import { createFunction } from '../platform/create-function'
import { eventActions } from './actions'

export const main = createFunction('events', eventActions)
