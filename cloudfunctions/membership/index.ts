// Cloud function `membership`: circles, plans, trials, orders and refunds.
import { createFunction } from '../platform/create-function'
import { membershipActions } from './actions'

export const main = createFunction('membership', membershipActions)
