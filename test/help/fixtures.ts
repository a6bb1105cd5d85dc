// A 助力 campaign of each reward in one line, and the calls a member and a friend make.
import { HOST, call, ok, type TestRuntime } from '../helpers/test-runtime'
import { createCouponCampaign } from '../helpers/coupon-campaign'
import { paidCircle, paidEvent } from '../flash-sale/fixtures'
import type { CreateHelpCampaignInput, HelpRewardInput } from '../../types/help'

export const MIN = 60_000
export const HOUR = 60 * MIN
export const DAY = 24 * HOUR

export async function createHelp(runtime: TestRuntime, reward: HelpRewardInput, overrides: Partial<CreateHelpCampaignInput> = {}) {
  return ok(
    await call(
      'fission',
      'createHelpCampaign',
      { title: '邀好友助力领券', reward, need: 3, newMemberDouble: false, dailyCap: 3, taskHours: 24, endAt: runtime.clock.now() + 7 * DAY, ...overrides },
      HOST
    )
  )
}

/** A coupon campaign (reward channel, `stock` coupons) and a help campaign giving it. */
export async function couponHelp(runtime: TestRuntime, overrides: Partial<CreateHelpCampaignInput> = {}, stock = 10) {
  const coupon = await createCouponCampaign(runtime.clock, { name: '助力券 20 元', channel: 'reward', stock })
  return { coupon, campaign: await createHelp(runtime, { type: 'coupon', campaignId: coupon.id }, overrides) }
}

export async function eventHelp(runtime: TestRuntime, overrides: Partial<CreateHelpCampaignInput> = {}, capacity = 20) {
  const eventId = await paidEvent(runtime, { capacity })
  return { eventId, campaign: await createHelp(runtime, { type: 'event', eventId }, { endAt: runtime.clock.now() + 3 * DAY, ...overrides }) }
}

export async function trialHelp(runtime: TestRuntime, overrides: Partial<CreateHelpCampaignInput> = {}) {
  const { circleId } = await paidCircle()
  return { circleId, campaign: await createHelp(runtime, { type: 'trial', circleId, days: 7 }, overrides) }
}

export const start = async (campaignId: string, openid: string) => ok(await call('fission', 'startHelpTask', { campaignId }, openid))
export const help = (taskId: string, openid: string) => call('fission', 'helpFriend', { taskId }, openid)
export const task = async (taskId: string, openid: string) => ok(await call('fission', 'helpTask', { taskId }, openid))
/** Members who exist before the task starts (not new members). */
export async function existing(...openids: string[]): Promise<void> {
  for (const openid of openids) ok(await call('fission', 'helpCampaigns', {}, openid))
}
