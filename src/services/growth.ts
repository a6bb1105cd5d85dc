import type { GrowthSummary, Tier } from '../../types/growth'
import { callFunction } from './api'
import { setQueryData, useQuery } from './use-query'
import { chinaTime } from '../utils/china-time'
import { formatDay } from '../utils/format'

// Growth calls and labels shared by 我的 (main package) and the growth pages.
// Kept small on purpose: everything here ships in the main package.

export const GROWTH_CENTER_PAGE = '/packages/growth/center/index'
export const GROWTH_SUMMARY_KEY = 'growth.summary'

export function fetchGrowthSummary(): Promise<GrowthSummary> {
  return callFunction('growth', 'summary', {})
}

/** One cached summary for 我的, 我的成长 and the mall, so a redeem shows everywhere at once. */
export function useGrowthSummary() {
  return useQuery<GrowthSummary>(GROWTH_SUMMARY_KEY, fetchGrowthSummary)
}

export function putGrowthSummary(summary: GrowthSummary): void {
  setQueryData(GROWTH_SUMMARY_KEY, summary)
}

/** Lv2 活跃 */
export function tierLabel(tier: Pick<Tier, 'level' | 'name'>): string {
  return `Lv${tier.level} ${tier.name}`
}

/** 5% off → 95折, 10% → 9折, 100% → 免费; 0 → '' (no discount to show). */
export function discountLabel(percentOff: number): string {
  const pay = 100 - Math.max(0, Math.min(100, Math.round(percentOff)))
  if (pay === 100) return ''
  if (pay === 0) return '免费'
  const zhe = pay % 10 === 0 ? String(pay / 10) : pay < 10 ? `0.${pay}` : String(pay)
  return `${zhe}折`
}

/** Whole points with a thousands separator: 12800 → 12,800. */
export function formatPoints(points: number): string {
  return String(Math.round(points)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** 今天 14:30 / 昨天 08:05 / 11-20 21:00, in China time. */
export function formatDateTime(at: number, now: number = Date.now()): string {
  return `${formatDay(at, now)} ${chinaTime(at).format('HH:mm')}`
}
