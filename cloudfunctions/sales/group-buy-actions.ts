// 拼团 group buying: a group fills and is fulfilled together, or times out and is refunded (domain/plays/group-buy).
import type { ActionMap } from '../platform/define-action'
import * as s from '../domain/plays/group-buy/schemas'
import { createGroupBuy, getGroupBuy, groupBuyLogs, hostGroupBuys, listGroupBuys, pauseGroupBuy } from '../domain/plays/group-buy/admin'
import { joinGroupBuy, startGroupBuy } from '../domain/plays/group-buy/join'
import { groupView } from '../domain/plays/group-buy/views'

export const groupBuyActions: Pick<
  ActionMap<'sales'>,
  'createGroupBuy' | 'pauseGroupBuy' | 'hostGroupBuys' | 'groupBuyLogs' | 'groupBuys' | 'groupBuy' | 'groupBuyGroup' | 'startGroupBuy' | 'joinGroupBuy'
> = {
  createGroupBuy: {
    role: 'admin',
    input: s.createGroupBuyInput,
    example: { target: { type: 'plan', circleId: 'c1', planId: 'p1' }, title: '月卡三人团', priceFen: 6900, size: 3, limitHours: 24, allowSimulated: false },
    handle: (input, { runtime, caller, now }) => createGroupBuy(runtime, caller, input, now)
  },
  pauseGroupBuy: { role: 'admin', input: s.pauseGroupBuyInput, example: { campaignId: 'g1', paused: true }, handle: (input, { runtime, now }) => pauseGroupBuy(runtime, input, now) },
  hostGroupBuys: { role: 'admin', input: s.groupBuyPageInput, example: {}, handle: (input, { runtime, now }) => hostGroupBuys(runtime, input, now) },
  groupBuyLogs: { role: 'admin', input: s.groupBuyLogsInput, example: { campaignId: 'g1' }, handle: (input, { runtime }) => groupBuyLogs(runtime, input) },
  groupBuys: { role: 'member', input: s.groupBuyPageInput, example: {}, handle: (input, { runtime, caller, now }) => listGroupBuys(runtime, caller.openid, input, now) },
  groupBuy: { role: 'member', input: s.groupBuyIdInput, example: { campaignId: 'g1' }, handle: (input, { runtime, caller, now }) => getGroupBuy(runtime, caller.openid, input.campaignId, now) },
  groupBuyGroup: { role: 'member', input: s.groupIdInput, example: { groupId: 'gr1' }, handle: (input, { runtime, caller, now }) => groupView(runtime, input.groupId, caller.openid, now) },
  startGroupBuy: {
    role: 'member',
    input: s.groupBuyIdInput,
    example: { campaignId: 'g1' },
    handle: (input, { runtime, caller, member, now }) => startGroupBuy(runtime, caller, member, input.campaignId, now)
  },
  joinGroupBuy: {
    role: 'member',
    input: s.groupIdInput,
    example: { groupId: 'gr1' },
    handle: (input, { runtime, caller, member, now }) => joinGroupBuy(runtime, caller, member, input.groupId, now)
  }
}
