// Invite contests: a time window, a live board of activated invites, and
// prizes for the top 3 when it ends: points, and optionally a coupon or a free
// event ticket from one of the host's campaigns.
import { randomUUID } from 'node:crypto'
import type { ContestInput, ContestPrize, ContestPrizeView, ContestView } from '../../../types/leaderboard'
import type { Page, PageInput } from '../../../types/page'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { CAMPAIGNS, reserveCoupons, type CampaignDoc } from '../rewards/coupons'

export const CONTESTS = COLLECTIONS.contests.name

type Prizes = ContestInput['prizes']

export interface ContestDoc extends Omit<ContestInput, 'prizes'> {
  _id: string
  /** Absent on contests made when prizes were points only (see prizesOf). */
  prizes?: Prizes
  prizePoints?: [number, number, number]
  settled: boolean
  createdAt: number
}

/** The prizes of a contest, including those stored before coupon prizes existed. */
export function prizesOf(doc: ContestDoc): Prizes {
  if (doc.prizes) return doc.prizes
  const [a, b, c] = doc.prizePoints ?? [0, 0, 0]
  return [a, b, c].map((points) => ({ points, couponCampaignId: null })) as Prizes
}

/** The names of the prize campaigns, for boards and contest cards. */
export async function prizeViews(runtime: Runtime, prizes: Prizes): Promise<[ContestPrizeView, ContestPrizeView, ContestPrizeView]> {
  const campaigns = await Promise.all(prizes.map((p) => (p.couponCampaignId ? runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(p.couponCampaignId) : null)))
  return prizes.map((p, i) => ({ ...p, couponName: campaigns[i]?.name ?? null, couponKind: campaigns[i]?.kind ?? null })) as [ContestPrizeView, ContestPrizeView, ContestPrizeView]
}

async function toView(runtime: Runtime, doc: ContestDoc, now: number): Promise<ContestView> {
  const { _id, createdAt: _c, prizePoints: _p, ...rest } = doc
  return { ...rest, id: _id, prizes: await prizeViews(runtime, prizesOf(doc)), phase: now < doc.startAt ? 'upcoming' : now <= doc.endAt ? 'running' : 'ended' }
}

/** A coupon prize must exist and still be valid when the contest settles. */
async function checkPrize(runtime: Runtime, prize: ContestPrize, place: number, endAt: number): Promise<void> {
  if (!prize.couponCampaignId) return
  const campaign = await runtime.store.collection<CampaignDoc>(CAMPAIGNS).get(prize.couponCampaignId)
  const field = `prizes.${place}.couponCampaignId`
  if (!campaign) throw new AppError('NOT_FOUND', `第 ${place + 1} 名的奖品券不存在`, field)
  if (campaign.validTo <= endAt) throw new AppError('INVALID_INPUT', `第 ${place + 1} 名的奖品券在邀请赛结束前就过期了`, field)
}

/**
 * The prize coupons are set aside from their campaigns' stock in the same
 * transaction that stores the contest, so the winners always get them;
 * settlement puts back those of places nobody reached.
 */
export async function createContest(runtime: Runtime, input: ContestInput, now: number): Promise<ContestView> {
  if (input.endAt <= input.startAt) throw new AppError('INVALID_INPUT', '结束时间需晚于开始时间', 'endAt')
  for (const [place, prize] of input.prizes.entries()) await checkPrize(runtime, prize, place, input.endAt)
  const counts = new Map<string, number>()
  for (const prize of input.prizes) if (prize.couponCampaignId) counts.set(prize.couponCampaignId, (counts.get(prize.couponCampaignId) ?? 0) + 1)
  const field = (campaignId: string) => `prizes.${input.prizes.findIndex((p) => p.couponCampaignId === campaignId)}.couponCampaignId`
  const doc: ContestDoc = { ...input, _id: randomUUID(), settled: false, createdAt: now }
  await runtime.store.transaction(async (tx) => {
    await reserveCoupons(tx, counts, field)
    await tx.collection<ContestDoc>(CONTESTS).insert(doc)
  })
  return toView(runtime, doc, now)
}

export async function listContests(runtime: Runtime, input: PageInput, now: number): Promise<Page<ContestView>> {
  const page = await runtime.store.collection<ContestDoc>(CONTESTS).find({}, { sort: [['startAt', 'desc']], limit: 20, after: input.after })
  return { items: await Promise.all(page.items.map((d) => toView(runtime, d, now))), next: page.next }
}
