// 砍价 bargains: friends cut the price toward a floor (domain/plays/bargain).
import type { ActionMap } from '../platform/define-action'
import * as s from '../domain/plays/bargain/schemas'
import { bargainCutLog, createBargainCampaign, hostBargainCampaigns, pauseBargainCampaign } from '../domain/plays/bargain/admin'
import { cutBargain, getBargain, getBargainCampaign, listBargainCampaigns, payBargain, startBargain } from '../domain/plays/bargain/play'

export const bargainActions: Pick<
  ActionMap<'fission'>,
  'createBargainCampaign' | 'pauseBargainCampaign' | 'hostBargainCampaigns' | 'bargainCutLog' | 'bargainCampaigns' | 'bargainCampaign' | 'startBargain' | 'bargain' | 'cutBargain' | 'payBargain'
> = {
  createBargainCampaign: {
    role: 'admin',
    input: s.createBargainCampaignInput,
    example: { target: { type: 'plan', circleId: 'c1', planId: 'p1' }, title: '月卡砍价', startFen: 9900, floorFen: 990, cuts: 10, hours: 24, dailyCap: 3, endAt: Date.UTC(2030, 0, 1) },
    handle: (input, { runtime, caller, now }) => createBargainCampaign(runtime, caller, input, now)
  },
  pauseBargainCampaign: {
    role: 'admin',
    input: s.pauseBargainCampaignInput,
    example: { campaignId: 'b1', paused: true },
    handle: (input, { runtime, now }) => pauseBargainCampaign(runtime, input, now)
  },
  hostBargainCampaigns: { role: 'admin', input: s.bargainPageInput, example: {}, handle: (input, { runtime, now }) => hostBargainCampaigns(runtime, input, now) },
  bargainCutLog: { role: 'admin', input: s.bargainCutLogInput, example: { campaignId: 'b1' }, handle: (input, { runtime }) => bargainCutLog(runtime, input) },
  bargainCampaigns: { role: 'member', input: s.bargainPageInput, example: {}, handle: (input, { runtime, caller, now }) => listBargainCampaigns(runtime, caller, input, now) },
  bargainCampaign: {
    role: 'member',
    input: s.bargainCampaignIdInput,
    example: { campaignId: 'b1' },
    handle: (input, { runtime, caller, now }) => getBargainCampaign(runtime, caller, input.campaignId, now)
  },
  startBargain: {
    role: 'member',
    input: s.bargainCampaignIdInput,
    example: { campaignId: 'b1' },
    handle: (input, { runtime, caller, member, now }) => startBargain(runtime, caller, member, input.campaignId, now)
  },
  bargain: { role: 'member', input: s.bargainIdInput, example: { bargainId: 'g1' }, handle: (input, { runtime, caller, now }) => getBargain(runtime, caller, input.bargainId, now) },
  cutBargain: {
    role: 'member',
    input: s.bargainIdInput,
    example: { bargainId: 'g1' },
    // A lost place is tried again inside the action; a second run would meet the friend's cut document and refuse.
    retryOnConflict: false,
    handle: (input, { runtime, caller, member, now }) => cutBargain(runtime, caller, member, input.bargainId, now)
  },
  payBargain: { role: 'member', input: s.payBargainInput, example: { bargainId: 'g1' }, handle: (input, { runtime, caller, now }) => payBargain(runtime, caller, input, now) }
}
