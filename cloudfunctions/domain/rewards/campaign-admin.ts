// Creating a coupon campaign: the one place coupons need every order kind, since
// what a coupon can apply to is whatever can be sold (the registered kinds' scopes).
// Apart from coupons.ts so the functions that only issue, claim or use coupons
// (contests, the mall, welcome gifts, check-ins' inbox) do not carry every kind.
import { randomUUID } from 'node:crypto'
import type { CampaignInput, CampaignView } from '../../../types/coupons'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import '../orders/installed-kinds'
import { couponScopes } from '../orders/kinds'
import { CAMPAIGNS, campaignView, eventTitles, type CampaignDoc } from './coupons'

export async function createCampaign(runtime: Runtime, input: CampaignInput, now: number): Promise<CampaignView> {
  if (input.validTo <= input.validFrom) throw new AppError('INVALID_INPUT', '有效期结束需晚于开始', 'validTo')
  if (input.kind === 'amountOff' && input.amountOffFen <= 0) throw new AppError('INVALID_INPUT', '请填写减免金额', 'amountOffFen')
  if (input.kind === 'percentOff' && (input.percentOff < 1 || input.percentOff > 99)) throw new AppError('INVALID_INPUT', '折扣需在 1%–99% 之间', 'percentOff')
  if (input.kind === 'freeTicket' && (input.appliesTo.length !== 1 || input.appliesTo[0] !== 'event')) throw new AppError('INVALID_INPUT', '免费票只能用于活动报名', 'appliesTo')
  if (input.kind !== 'freeTicket' && input.eventId) throw new AppError('INVALID_INPUT', '只有免费票可以指定活动', 'eventId')
  if (input.appliesTo.length === 0) throw new AppError('INVALID_INPUT', '请选择适用范围', 'appliesTo')
  const scopes = couponScopes()
  if (input.appliesTo.some((scope) => !scopes.includes(scope))) throw new AppError('INVALID_INPUT', '适用范围不存在', 'appliesTo')
  if (input.eventId && !(await runtime.store.collection(COLLECTIONS.events.name).get(input.eventId))) throw errors.notFound('活动')
  const terms = input.kind === 'freeTicket' ? { ...input, amountOffFen: 0, percentOff: 0, minSpendFen: 0 } : input
  const doc: CampaignDoc = { ...terms, channel: input.channel ?? 'claim', eventId: input.eventId ?? null, _id: randomUUID(), claimed: 0, createdAt: now }
  await runtime.store.collection<CampaignDoc>(CAMPAIGNS).insert(doc)
  return campaignView(doc, false, await eventTitles(runtime, [doc]))
}
