// Cloud function `marketing`'s actions: the host's reach: recall campaigns and automations (召回, domain/recall) and the analytics of who joins, stays and pays (数据分析, domain/analytics).
import { defineActions } from '../platform/define-action'
import { recallActions } from './recall-actions'
import { analyticsActions } from './analytics-actions'

export const marketingActions = defineActions('marketing', { ...recallActions, ...analyticsActions })
