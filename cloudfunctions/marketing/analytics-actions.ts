// Analytics: the AARRR funnel, cohorts, completion curves and revenue (precomputed
// by the refreshAnalytics cron job), and the check-ins that brought first payments
// (the attributeConversions job). Reads only: featuring goes through challenges.featureCheckin.
import type { ActionMap } from '../platform/define-action'
import { topConverting } from '../domain/analytics/attribution'
import { analyticsView } from '../domain/analytics/reports'
import { analyticsInput, topConvertingInput } from '../domain/analytics/schemas'

export const analyticsActions: Pick<ActionMap<'marketing'>, 'analytics' | 'topConverting'> = {
  analytics: { role: 'admin', input: analyticsInput, example: { period: 30 }, handle: (input, { runtime }) => analyticsView(runtime, input.period) },
  topConverting: { role: 'admin', input: topConvertingInput, example: {}, handle: (input, { runtime }) => topConverting(runtime, input.after) }
}
