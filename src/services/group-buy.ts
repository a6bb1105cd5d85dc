import type { GroupBuyView, GroupPhase, GroupView } from '../../types/group-buy'
import type { Tone } from '../components/tag'
import { callAction } from './api'
import { countdown, formatFen } from '../utils/format'

export { countdown }

// 拼团 group buying in the client, for the member pages (packages/group-buy)
// and the host's (packages/host-group-buy): cache keys, the words for each
// phase, 还差 N 人, the countdown, the share title, and the server calls
// (pages call these, never callFunction).

export const GROUP_BUYS_KEY = 'groupBuy.list'
export const HOST_GROUP_BUYS_KEY = 'groupBuy.host'
export const groupBuyKey = (campaignId: string) => `groupBuy.offer.${campaignId}`
export const groupKey = (groupId: string) => `groupBuy.group.${groupId}`
export const groupBuyLogsKey = (campaignId: string) => `groupBuy.logs.${campaignId}`

export const PHASE_LABEL: Record<GroupPhase, string> = { pending: '待团长支付', open: '拼团中', completed: '已成团', failed: '未成团', abandoned: '已取消' }
export const PHASE_TONE: Record<GroupPhase, Tone> = { pending: 'orange', open: 'red', completed: 'green', failed: 'grey', abandoned: 'grey' }
export const TARGET_LABEL: Record<GroupBuyView['targetType'], string> = { plan: '会员', event: '活动名额' }

/** The line under a group's members: 还差 2 人 · 剩余 23:59:59, or how it ended. */
export function progressLine(group: GroupView, now: number): string {
  if (group.phase === 'pending') return '团长支付后开团，好友即可参团'
  if (group.phase === 'open') {
    if (group.expiresAt !== null && now >= group.expiresAt) return '已到时间，正在结算'
    return `还差 ${group.missing} 人 · 剩余 ${countdown(group.expiresAt ?? now, now)}`
  }
  if (group.phase === 'completed') return group.simulated > 0 ? `已成团（主理人模拟成团补齐 ${group.simulated} 人）` : `${group.size} 人已成团`
  if (group.phase === 'failed') return '到时未成团，已付款项自动原路退回'
  return '团长未支付，团已取消'
}

/** What the caller's own seat says. */
export function mineLine(group: GroupView, now: number): string | null {
  const mine = group.mine
  if (!mine) return null
  if (mine.status === 'held') return mine.payBefore > now ? `名额已为你保留，请在 ${countdown(mine.payBefore, now)} 内完成支付` : '支付超时，名额已释放'
  if (mine.status === 'paid') return group.phase === 'completed' ? '已成团，正在为全员开通（约 1 分钟）' : '你已支付，成团后与团员一起开通'
  if (mine.status === 'granted') return group.targetType === 'plan' ? '已成团，会员已生效' : '已成团，报名已确认，可在我的票查看'
  return '已退款，款项原路退回'
}

/** The share card's title: the price, what it is, and how many are missing. */
export function shareTitle(group: GroupView): string {
  const missing = group.phase === 'open' ? `还差 ${group.missing} 人，` : ''
  return `【拼团】${missing}${formatFen(group.priceFen)} 一起拼「${group.itemName}」${group.originalFen > group.priceFen ? `（原价${formatFen(group.originalFen)}）` : ''}`
}

export const offerShareTitle = (offer: GroupBuyView) => `【${offer.size} 人团】${formatFen(offer.priceFen)} 拼「${offer.itemName}」，邀好友一起买更便宜`

// Server calls (fission)

export const fetchGroupBuys = callAction('sales', 'groupBuys')
export const fetchGroupBuy = callAction('sales', 'groupBuy')
export const fetchGroup = callAction('sales', 'groupBuyGroup')
export const startGroupBuy = callAction('sales', 'startGroupBuy')
export const joinGroupBuy = callAction('sales', 'joinGroupBuy')
export const fetchHostGroupBuys = callAction('sales', 'hostGroupBuys')
export const createGroupBuy = callAction('sales', 'createGroupBuy')
export const pauseGroupBuy = callAction('sales', 'pauseGroupBuy')
export const fetchGroupBuyLogs = callAction('sales', 'groupBuyLogs')
