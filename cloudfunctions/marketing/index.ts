// Cloud function `marketing`: the host's reach: recall campaigns and automations (召回, domain/recall) and the analytics of who joins, stays and pays (数据分析, domain/analytics).
import { createFunction } from '../platform/create-function'
import { marketingActions } from './actions'

export const main = createFunction('marketing', marketingActions)
