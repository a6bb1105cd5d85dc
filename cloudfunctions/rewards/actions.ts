import { defineActions } from '../platform/define-action'
import * as s from '../domain/rewards/schemas'
import { pageInput } from '../domain/growth/schemas'
import { claimCoupon, listCampaigns, myCoupons } from '../domain/rewards/coupons'
import { createCampaign } from '../domain/rewards/campaign-admin'
import { hostCampaigns, stopCampaign, updateCampaign } from '../domain/rewards/campaigns'

export const rewardActions = defineActions('rewards', {
  campaigns: { role: 'member', input: pageInput, example: {}, handle: (input, { runtime, caller }) => listCampaigns(runtime, caller, input) },
  claimCoupon: { role: 'member', input: s.campaignIdInput, example: { campaignId: 'c1' }, handle: (input, { runtime, caller, now }) => claimCoupon(runtime, caller, input.campaignId, now) },
  myCoupons: { role: 'member', input: s.myCouponsInput, example: {}, handle: (input, { runtime, caller, now }) => myCoupons(runtime, caller, input, now) },
  createCampaign: {
    role: 'admin',
    input: s.campaignInput,
    example: {
      name: '新人立减 20 元',
      kind: 'amountOff',
      amountOffFen: 2000,
      percentOff: 0,
      minSpendFen: 5000,
      validFrom: Date.parse('2026-11-01T00:00:00+08:00'),
      validTo: Date.parse('2026-12-31T23:59:59+08:00'),
      appliesTo: ['membership', 'event'],
      stock: 100
    },
    handle: (input, { runtime, now }) => createCampaign(runtime, input, now)
  },
  hostCampaigns: { role: 'admin', input: pageInput, example: {}, handle: (input, { runtime }) => hostCampaigns(runtime, input) },
  updateCampaign: {
    role: 'admin',
    input: s.updateCampaignInput,
    example: { campaignId: 'c1', name: '新人立减 30 元', stock: 200 },
    handle: (input, { runtime, now }) => updateCampaign(runtime, input, now)
  },
  stopCampaign: { role: 'admin', input: s.campaignIdInput, example: { campaignId: 'c1' }, handle: (input, { runtime, now }) => stopCampaign(runtime, input.campaignId, now) }
})
