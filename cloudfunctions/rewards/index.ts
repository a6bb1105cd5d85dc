// Cloud function `rewards`: coupon campaigns and the member's coupons.
import { createFunction } from '../platform/create-function'
import { rewardActions } from './actions'

export const main = createFunction('rewards', rewardActions)
