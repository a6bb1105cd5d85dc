import type { Page, PageInput } from '../../types/page'
import type {
  GrowthSummary,
  Tier,
  AdjustPointsInput,
  GrowthSettings,
  LedgerEntryView,
  ListRedemptionsInput,
  MallItem,
  MallItemInput,
  MemberSegmentView,
  RedeemInput,
  RedemptionView,
  SegmentsInput,
  ShipRedemptionInput,
  UpdateGrowthSettingsInput,
  UpdateMallItemInput
} from '../../types/growth'
import { callFunction } from './api'
import { setQueryData, useQuery } from './use-query'
import { usePagedQuery } from './use-paged-query'
import { chinaTime } from '../utils/china-time'
import { formatDay } from '../utils/format'

// Growth in the client: the server calls (pages call these, never callFunction),
// cache keys and labels, shared by 我的 (main package), the growth pages and the
// host's growth console. Kept small on purpose: this file ships in the main package.

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

// Server calls (growth): the pages call these, never callFunction.

export function fetchLedger(input: PageInput): Promise<Page<LedgerEntryView>> {
  return callFunction('growth', 'ledger', input)
}

export function acknowledgeCelebration(): Promise<{ acknowledged: true }> {
  return callFunction('growth', 'acknowledgeCelebration', {})
}

export function fetchMallItems(input: PageInput): Promise<Page<MallItem>> {
  return callFunction('growth', 'mallItems', input)
}

export function redeemMallItem(input: RedeemInput): Promise<RedemptionView> {
  return callFunction('growth', 'redeem', input)
}

export function fetchMyRedemptions(input: PageInput): Promise<Page<RedemptionView>> {
  return callFunction('growth', 'myRedemptions', input)
}

export function fetchGrowthSettings(): Promise<GrowthSettings> {
  return callFunction('growth', 'settings', {})
}

export function updateGrowthSettings(input: UpdateGrowthSettingsInput): Promise<GrowthSettings> {
  return callFunction('growth', 'updateSettings', input)
}

export function adjustPoints(input: AdjustPointsInput): Promise<LedgerEntryView> {
  return callFunction('growth', 'adjustPoints', input)
}

export function createMallItem(input: MallItemInput): Promise<MallItem> {
  return callFunction('growth', 'createMallItem', input)
}

export function updateMallItem(input: UpdateMallItemInput): Promise<MallItem> {
  return callFunction('growth', 'updateMallItem', input)
}

export function fetchRedemptions(input: ListRedemptionsInput): Promise<Page<RedemptionView>> {
  return callFunction('growth', 'listRedemptions', input)
}

export function shipRedemption(input: ShipRedemptionInput): Promise<RedemptionView> {
  return callFunction('growth', 'shipRedemption', input)
}

export function fetchSegments(input: SegmentsInput): Promise<Page<MemberSegmentView>> {
  return callFunction('growth', 'segments', input)
}

// Cache keys the host growth pages share, so an edit on one page shows on the others.
export const SETTINGS_KEY = 'hostGrowth.settings'
export const HOST_ITEMS_KEY = 'hostGrowth.mallItems'

export function useGrowthSettings() {
  return useQuery<GrowthSettings>(SETTINGS_KEY, fetchGrowthSettings)
}

/** Every item, on sale or not: the host's mallItems includes inactive ones. */
export function useHostItems() {
  return usePagedQuery<MallItem>(HOST_ITEMS_KEY, (after) => fetchMallItems({ after }))
}
