// The host's side of bargains: make a campaign, pause or resume it, list the
// campaigns with their measures, and read the cut log.
import type { BargainCutLogEntry, BargainCutLogInput, CreateBargainCampaignInput, HostBargainCampaignView, PauseBargainCampaignInput } from '../../../../types/bargain'
import type { Page, PageInput } from '../../../../types/page'
import { AppError } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import { resolveSoldTarget } from '../sold-target/resolve'
import { BARGAIN_CAMPAIGNS, BARGAIN_CUTS, loadCampaign, type BargainCutDoc, type BargainTargetDoc } from './bargain'
import { campaignHost } from '../campaign/host'
import { hostCampaignView } from './views'

/** Campaigns on the host's page (at most 6 requests each). */
const HOST_PAGE = 3
/** Cut log rows a page. */
const LOG_PAGE = 20
/** The longest a campaign may take new bargains. */
const MAX_CAMPAIGN_MS = 60 * 24 * 3600_000

const host = campaignHost({ collection: BARGAIN_CAMPAIGNS, hostPage: HOST_PAGE, view: hostCampaignView, load: loadCampaign, ended: '砍价活动已结束' })

function resolveTarget(runtime: Runtime, input: CreateBargainCampaignInput): Promise<BargainTargetDoc> {
  return resolveSoldTarget(runtime, input.target, '砍价', {
    event: (event) => {
      if (input.endAt + input.hours * 3600_000 > event.signupDeadline) throw new AppError('INVALID_INPUT', '砍价（含最后一单的砍价时长）须在活动报名截止前结束', 'endAt')
    }
  })
}

export async function createBargainCampaign(runtime: Runtime, caller: Caller, input: CreateBargainCampaignInput, now: number): Promise<HostBargainCampaignView> {
  if (input.floorFen >= input.startFen) throw new AppError('INVALID_INPUT', '底价要低于起砍价', 'floorFen')
  if (input.startFen - input.floorFen < input.cuts) throw new AppError('INVALID_INPUT', `每刀至少 1 分：起砍价与底价至少相差 ${input.cuts} 分`, 'cuts')
  if (input.endAt <= now) throw new AppError('INVALID_INPUT', '结束时间已过', 'endAt')
  if (input.endAt - now > MAX_CAMPAIGN_MS) throw new AppError('INVALID_INPUT', '砍价活动最长 60 天', 'endAt')
  const target = await resolveTarget(runtime, input)
  if (target.originalFen > 0 && input.startFen > target.originalFen) throw new AppError('INVALID_INPUT', '起砍价不能高于原价', 'startFen')
  // The host's terms as given (the input is strict), with the target resolved.
  return host.create(runtime, caller, { ...input, target }, now)
}

export const pauseBargainCampaign = (runtime: Runtime, input: PauseBargainCampaignInput, now: number): Promise<HostBargainCampaignView> => host.setPaused(runtime, input.campaignId, input.paused, now)

export const hostBargainCampaigns = (runtime: Runtime, input: PageInput, now: number): Promise<Page<HostBargainCampaignView>> => host.hostPage(runtime, input, now)

/** The host's cut log of a campaign, newest first: who cut whose bargain, which cut, how much, and whether the cutter is new. */
export async function bargainCutLog(runtime: Runtime, input: BargainCutLogInput): Promise<Page<BargainCutLogEntry>> {
  const page = await runtime.store.collection<BargainCutDoc>(BARGAIN_CUTS).find({ campaignId: input.campaignId, state: 'done' }, { sort: [['at', 'desc']], limit: LOG_PAGE, after: input.after })
  return {
    items: page.items.map((c) => ({
      id: c._id,
      bargainId: c.bargainId,
      starterNickname: c.starterNickname || '微信用户',
      cutterNickname: c.nickname || '微信用户',
      k: c.k,
      amountFen: c.amountFen,
      newMember: c.newMember,
      at: c.at
    })),
    next: page.next
  }
}
