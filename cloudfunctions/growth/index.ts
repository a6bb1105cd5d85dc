// Cloud function `growth`: points, growth value, tiers and perks, the points mall.
import { createFunction } from '../platform/create-function'
import { growthActions } from './actions'

export const main = createFunction('growth', growthActions)
