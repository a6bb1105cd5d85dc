// The host's side of group buys: make one on a plan of a paid circle or a paid
// event, pause or resume it (a paused offer starts no new group; groups already
// running may still fill, or are refunded at their time), list them with their
// measures, and read what happened (the log).
import type { CreateGroupBuyInput, GroupBuyLogView, GroupBuyView, HostGroupBuyView, PauseGroupBuyInput } from '../../../../types/group-buy'
import type { Page, PageInput } from '../../../../types/page'
import { AppError } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import { loadEventTarget, loadPlanTarget } from '../sold-target/resolve'
import { GROUP_BUYS, GROUP_LOGS, loadCampaign, type GroupBuyDoc, type GroupLogDoc, type GroupTargetDoc } from './group'
import { campaignHost } from '../campaign/host'
import { hostCampaignView, memberCampaignView } from './views'

/** Offers on the host's page (5 counts each). */
const HOST_PAGE = 3
/** Offers on a member's page (1 query each). */
const MEMBER_PAGE = 6
const LOG_PAGE = 20

const host = campaignHost({ collection: GROUP_BUYS, hostPage: HOST_PAGE, view: hostCampaignView, load: loadCampaign })

async function resolveTarget(runtime: Runtime, input: CreateGroupBuyInput, now: number): Promise<GroupTargetDoc> {
  const t = input.target
  if (t.type === 'plan') return loadPlanTarget(runtime, t, '拼团')
  const { event, target } = await loadEventTarget(runtime, t.eventId)
  if (event.feeFen <= 0) throw new AppError('INVALID_INPUT', '免费活动无需拼团，请选择付费活动', 'target')
  if (now + input.limitHours * 3600_000 > event.signupDeadline) throw new AppError('INVALID_INPUT', '成团时限要在活动报名截止前结束', 'limitHours')
  if (input.size > event.capacity - event.seatsTaken) throw new AppError('INVALID_INPUT', `活动只剩 ${event.capacity - event.seatsTaken} 个名额`, 'size')
  return target
}

export async function createGroupBuy(runtime: Runtime, caller: Caller, input: CreateGroupBuyInput, now: number): Promise<HostGroupBuyView> {
  const target = await resolveTarget(runtime, input, now)
  if (input.priceFen >= target.originalFen) throw new AppError('INVALID_INPUT', '拼团价要低于原价', 'priceFen')
  // The host's terms as given (the input is strict), with the target resolved.
  return host.create(runtime, caller, { ...input, target }, now)
}

export const pauseGroupBuy = (runtime: Runtime, input: PauseGroupBuyInput, now: number): Promise<HostGroupBuyView> => host.setPaused(runtime, input.campaignId, input.paused, now)

export const hostGroupBuys = (runtime: Runtime, input: PageInput, now: number): Promise<Page<HostGroupBuyView>> => host.hostPage(runtime, input, now)

export async function groupBuyLogs(runtime: Runtime, input: { campaignId: string; after?: string | null }): Promise<Page<GroupBuyLogView>> {
  const page = await runtime.store.collection<GroupLogDoc>(GROUP_LOGS).find({ campaignId: input.campaignId }, { sort: [['at', 'desc']], limit: LOG_PAGE, after: input.after })
  return { items: page.items.map((l) => ({ id: l._id, at: l.at, kind: l.kind, groupId: l.groupId, text: l.text })), next: page.next }
}

export async function listGroupBuys(runtime: Runtime, openid: string, input: PageInput, now: number): Promise<Page<GroupBuyView>> {
  const page = await runtime.store.collection<GroupBuyDoc>(GROUP_BUYS).find({}, { sort: [['createdAt', 'desc']], limit: MEMBER_PAGE, after: input.after })
  return { items: await Promise.all(page.items.filter((c) => !c.paused).map((c) => memberCampaignView(runtime, c, openid, now))), next: page.next }
}

export async function getGroupBuy(runtime: Runtime, openid: string, campaignId: string, now: number): Promise<GroupBuyView> {
  return memberCampaignView(runtime, await loadCampaign(runtime, campaignId), openid, now)
}
