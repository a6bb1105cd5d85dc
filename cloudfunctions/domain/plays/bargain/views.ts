// What members and hosts see: a campaign with the caller's own bargain (its
// start document and bargain by id), one bargain with its progress and cutters
// (the bargain document alone holds them), and for hosts the measures by counts.
import type { BargainCampaignView, BargainMeasures, BargainView, HostBargainCampaignView } from '../../../../types/bargain'
import type { Runtime } from '../../../platform/runtime'
import { needsAddress as isPhysical, campaignHead } from '../sold-target/target'
import { BARGAINS, BARGAIN_CUTS, BARGAIN_PAY_WINDOW_MS, BARGAIN_STARTS, itemNameOf, priceOf, startIdOf, statusOf, type BargainCampaignDoc, type BargainDoc, type BargainStartDoc } from './bargain'

export function phaseOf(campaign: BargainCampaignDoc, now: number): BargainCampaignView['phase'] {
  if (now >= campaign.endAt) return 'ended'
  return campaign.paused ? 'paused' : 'running'
}

export const needsAddress = (campaign: Pick<BargainCampaignDoc, 'target'>) => isPhysical(campaign.target)

export function toCampaignView(campaign: BargainCampaignDoc, mine: BargainDoc | null, now: number): BargainCampaignView {
  const status = mine ? statusOf(mine, now) : null
  return {
    ...campaignHead(campaign, ['startFen', 'floorFen', 'cuts', 'hours', 'dailyCap', 'endAt']),
    phase: phaseOf(campaign, now),
    needsAddress: needsAddress(campaign),
    mine: mine && status && status !== 'expired' ? { bargainId: mine._id, status, priceFen: priceOf(mine) } : null,
    serverNow: now
  }
}

/** The caller's bargain in a campaign: 2 requests (the start document, then its bargain). */
export async function myBargainIn(runtime: Runtime, campaignId: string, openid: string): Promise<BargainDoc | null> {
  const start = await runtime.store.collection<BargainStartDoc>(BARGAIN_STARTS).get(startIdOf(campaignId, openid))
  return start ? runtime.store.collection<BargainDoc>(BARGAINS).get(start.bargainId) : null
}

export function toBargainView(runtime: Runtime, bargain: BargainDoc, campaign: BargainCampaignDoc | null, openid: string, now: number): BargainView {
  const status = statusOf(bargain, now)
  const payBefore = bargain.orderAt === null ? 0 : Math.min(bargain.orderAt + BARGAIN_PAY_WINDOW_MS, bargain.expiresAt)
  const open = status === 'open' && bargain.orderId !== null && bargain.orderFen !== null && payBefore > now
  const mine = bargain.cutters.find((c) => c.openid === openid)
  const price = priceOf(bargain)
  return {
    id: bargain._id,
    campaignId: bargain.campaignId,
    title: bargain.title,
    targetType: bargain.target.type,
    itemName: itemNameOf(bargain.target),
    starterNickname: bargain.nickname,
    startFen: bargain.startFen,
    floorFen: bargain.floorFen,
    cutFen: bargain.cutFen,
    priceFen: price,
    leftFen: price - bargain.floorFen,
    cuts: bargain.cuts,
    cutsTotal: bargain.amounts.length,
    reachedFloor: bargain.reachedFloor,
    expiresAt: bargain.expiresAt,
    status,
    cutters: bargain.cutters
      .slice()
      .reverse()
      .map((c) => ({ k: c.k, nickname: c.nickname || '微信用户', avatarUrl: c.avatarFileId ? runtime.files.urlFor(c.avatarFileId) : '', amountFen: c.amountFen, at: c.at })),
    isMine: bargain.openid === openid,
    myCut: mine ? { k: mine.k, amountFen: mine.amountFen } : null,
    openOrder: open ? { orderId: bargain.orderId!, amountFen: bargain.orderFen!, payBefore } : null,
    paidOrderId: status === 'paid' || status === 'refunded' ? bargain.orderId : null,
    needsAddress: needsAddress(bargain),
    paused: campaign?.paused ?? false,
    serverNow: now
  }
}

/** Paid bargains summed for the revenue (one request; beyond this many the figure says so). */
const REVENUE_READ = 100

/** The host's measures: 4 counts and one read of the paid bargains. */
export async function measuresOf(runtime: Runtime, campaign: BargainCampaignDoc): Promise<BargainMeasures> {
  const bargains = runtime.store.collection<BargainDoc>(BARGAINS)
  const cuts = runtime.store.collection(BARGAIN_CUTS)
  const campaignId = campaign._id
  const [started, reachedFloor, paidPage, cutCount, newMembers] = await Promise.all([
    bargains.count({ campaignId }),
    bargains.count({ campaignId, reachedFloor: true }),
    bargains.find({ campaignId, status: 'paid' }, { limit: REVENUE_READ }),
    cuts.count({ campaignId, state: 'done' }),
    cuts.count({ campaignId, state: 'done', newMember: true })
  ])
  // Past the first 100 paid, one more count for the number (the revenue then says it is of those 100).
  const paid = paidPage.next === null ? paidPage.items.length : await bargains.count({ campaignId, status: 'paid' })
  return {
    started,
    reachedFloor,
    paid,
    revenueFen: paidPage.items.reduce((sum, b) => sum + (b.paidFen ?? 0), 0),
    revenueCapped: paidPage.next !== null,
    newMembers,
    cuts: cutCount
  }
}

export async function hostCampaignView(runtime: Runtime, campaign: BargainCampaignDoc, now: number): Promise<HostBargainCampaignView> {
  return { ...toCampaignView(campaign, null, now), paused: campaign.paused, measures: await measuresOf(runtime, campaign) }
}
