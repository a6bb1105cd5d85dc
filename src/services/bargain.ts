import type { Page, PageInput } from '../../types/page'
import type {
  BargainCampaignIdInput,
  BargainCampaignView,
  BargainCutLogEntry,
  BargainCutLogInput,
  BargainIdInput,
  BargainStatus,
  BargainView,
  CreateBargainCampaignInput,
  CutBargainResult,
  HostBargainCampaignView,
  PauseBargainCampaignInput,
  PayBargainInput,
  PayBargainResult
} from '../../types/bargain'
import type { Tone } from '../components/tag'
import { callFunction } from './api'
import { chinaTime } from '../utils/china-time'
import { formatFen } from '../utils/format'

// 砍价 bargains in the client, for the member pages (packages/bargain) and the
// host's (packages/host-bargain): cache keys, the words for each state, the
// progress line and the share title, and the server calls (pages call these,
// never callFunction). Every amount comes from the server: the client never
// proposes a cut or a price.

export const BARGAIN_CAMPAIGNS_KEY = 'bargain.campaigns'
export const HOST_BARGAINS_KEY = 'bargain.host'
export const bargainKey = (bargainId: string) => `bargain.detail.${bargainId}`
export const cutLogKey = (campaignId: string) => `bargain.log.${campaignId}`

export const STATUS_LABEL: Record<BargainStatus, string> = { open: '砍价中', paid: '已购买', refunded: '已退款', expired: '已过期' }
export const STATUS_TONE: Record<BargainStatus, Tone> = { open: 'red', paid: 'green', refunded: 'grey', expired: 'grey' }
export const PHASE_LABEL: Record<BargainCampaignView['phase'], string> = { running: '进行中', paused: '已暂停', ended: '已结束' }
export const PHASE_TONE: Record<BargainCampaignView['phase'], Tone> = { running: 'red', paused: 'orange', ended: 'grey' }
export const TARGET_LABEL: Record<BargainCampaignView['targetType'], string> = { plan: '会员', event: '活动名额', mall: '商城好物' }

/** 已砍 ¥23.40 · 还差 ¥5.60 (or 已砍到底价 ¥9.90). */
export function progressLine(b: Pick<BargainView, 'cutFen' | 'leftFen' | 'floorFen' | 'reachedFloor'>): string {
  return b.reachedFloor ? `已砍 ${formatFen(b.cutFen)} · 已砍到底价 ${formatFen(b.floorFen)}` : `已砍 ${formatFen(b.cutFen)} · 还差 ${formatFen(b.leftFen)}`
}

/** Percent of the way from start to floor, 0–100. */
export function progressPercent(b: Pick<BargainView, 'cutFen' | 'startFen' | 'floorFen'>): number {
  const total = b.startFen - b.floorFen
  return total <= 0 ? 100 : Math.min(100, Math.round((b.cutFen / total) * 100))
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 23:04:05 (or 2 天 03:04:05) until `at`. */
export function countdown(at: number, now: number): string {
  const left = Math.max(0, at - now)
  const days = Math.floor(left / 86_400_000)
  const rest = left % 86_400_000
  const clock = `${pad(Math.floor(rest / 3_600_000))}:${pad(Math.floor((rest % 3_600_000) / 60_000))}:${pad(Math.floor((rest % 60_000) / 1000))}`
  return days > 0 ? `${days} 天 ${clock}` : clock
}

/** 12月06日 20:00 (China time). */
export const formatBargainTime = (at: number) => chinaTime(at).format('MM月DD日 HH:mm')

/** The share card's title: 帮我砍一刀, what, and how far there is to go. */
export function shareTitle(b: Pick<BargainView, 'itemName' | 'priceFen' | 'leftFen' | 'floorFen' | 'reachedFloor'>): string {
  if (b.reachedFloor) return `我已砍到底价 ${formatFen(b.floorFen)}，「${b.itemName}」快来一起砍`
  return `帮我砍一刀！「${b.itemName}」现价 ${formatFen(b.priceFen)}，还差 ${formatFen(b.leftFen)} 砍到底价`
}

// Server calls (fission)

export function fetchBargainCampaigns(input: PageInput): Promise<Page<BargainCampaignView>> {
  return callFunction('fission', 'bargainCampaigns', input)
}

export function fetchBargainCampaign(input: BargainCampaignIdInput): Promise<BargainCampaignView> {
  return callFunction('fission', 'bargainCampaign', input)
}

export function startBargain(input: BargainCampaignIdInput): Promise<BargainView> {
  return callFunction('fission', 'startBargain', input)
}

export function fetchBargain(input: BargainIdInput): Promise<BargainView> {
  return callFunction('fission', 'bargain', input)
}

export function cutBargain(input: BargainIdInput): Promise<CutBargainResult> {
  return callFunction('fission', 'cutBargain', input)
}

export function payBargain(input: PayBargainInput): Promise<PayBargainResult> {
  return callFunction('fission', 'payBargain', input)
}

export function fetchHostBargainCampaigns(input: PageInput): Promise<Page<HostBargainCampaignView>> {
  return callFunction('fission', 'hostBargainCampaigns', input)
}

export function createBargainCampaign(input: CreateBargainCampaignInput): Promise<HostBargainCampaignView> {
  return callFunction('fission', 'createBargainCampaign', input)
}

export function pauseBargainCampaign(input: PauseBargainCampaignInput): Promise<HostBargainCampaignView> {
  return callFunction('fission', 'pauseBargainCampaign', input)
}

export function fetchBargainCutLog(input: BargainCutLogInput): Promise<Page<BargainCutLogEntry>> {
  return callFunction('fission', 'bargainCutLog', input)
}
