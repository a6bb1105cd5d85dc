// The host's side of 助力: make a campaign (its reward checked and named from
// its own capability), pause or resume it, list them with their measures, and
// read the help log (every help: who helped whose task, counted how much, new
// member or not).
import type { CreateHelpCampaignInput, HelpLogEntry, HelpLogInput, HostHelpCampaignView, PauseHelpCampaignInput } from '../../../../types/help'
import type { Page, PageInput } from '../../../../types/page'
import { AppError } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import { loadCircle } from '../../membership/circle'
import { EVENTS, type EventDoc } from '../../events/event'
import { CAMPAIGNS, type CampaignDoc } from '../../rewards/coupons'
import { HELPS, HELP_CAMPAIGNS, loadHelpCampaign, type HelpDoc, type HelpRewardDoc } from './help'
import { campaignHost } from '../campaign/host'
import { hostCampaignView } from './views'

/** Campaigns on the host's page (5 counts each). */
const HOST_PAGE = 3
/** The longest a campaign may run. */
const MAX_WINDOW_MS = 90 * 24 * 3600_000
const LOG_PAGE = 30

const host = campaignHost({ collection: HELP_CAMPAIGNS, hostPage: HOST_PAGE, view: hostCampaignView, load: loadHelpCampaign, ended: '助力活动已结束' })

async function resolveReward(runtime: Runtime, input: CreateHelpCampaignInput, now: number): Promise<HelpRewardDoc> {
  const r = input.reward
  if (r.type === 'coupon') {
    const campaign = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(r.campaignId)
    if (!campaign) throw new AppError('NOT_FOUND', '优惠券活动不存在', 'reward')
    if (campaign.stoppedAt) throw new AppError('INVALID_INPUT', '这个优惠券活动已停止发放', 'reward')
    if (campaign.validTo <= now) throw new AppError('INVALID_INPUT', '这个优惠券活动已过期', 'reward')
    if (campaign.claimed >= campaign.stock) throw new AppError('INVALID_INPUT', '这个优惠券活动已发完', 'reward')
    return { type: 'coupon', campaignId: campaign._id, name: `优惠券「${campaign.name}」` }
  }
  if (r.type === 'event') {
    const event = await runtime.store.collection<EventDoc>(EVENTS).get(r.eventId)
    if (!event || event.status !== 'scheduled') throw new AppError('NOT_FOUND', '活动不存在或已取消', 'reward')
    if (event.signupDeadline <= now) throw new AppError('INVALID_INPUT', '活动报名已截止', 'reward')
    if (input.endAt > event.signupDeadline) throw new AppError('INVALID_INPUT', '助力须在活动报名截止前结束', 'endAt')
    return { type: 'event', eventId: event._id, name: `「${event.title}」免费名额` }
  }
  const circle = await loadCircle(runtime, r.circleId)
  return { type: 'trial', circleId: circle._id, days: r.days, name: `「${circle.name}」${r.days} 天体验` }
}

export async function createHelpCampaign(runtime: Runtime, caller: Caller, input: CreateHelpCampaignInput, now: number): Promise<HostHelpCampaignView> {
  if (input.endAt <= now) throw new AppError('INVALID_INPUT', '结束时间已过', 'endAt')
  if (input.endAt - now > MAX_WINDOW_MS) throw new AppError('INVALID_INPUT', '助力活动最长 90 天', 'endAt')
  const reward = await resolveReward(runtime, input, now)
  // The host's terms as given (the input is strict), with the reward resolved.
  return host.create(runtime, caller, { ...input, reward }, now)
}

export const pauseHelpCampaign = (runtime: Runtime, input: PauseHelpCampaignInput, now: number): Promise<HostHelpCampaignView> => host.setPaused(runtime, input.campaignId, input.paused, now)

export const hostHelpCampaigns = (runtime: Runtime, input: PageInput, now: number): Promise<Page<HostHelpCampaignView>> => host.hostPage(runtime, input, now)

export async function helpLog(runtime: Runtime, input: HelpLogInput): Promise<Page<HelpLogEntry>> {
  const page = await runtime.store.collection<HelpDoc>(HELPS).find({ campaignId: input.campaignId }, { sort: [['at', 'desc']], limit: LOG_PAGE, after: input.after })
  return {
    items: page.items.map((h) => ({
      id: h._id,
      taskId: h.taskId,
      ownerOpenid: h.ownerOpenid,
      ownerNickname: h.ownerNickname,
      helperOpenid: h.openid,
      helperNickname: h.nickname,
      weight: h.weight,
      newMember: h.newMember,
      at: h.at
    })),
    next: page.next
  }
}
