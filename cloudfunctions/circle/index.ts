// Cloud function `circle`: what a circle holds (posts, announcements, Q&A with the host and guests).
import { createFunction } from '../platform/create-function'
import { circleActions } from './actions'

export const main = createFunction('circle', circleActions)
