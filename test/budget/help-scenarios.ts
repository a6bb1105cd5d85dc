// Budget scenarios of 助力 help tasks (the fission function's help actions).
// Spread into scenarios.ts.
import { callRaw } from '../helpers/test-runtime'
import { HELPS, type HelpDoc } from '../../cloudfunctions/domain/plays/help/help'
import type { CreateHelpCampaignInput, HelpRewardInput } from '../../types/help'
import { AJIE, DAWEI, HOST, LILY, XIAOMEI, type World } from './world'
import { host, member } from '../plays/budget'
import { paidEventInput } from '../plays/fixtures'
import type { Scenario } from './scenarios'

const HOUR = 3600_000

let fresh = 0
const friend = () => `o_help_${String(++fresh).padStart(5, '0')}`

async function couponReward(w: World): Promise<HelpRewardInput> {
  const coupon = await w.call(
    'rewards',
    'createCampaign',
    {
      name: '助力券 10 元',
      kind: 'amountOff',
      amountOffFen: 1000,
      percentOff: 0,
      minSpendFen: 3000,
      validFrom: w.now(),
      validTo: w.now() + 30 * 24 * HOUR,
      appliesTo: ['membership', 'event'],
      stock: 100,
      channel: 'reward'
    },
    HOST
  )
  return { type: 'coupon', campaignId: coupon.id }
}

async function eventReward(w: World): Promise<HelpRewardInput> {
  const event = await w.call('events', 'createEvent', paidEventInput(w.now()), HOST)
  return { type: 'event', eventId: event.id }
}

const input = (w: World, reward: HelpRewardInput, need = 3): CreateHelpCampaignInput => ({
  title: '邀好友助力领券',
  reward,
  need,
  newMemberDouble: true,
  dailyCap: 5,
  taskHours: 24,
  endAt: w.now() + 3 * 24 * HOUR
})

/** A campaign (setup) and AJIE's task with `helped` friends' helps already in. */
async function liveTask(w: World, helped = 0, need = 3, reward?: HelpRewardInput): Promise<{ campaignId: string; taskId: string }> {
  const campaign = await w.call('fission', 'createHelpCampaign', input(w, reward ?? (await couponReward(w)), need), HOST)
  const task = await w.call('fission', 'startHelpTask', { campaignId: campaign.id }, AJIE)
  for (let i = 0; i < helped; i++) await w.call('fission', 'helpFriend', { taskId: task.id }, friend())
  return { campaignId: campaign.id, taskId: task.id }
}

export const HELP_SCENARIOS: Scenario[] = [
  host('fission.createHelpCampaign', async (w) => (await w.measure('fission', 'createHelpCampaign', input(w, await couponReward(w)), HOST)).usage),
  host('fission.pauseHelpCampaign', async (w) => (await w.measure('fission', 'pauseHelpCampaign', { campaignId: (await liveTask(w, 1)).campaignId, paused: true }, HOST)).usage),
  host('fission.hostHelpCampaigns', async (w) => {
    for (let i = 0; i < 4; i++) await liveTask(w, 2)
    return (await w.measure('fission', 'hostHelpCampaigns', {}, HOST)).usage
  }),
  host('fission.helpLog', async (w) => (await w.measure('fission', 'helpLog', { campaignId: (await liveTask(w, 2, 10)).campaignId }, HOST)).usage),
  member('fission.helpCampaigns', async (w) => {
    for (let i = 0; i < 7; i++) await liveTask(w)
    return (await w.measure('fission', 'helpCampaigns', {}, XIAOMEI)).usage
  }),
  member('fission.startHelpTask.first', async (w) => {
    const campaign = await w.call('fission', 'createHelpCampaign', input(w, await couponReward(w)), HOST)
    return (await w.measure('fission', 'startHelpTask', { campaignId: campaign.id }, XIAOMEI)).usage
  }),
  member('fission.startHelpTask.seat', async (w) => {
    const campaign = await w.call('fission', 'createHelpCampaign', input(w, await eventReward(w)), HOST)
    return (await w.measure('fission', 'startHelpTask', { campaignId: campaign.id }, XIAOMEI)).usage
  }),
  // Started already: the open task answered again (its view).
  member('fission.startHelpTask.again', async (w) => {
    const { campaignId } = await liveTask(w, 2)
    return (await w.measure('fission', 'startHelpTask', { campaignId }, AJIE)).usage
  }),
  member('fission.helpTask', async (w) => (await w.measure('fission', 'helpTask', { taskId: (await liveTask(w, 2, 5)).taskId }, LILY)).usage),
  // Its helps reached N but the completion lost every retry: the view completes it (the longest view).
  member('fission.helpTask.settles', async (w) => {
    const { taskId, campaignId } = await liveTask(w, 2, 3)
    await w.runtime.store.collection<HelpDoc>(HELPS).insert({
      _id: `${taskId}:o_help_lost`,
      taskId,
      campaignId,
      ownerOpenid: AJIE,
      ownerNickname: '',
      openid: 'o_help_lost',
      nickname: '',
      avatarFileId: '',
      weight: 1,
      double: false,
      newMember: false,
      at: w.now()
    })
    return (await w.measure('fission', 'helpTask', { taskId }, AJIE)).usage
  }),
  member('fission.helpFriend.first', async (w) => (await w.measure('fission', 'helpFriend', { taskId: (await liveTask(w, 0, 5)).taskId }, DAWEI)).usage),
  // The help that reaches N: the coupon given in the completion transaction.
  member('fission.helpFriend.completes', async (w) => (await w.measure('fission', 'helpFriend', { taskId: (await liveTask(w, 2, 3)).taskId }, DAWEI)).usage),
  // The help that reaches N on an event seat: the seat counter and the free signup.
  member('fission.helpFriend.completesSeat', async (w) => (await w.measure('fission', 'helpFriend', { taskId: (await liveTask(w, 2, 3, await eventReward(w))).taskId }, DAWEI)).usage),
  member('fission.helpFriend.twice', async (w) => {
    const { taskId } = await liveTask(w, 0, 5)
    await w.call('fission', 'helpFriend', { taskId }, DAWEI)
    const { data, usage } = await w.measureWork(() => callRaw('fission', { action: 'helpFriend', taskId }, DAWEI))
    if (data.ok || data.error.code !== 'LIMIT_REACHED') throw new Error('expected 已助力过')
    return usage
  })
]
