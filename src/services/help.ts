import type { HelpCampaignView, HelpRewardType, HelpTaskStatus, HelpTaskView } from '../../types/help'
import type { Tone } from '../components/tag'
import { callAction } from './api'
import { chinaTime } from '../utils/china-time'

// 助力 help tasks in the client, for the member pages (packages/help) and the
// host's (packages/host-help): cache keys, the words for each state, the
// progress line and the share title, and the server calls (pages call these,
// never callFunction).

export const HELP_CAMPAIGNS_KEY = 'help.list'
export const HOST_HELP_KEY = 'help.host'
export const helpTaskKey = (taskId: string) => `help.task.${taskId}`
export const helpLogKey = (campaignId: string) => `help.log.${campaignId}`

export const STATUS_LABEL: Record<HelpTaskStatus, string> = { open: '助力中', completed: '已解锁', expired: '已过期', paused: '已暂停' }
export const STATUS_TONE: Record<HelpTaskStatus, Tone> = { open: 'red', completed: 'green', expired: 'grey', paused: 'orange' }
export const PHASE_LABEL: Record<HelpCampaignView['phase'], string> = { open: '进行中', paused: '已暂停', ended: '已结束' }
export const PHASE_TONE: Record<HelpCampaignView['phase'], Tone> = { open: 'red', paused: 'orange', ended: 'grey' }
export const REWARD_LABEL: Record<HelpRewardType, string> = { coupon: '优惠券', event: '活动名额', trial: '圈子体验' }

/** 12月06日 20:00 (China time). */
export const formatHelpTime = (at: number) => chinaTime(at).format('MM月DD日 HH:mm')

/** 还差 2 人助力 / 已集满 / why it stopped. */
export function progressLine(task: HelpTaskView): string {
  if (task.status === 'completed') return `${task.helperCount} 位好友助力，奖励已解锁`
  if (task.status === 'expired') return `已过期，差 ${task.left} 人未完成`
  if (task.status === 'paused') return '主理人暂停了这个活动'
  return `还差 ${task.left} 人助力`
}

/** Time left, in whole hours and minutes: 剩 23 小时 5 分. */
export function timeLeft(task: Pick<HelpTaskView, 'expiresAt' | 'serverNow'>): string {
  const left = Math.max(0, task.expiresAt - task.serverNow)
  const hours = Math.floor(left / 3_600_000)
  const minutes = Math.floor((left % 3_600_000) / 60_000)
  return hours > 0 ? `剩 ${hours} 小时 ${minutes} 分` : `剩 ${minutes} 分`
}

/** The share card's title: made for 助力 (the friend sees whose, what for, how many are missing). */
export function shareTitle(task: HelpTaskView): string {
  if (task.status === 'completed') return `我靠好友助力领到了${task.rewardName}，你也来试试`
  return `帮我助力！还差 ${task.left} 人就能领${task.rewardName}`
}

// Server calls (fission)

export const fetchHelpCampaigns = callAction('fission', 'helpCampaigns')
export const startHelpTask = callAction('fission', 'startHelpTask')
export const fetchHelpTask = callAction('fission', 'helpTask')
export const helpFriend = callAction('fission', 'helpFriend')
export const fetchHostHelpCampaigns = callAction('fission', 'hostHelpCampaigns')
export const createHelpCampaign = callAction('fission', 'createHelpCampaign')
export const pauseHelpCampaign = callAction('fission', 'pauseHelpCampaign')
export const fetchHelpLog = callAction('fission', 'helpLog')
