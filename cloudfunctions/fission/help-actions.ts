// 助力 help tasks: N distinct friends unlock a reward (domain/plays/help).
import type { ActionMap } from '../platform/define-action'
import * as s from '../domain/plays/help/schemas'
import { createHelpCampaign, helpLog, hostHelpCampaigns, pauseHelpCampaign } from '../domain/plays/help/admin'
import { getHelpTask, helpFriend, listHelpCampaigns, startHelpTask } from '../domain/plays/help/tasks'

export const helpActions: Pick<ActionMap<'fission'>, 'createHelpCampaign' | 'pauseHelpCampaign' | 'hostHelpCampaigns' | 'helpLog' | 'helpCampaigns' | 'startHelpTask' | 'helpTask' | 'helpFriend'> = {
  createHelpCampaign: {
    role: 'admin',
    input: s.createHelpCampaignInput,
    example: { title: '邀好友助力领券', reward: { type: 'coupon', campaignId: 'c1' }, need: 3, newMemberDouble: true, dailyCap: 3, taskHours: 24, endAt: Date.UTC(2030, 0, 1) },
    handle: (input, { runtime, caller, now }) => createHelpCampaign(runtime, caller, input, now)
  },
  pauseHelpCampaign: {
    role: 'admin',
    input: s.pauseHelpCampaignInput,
    example: { campaignId: 'h1', paused: true },
    handle: (input, { runtime, now }) => pauseHelpCampaign(runtime, input, now)
  },
  hostHelpCampaigns: { role: 'admin', input: s.helpPageInput, example: {}, handle: (input, { runtime, now }) => hostHelpCampaigns(runtime, input, now) },
  helpLog: { role: 'admin', input: s.helpLogInput, example: { campaignId: 'h1' }, handle: (input, { runtime }) => helpLog(runtime, input) },
  helpCampaigns: { role: 'member', input: s.helpPageInput, example: {}, handle: (input, { runtime, caller, now }) => listHelpCampaigns(runtime, caller, input, now) },
  startHelpTask: {
    role: 'member',
    input: s.helpCampaignIdInput,
    example: { campaignId: 'h1' },
    handle: (input, { runtime, caller, member, now }) => startHelpTask(runtime, caller, member, input.campaignId, now)
  },
  helpTask: { role: 'member', input: s.helpTaskIdInput, example: { taskId: 'h1:o1:1' }, handle: (input, { runtime, caller, now }) => getHelpTask(runtime, caller, input.taskId, now) },
  helpFriend: {
    role: 'member',
    input: s.helpTaskIdInput,
    example: { taskId: 'h1:o1:1' },
    handle: (input, { runtime, caller, member, now }) => helpFriend(runtime, caller, member, input.taskId, now)
  }
}
