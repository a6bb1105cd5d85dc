import type { AnalyticsPeriod, AnalyticsView, ConvertingCheckinView } from '../../types/analytics'
import type { Page } from '../../types/page'
import { callFunction } from './api'

// The host's analytics: reports precomputed by cron, and the check-ins that brought first payments.

export const analyticsKey = (period: AnalyticsPeriod) => `marketing.analytics.${period}`
export const TOP_CONVERTING_KEY = 'marketing.topConverting'

export function fetchAnalytics(period: AnalyticsPeriod): Promise<AnalyticsView> {
  return callFunction('marketing', 'analytics', { period })
}

export function fetchTopConverting(after: string | null): Promise<Page<ConvertingCheckinView>> {
  return callFunction('marketing', 'topConverting', { after })
}
