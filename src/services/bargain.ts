import type { BargainCampaignView, BargainStatus, BargainView } from '../../types/bargain'
import type { Tone } from '../components/tag'
import { callAction } from './api'
import { chinaTime } from '../utils/china-time'
import { countdown, formatFen } from '../utils/format'

export { countdown }

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

/** 12月06日 20:00 (China time). */
export const formatBargainTime = (at: number) => chinaTime(at).format('MM月DD日 HH:mm')

/** The share card's title: 帮我砍一刀, what, and how far there is to go. */
export function shareTitle(b: Pick<BargainView, 'itemName' | 'priceFen' | 'leftFen' | 'floorFen' | 'reachedFloor'>): string {
  if (b.reachedFloor) return `我已砍到底价 ${formatFen(b.floorFen)}，「${b.itemName}」快来一起砍`
  return `帮我砍一刀！「${b.itemName}」现价 ${formatFen(b.priceFen)}，还差 ${formatFen(b.leftFen)} 砍到底价`
}

// Server calls (fission)

export const fetchBargainCampaigns = callAction('fission', 'bargainCampaigns')
export const fetchBargainCampaign = callAction('fission', 'bargainCampaign')
export const startBargain = callAction('fission', 'startBargain')
export const fetchBargain = callAction('fission', 'bargain')
export const cutBargain = callAction('fission', 'cutBargain')
export const payBargain = callAction('fission', 'payBargain')
export const fetchHostBargainCampaigns = callAction('fission', 'hostBargainCampaigns')
export const createBargainCampaign = callAction('fission', 'createBargainCampaign')
export const pauseBargainCampaign = callAction('fission', 'pauseBargainCampaign')
export const fetchBargainCutLog = callAction('fission', 'bargainCutLog')
