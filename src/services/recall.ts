import type { Page } from '../../types/page'
import type { AutomationView, CreateRecallCampaignInput, RecallCampaignView, UpdateAutomationInput } from '../../types/recall'
import { callFunction } from './api'

// Recall campaigns and automations (the host's 消息与召回): every call the
// host-recall pages make, typed from types/recall.

export const RECALL_CAMPAIGNS_KEY = 'host:recallCampaigns'
export const AUTOMATIONS_KEY = 'host:automations'

export function fetchRecallCampaigns(after: string | null): Promise<Page<RecallCampaignView>> {
  return callFunction('marketing', 'recallCampaigns', { after })
}

export function createRecallCampaign(input: CreateRecallCampaignInput): Promise<RecallCampaignView> {
  return callFunction('marketing', 'createRecallCampaign', input)
}

export function fetchAutomations(): Promise<AutomationView[]> {
  return callFunction('marketing', 'automations', {})
}

export function updateAutomation(input: UpdateAutomationInput): Promise<AutomationView> {
  return callFunction('marketing', 'updateAutomation', input)
}
