// Budget scenarios of 拼团 group buying (the fission function's group-buy
// actions), a group-buy seat's payment notify (the last one completes the group
// and grants every seat) and the settleGroupBuys timer. Spread into scenarios.ts.
import { payNotifyMain } from '../../cloudfunctions/functions'
import { callRaw } from '../helpers/test-runtime'
import type { CreateGroupBuyInput } from '../../types/group-buy'
import { AJIE, DAY, HOST, XIAOMEI, type World } from './world'
import { scenario, member, host } from '../plays/budget'
import type { Scenario } from './scenarios'
import { payOrderOk } from '../helpers/pay'

let fresh = 0
const friend = () => `o_group_${String(++fresh).padStart(5, '0')}`

async function offerInput(w: World, size = 3, allowSimulated = false): Promise<CreateGroupBuyInput> {
  const camp = await w.doc<{ _id: string; plans: Array<{ id: string; priceFen: number }> }>('circles', { name: '减脂私教营' })
  return { target: { type: 'plan', circleId: camp._id, planId: camp.plans[0].id }, title: '月卡三人团', priceFen: Math.max(1, camp.plans[0].priceFen - 1000), size, limitHours: 24, allowSimulated }
}

async function offer(w: World, size = 3, allowSimulated = false): Promise<string> {
  return (await w.call('sales', 'createGroupBuy', await offerInput(w, size, allowSimulated), HOST)).id
}

const payNotify = (w: World, orderId: string) => payOrderOk(w.runtime, orderId)

/** A group of `size` started and paid by a fresh member, with `joined` friends paid (setup, not counted). */
async function openGroup(w: World, campaignId: string, joined = 0): Promise<string> {
  const started = await w.call('sales', 'startGroupBuy', { campaignId }, friend())
  await payNotify(w, started.orderId)
  for (let i = 0; i < joined; i++) {
    const seat = await w.call('sales', 'joinGroupBuy', { groupId: started.groupId }, friend())
    await payNotify(w, seat.orderId)
  }
  return started.groupId
}

export const GROUP_BUY_SCENARIOS: Scenario[] = [
  host('sales.createGroupBuy', async (w) => (await w.measure('sales', 'createGroupBuy', await offerInput(w), HOST)).usage),
  host('sales.pauseGroupBuy', async (w) => (await w.measure('sales', 'pauseGroupBuy', { campaignId: await offer(w), paused: true }, HOST)).usage),
  host('sales.hostGroupBuys', async (w) => {
    for (let i = 0; i < 4; i++) await openGroup(w, await offer(w), 1)
    return (await w.measure('sales', 'hostGroupBuys', {}, HOST)).usage
  }),
  host('sales.groupBuyLogs', async (w) => {
    const campaignId = await offer(w)
    for (let i = 0; i < 3; i++) await openGroup(w, campaignId, 2)
    return (await w.measure('sales', 'groupBuyLogs', { campaignId }, HOST)).usage
  }),
  member('sales.groupBuys', async (w) => {
    for (let i = 0; i < 7; i++) await offer(w)
    return (await w.measure('sales', 'groupBuys', {}, XIAOMEI)).usage
  }),
  member('sales.groupBuy', async (w) => (await w.measure('sales', 'groupBuy', { campaignId: await offer(w) }, XIAOMEI)).usage),
  member('sales.groupBuyGroup', async (w) => (await w.measure('sales', 'groupBuyGroup', { groupId: await openGroup(w, await offer(w, 10), 8) }, XIAOMEI)).usage),
  member('sales.startGroupBuy', async (w) => (await w.measure('sales', 'startGroupBuy', { campaignId: await offer(w) }, AJIE)).usage),
  member('sales.joinGroupBuy.first', async (w) => (await w.measure('sales', 'joinGroupBuy', { groupId: await openGroup(w, await offer(w)) }, AJIE)).usage),
  member('sales.joinGroupBuy.again', async (w) => {
    const groupId = await openGroup(w, await offer(w))
    await w.call('sales', 'joinGroupBuy', { groupId }, AJIE)
    return (await w.measure('sales', 'joinGroupBuy', { groupId }, AJIE)).usage
  }),
  // The longest path: a group of 10 with 7 seats paid and one held by an unpaid friend: the last seat.
  member('sales.joinGroupBuy.lastSeat', async (w) => {
    const groupId = await openGroup(w, await offer(w, 10), 7)
    await w.call('sales', 'joinGroupBuy', { groupId }, friend())
    return (await w.measure('sales', 'joinGroupBuy', { groupId }, AJIE)).usage
  }),
  member('sales.joinGroupBuy.full', async (w) => {
    const groupId = await openGroup(w, await offer(w, 3), 1)
    await w.call('sales', 'joinGroupBuy', { groupId }, friend())
    const { data, usage } = await w.measureWork(() => callRaw('sales', { action: 'joinGroupBuy', groupId }, AJIE))
    if (data.ok || data.error.code !== 'OUT_OF_STOCK') throw new Error('expected 这个团已满')
    return usage
  }),
  // The starter's payment: the seat paid and the group opened (its clock starts).
  scenario('payNotify.notify.groupBuyStart', 'member', async (w) => {
    const { orderId } = await w.call('sales', 'startGroupBuy', { campaignId: await offer(w) }, AJIE)
    const notify = await w.runtime.payments.pay(orderId)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  }),
  // A seat paid, the group not yet full: the seat is marked paid and the group counted.
  scenario('payNotify.notify.groupBuy', 'member', async (w) => {
    const groupId = await openGroup(w, await offer(w, 3))
    const { orderId } = await w.call('sales', 'joinGroupBuy', { groupId }, AJIE)
    const notify = await w.runtime.payments.pay(orderId)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  }),
  // The last seat of a group of 3 paid: the group moves to completing (its seats are granted together by the timer, within the minute).
  scenario('payNotify.notify.groupBuyFills', 'member', async (w) => {
    const groupId = await openGroup(w, await offer(w, 3), 1)
    const { orderId } = await w.call('sales', 'joinGroupBuy', { groupId }, AJIE)
    const notify = await w.runtime.payments.pay(orderId)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  })
]

export const GROUP_BUY_BACKLOG: Record<string, (w: World) => Promise<void>> = {
  async settleGroupBuys(w) {
    // 14 groups past their time (more than a run's batch of 10): 10 of 3 with 2 paid (refunded), 2 模拟成团 (completed);
    // and 2 full groups of 10 waiting for their seats to be granted.
    const refunded = await offer(w, 3)
    const simulated = await offer(w, 3, true)
    const full = await offer(w, 10)
    for (let i = 0; i < 2; i++) await openGroup(w, full, 9)
    for (let i = 0; i < 10; i++) await openGroup(w, refunded, 1)
    for (let i = 0; i < 2; i++) await openGroup(w, simulated, 1)
    w.clock.advance(DAY + 60_000)
  }
}
