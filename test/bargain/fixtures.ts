// A bargain campaign of each kind in one line; paying as the sandbox does (the flash-sale fixtures' circle, event and mall item).
import { HOST, call, ok, type TestRuntime } from '../helpers/test-runtime'
import type { BargainTarget, CreateBargainCampaignInput } from '../../types/bargain'
import { HOUR, paidCircle } from '../flash-sale/fixtures'

export { HOUR, MIN, mallItem, paidCircle, paidEvent, pay } from '../flash-sale/fixtures'

export async function createCampaign(runtime: TestRuntime, target: BargainTarget, overrides: Partial<CreateBargainCampaignInput> = {}) {
  const now = runtime.clock.now()
  return ok(await call('fission', 'createBargainCampaign', { target, title: '月卡砍价', startFen: 9900, floorFen: 990, cuts: 5, hours: 24, dailyCap: 3, endAt: now + 72 * HOUR, ...overrides }, HOST))
}

export async function planCampaign(runtime: TestRuntime, overrides: Partial<CreateBargainCampaignInput> = {}) {
  const { circleId, planId } = await paidCircle()
  return { circleId, campaign: await createCampaign(runtime, { type: 'plan', circleId, planId }, overrides) }
}

export const start = (campaignId: string, openid: string) => call('fission', 'startBargain', { campaignId }, openid)
export const cut = (bargainId: string, openid: string) => call('fission', 'cutBargain', { bargainId }, openid)
export const payFor = (bargainId: string, openid: string) => call('fission', 'payBargain', { bargainId }, openid)
export const view = async (bargainId: string, openid: string) => ok(await call('fission', 'bargain', { bargainId }, openid))
