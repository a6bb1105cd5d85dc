// Cloud function `host`: the host's operating layer (team, console with numbers, member CRM, exports); recall and analytics are `marketing`.
import { createFunction } from '../platform/create-function'
import { hostActions } from './actions'

export const main = createFunction('host', hostActions)
