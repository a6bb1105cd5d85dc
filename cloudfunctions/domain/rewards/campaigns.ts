// The host manages campaigns: the list with what was claimed, used and is
// left; edits (name, end, stock never below what was claimed, minimum spend);
// stopping one: no more claims, while coupons already claimed stay usable
// until they expire. Each write is one guarded update of the campaign, the
// document every claim's transaction reads and counts on, so a claim and an
// edit or a stop never interleave: the later one sees the other's result.
import type { HostCampaignView, UpdateCampaignInput } from '../../../types/coupons'
import type { Page, PageInput } from '../../../types/page'
import { AppError, errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import type { UpdateOps } from '../../ports/store'
import { CAMPAIGNS, COUPONS, campaignView, eventTitles, type CampaignDoc } from './coupons'

/** Campaigns per page: each costs one count of its used coupons. */
const HOST_PAGE = 10

async function hostView(runtime: Runtime, doc: CampaignDoc, titles?: Map<string, string>): Promise<HostCampaignView> {
  const used = await runtime.store.collection(COUPONS).count({ campaignId: doc._id, status: 'used' })
  return { ...campaignView(doc, false, titles ?? (await eventTitles(runtime, [doc]))), used, remaining: Math.max(0, doc.stock - doc.claimed) }
}

export async function hostCampaigns(runtime: Runtime, input: PageInput): Promise<Page<HostCampaignView>> {
  const page = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).find({}, { sort: [['createdAt', 'desc']], limit: HOST_PAGE, after: input.after })
  const titles = await eventTitles(runtime, page.items)
  return { items: await Promise.all(page.items.map((c) => hostView(runtime, c, titles))), next: page.next }
}

async function load(runtime: Runtime, campaignId: string): Promise<CampaignDoc> {
  const doc = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(campaignId)
  if (!doc) throw errors.notFound('优惠券活动')
  return doc
}

export async function updateCampaign(runtime: Runtime, input: UpdateCampaignInput, now: number): Promise<HostCampaignView> {
  const campaigns = runtime.store.collection<CampaignDoc>(CAMPAIGNS)
  const current = await load(runtime, input.campaignId)
  const set: Record<string, unknown> = { updatedAt: now }
  if (input.name !== undefined) set.name = input.name.trim()
  if (input.validTo !== undefined) {
    if (input.validTo <= current.validFrom) throw new AppError('INVALID_INPUT', '有效期结束需晚于开始', 'validTo')
    set.validTo = input.validTo
  }
  if (input.minSpendFen !== undefined) {
    if (current.kind === 'freeTicket' && input.minSpendFen !== 0) throw new AppError('INVALID_INPUT', '免费票没有最低消费', 'minSpendFen')
    set.minSpendFen = input.minSpendFen
  }
  const ops: UpdateOps = { set }
  if (input.stock !== undefined) {
    set.stock = input.stock
    // Guarded on the claimed count at the moment of writing: a claim that lands in between makes this refuse, never go below.
    if (!(await campaigns.updateIf(input.campaignId, { claimed: { $lte: input.stock } }, ops))) {
      const fresh = await load(runtime, input.campaignId)
      throw new AppError('INVALID_INPUT', `数量不能少于已领取的 ${fresh.claimed} 张`, 'stock')
    }
  } else {
    await campaigns.update(input.campaignId, ops)
  }
  return hostView(runtime, await load(runtime, input.campaignId))
}

/** No more claims; the coupons already claimed stay usable until they expire. Stopping twice changes nothing. */
export async function stopCampaign(runtime: Runtime, campaignId: string, now: number): Promise<HostCampaignView> {
  await load(runtime, campaignId)
  await runtime.store.collection<CampaignDoc>(CAMPAIGNS).updateIf(campaignId, { stoppedAt: { $exists: false } }, { set: { stoppedAt: now, updatedAt: now } })
  return hostView(runtime, await load(runtime, campaignId))
}
