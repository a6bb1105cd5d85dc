// Recall campaigns to a segment with a holdout, and the automations the host switches on and words.
import type { ActionMap } from '../platform/define-action'
import { createRecallCampaign, recallCampaign, recallCampaigns } from '../domain/recall/campaigns'
import { automations, updateAutomation } from '../domain/recall/automations'
import { automationsInput, createRecallCampaignInput, recallCampaignIdInput, recallCampaignsInput, updateAutomationInput } from '../domain/recall/schemas'

export const recallActions: Pick<ActionMap<'marketing'>, 'createRecallCampaign' | 'recallCampaigns' | 'recallCampaign' | 'automations' | 'updateAutomation'> = {
  createRecallCampaign: {
    role: 'admin',
    input: createRecallCampaignInput,
    example: { requestId: 'recall-req-0001', segment: 'silent', title: '好久不见', body: '回来打个卡吧，送你一张补卡', gift: { kind: 'makeupCard', count: 1 }, holdoutPercent: 10 },
    handle: (input, { runtime, caller, now }) => createRecallCampaign(runtime, caller.openid, input, now)
  },
  recallCampaigns: { role: 'admin', input: recallCampaignsInput, example: {}, handle: (input, { runtime }) => recallCampaigns(runtime, input) },
  recallCampaign: { role: 'admin', input: recallCampaignIdInput, example: { campaignId: 'recall_x' }, handle: (input, { runtime }) => recallCampaign(runtime, input.campaignId) },
  automations: { role: 'admin', input: automationsInput, example: {}, handle: (_input, { runtime }) => automations(runtime) },
  updateAutomation: {
    role: 'admin',
    input: updateAutomationInput,
    example: { kind: 'silent', enabled: true },
    handle: (input, { runtime, now }) => updateAutomation(runtime, input, now)
  }
}
