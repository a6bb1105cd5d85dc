import { defineActions } from '../platform/define-action'
import * as s from '../domain/growth/schemas'
import { acknowledgeCelebration, growthSummary, ledgerHistory } from '../domain/growth/summary'
import { createMallItem, listMallItems, listRedemptions, myRedemptions, redeem, shipRedemption, updateMallItem } from '../domain/growth/mall'
import { adjustPoints, updateGrowthSettings } from '../domain/growth/admin'
import { loadSettings } from '../domain/growth/settings'
import { memberSegments } from '../domain/growth/segments'
import { settleOwnFacts } from '../domain/growth/apply-events'

const EXAMPLE_ITEM = { name: '补卡券', description: '可在任意挑战中补一次卡', imageFileId: '', kind: 'makeupCard' as const, pricePoints: 50, stock: 100, minTierLevel: 1, perMemberLimit: 0 }

export const growthActions = defineActions('growth', {
  summary: {
    role: 'member',
    input: s.emptyInput,
    example: {},
    // Facts recorded by other actions are settled first, so the numbers are current.
    handle: async (_input, { runtime, caller, member, now }) => {
      await settleOwnFacts(runtime, caller.openid, member)
      return growthSummary(runtime, caller.openid, now)
    }
  },
  ledger: {
    role: 'member',
    input: s.pageInput,
    example: {},
    handle: async (input, { runtime, caller, member }) => {
      if (!input.after) await settleOwnFacts(runtime, caller.openid, member)
      return ledgerHistory(runtime, caller.openid, input)
    }
  },
  acknowledgeCelebration: { role: 'member', input: s.emptyInput, example: {}, handle: (_input, { runtime, caller, now }) => acknowledgeCelebration(runtime, caller.openid, now) },
  mallItems: { role: 'member', input: s.pageInput, example: {}, handle: (input, { runtime, caller }) => listMallItems(runtime, caller, input) },
  redeem: { role: 'member', input: s.redeemInput, example: { itemId: 'i1', requestId: 'req-00000001' }, handle: (input, { runtime, caller, now }) => redeem(runtime, caller, input, now) },
  myRedemptions: { role: 'member', input: s.pageInput, example: {}, handle: (input, { runtime, caller }) => myRedemptions(runtime, caller.openid, input) },
  settings: { role: 'admin', input: s.emptyInput, example: {}, handle: (_input, { runtime }) => loadSettings(runtime) },
  updateSettings: { role: 'admin', input: s.updateSettingsInput, example: { pointsExpireMonths: 12 }, handle: (input, { runtime, now }) => updateGrowthSettings(runtime, input, now) },
  adjustPoints: {
    role: 'admin',
    input: s.adjustPointsInput,
    example: { memberOpenid: 'o_member', points: 10, reason: '活动奖励', requestId: 'adj-00000001' },
    handle: (input, { runtime, now }) => adjustPoints(runtime, input, now)
  },
  createMallItem: { role: 'admin', input: s.mallItemInput, example: EXAMPLE_ITEM, handle: (input, { runtime, caller, now }) => createMallItem(runtime, caller, input, now) },
  updateMallItem: { role: 'admin', input: s.updateMallItemInput, example: { itemId: 'i1', stock: 10 }, handle: (input, { runtime, caller, now }) => updateMallItem(runtime, caller, input, now) },
  listRedemptions: { role: 'admin', input: s.listRedemptionsInput, example: {}, handle: (input, { runtime }) => listRedemptions(runtime, input) },
  shipRedemption: { role: 'admin', input: s.shipRedemptionInput, example: { redemptionId: 'r1', trackingNo: 'SF123456' }, handle: (input, { runtime }) => shipRedemption(runtime, input) },
  segments: { role: 'admin', input: s.segmentsInput, example: {}, handle: (input, { runtime, now }) => memberSegments(runtime, input, now) }
})
