// A group buy in one line, and its groups started, joined and paid as members do.
import { HOST, call, ok, type TestRuntime } from '../helpers/test-runtime'
import type { CreateGroupBuyInput, GroupBuyTarget } from '../../types/group-buy'
import { HOUR, MIN, paidCircle, paidEvent, pay } from '../flash-sale/fixtures'

export { HOUR, MIN, paidCircle, paidEvent, pay }

export async function createGroupBuy(target: GroupBuyTarget, overrides: Partial<CreateGroupBuyInput> = {}) {
  return ok(await call('sales', 'createGroupBuy', { target, title: '月卡三人团', priceFen: 6900, size: 3, limitHours: 24, allowSimulated: false, ...overrides }, HOST))
}

export async function planGroupBuy(overrides: Partial<CreateGroupBuyInput> = {}) {
  const { circleId, planId } = await paidCircle()
  return { circleId, planId, campaign: await createGroupBuy({ type: 'plan', circleId, planId }, overrides) }
}

export const start = (campaignId: string, openid: string) => call('sales', 'startGroupBuy', { campaignId }, openid)
export const join = (groupId: string, openid: string) => call('sales', 'joinGroupBuy', { groupId }, openid)
export const groupOf = async (groupId: string, openid = 'o_look') => ok(await call('sales', 'groupBuyGroup', { groupId }, openid))

/** A group started and paid by `leader`, with `friends` joined and paid. */
export async function paidGroup(runtime: TestRuntime, campaignId: string, leader: string, friends: string[] = []) {
  const started = ok(await start(campaignId, leader))
  await pay(runtime, started.orderId)
  const orders = [started.orderId]
  for (const friend of friends) {
    const joined = ok(await join(started.groupId, friend))
    await pay(runtime, joined.orderId)
    orders.push(joined.orderId)
  }
  return { groupId: started.groupId, orders }
}
