// Invite contests: a time window, a live board of activated invites, and
// prizes for the top 3 when it ends: points, and optionally a coupon or a free
// event ticket from one of the host's campaigns.
import { randomUUID } from 'node:crypto'
import type { ContestInput, ContestPrize, ContestPrizeView, ContestView, UpdateContestInput } from '../../../types/leaderboard'
import type { Page, PageInput } from '../../../types/page'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { CAMPAIGNS, releaseCoupon, reserveCoupons, type CampaignDoc } from '../rewards/coupons'
import type { Transaction } from '../../ports/store'

export const CONTESTS = COLLECTIONS.contests.name

type Prizes = ContestInput['prizes']

export interface ContestDoc extends Omit<ContestInput, 'prizes'> {
  _id: string
  /** Absent on contests made when prizes were points only (see prizesOf). */
  prizes?: Prizes
  prizePoints?: [number, number, number]
  settled: boolean
  createdAt: number
  /** Cancelled before it started: its prize coupons went back (and it is marked settled, so it never settles). */
  cancelled?: boolean
  cancelledAt?: number
  updatedAt?: number
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
  const { _id, createdAt: _c, prizePoints: _p, cancelledAt: _ca, updatedAt: _u, ...rest } = doc
  return { ...rest, id: _id, cancelled: doc.cancelled ?? false, prizes: await prizeViews(runtime, prizesOf(doc)), phase: now < doc.startAt ? 'upcoming' : now <= doc.endAt ? 'running' : 'ended' }
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
  const counts = prizeCounts(input.prizes)
  const field = prizeField(input.prizes)
  const doc: ContestDoc = { ...input, _id: randomUUID(), settled: false, createdAt: now }
  await runtime.store.transaction(async (tx) => {
    await reserveCoupons(tx, counts, field)
    await tx.collection<ContestDoc>(CONTESTS).insert(doc)
  })
  return toView(runtime, doc, now)
}

/** Members do not see cancelled contests; the host does (marked cancelled). */
export async function listContests(runtime: Runtime, input: PageInput, now: number, options: { withCancelled?: boolean } = {}): Promise<Page<ContestView>> {
  const page = await runtime.store.collection<ContestDoc>(CONTESTS).find({}, { sort: [['startAt', 'desc']], limit: 20, after: input.after })
  const shown = options.withCancelled ? page.items : page.items.filter((d) => !d.cancelled)
  return { items: await Promise.all(shown.map((d) => toView(runtime, d, now))), next: page.next }
}

/** How many coupons of each campaign the prizes set aside. */
function prizeCounts(prizes: Prizes): Map<string, number> {
  const counts = new Map<string, number>()
  for (const prize of prizes) if (prize.couponCampaignId) counts.set(prize.couponCampaignId, (counts.get(prize.couponCampaignId) ?? 0) + 1)
  return counts
}

const prizeField = (prizes: Prizes) => (campaignId: string) => `prizes.${prizes.findIndex((p) => p.couponCampaignId === campaignId)}.couponCampaignId`

/** Inside a transaction: the contest as it is now, still changeable (not started, not cancelled). */
async function changeable(tx: Transaction, contestId: string, now: number): Promise<ContestDoc> {
  const doc = await tx.collection<ContestDoc>(CONTESTS).get(contestId)
  if (!doc) throw new AppError('NOT_FOUND', '邀请赛不存在')
  if (doc.cancelled) throw new AppError('CONFLICT', '邀请赛已取消')
  if (now >= doc.startAt) throw new AppError('CONFLICT', '邀请赛已开始，不能修改或取消')
  return doc
}

/** Inside a transaction: the prize coupons the contest set aside go back to their campaigns. */
async function releasePrizes(tx: Transaction, prizes: Prizes): Promise<void> {
  for (const prize of prizes) if (prize.couponCampaignId) await releaseCoupon(tx, prize.couponCampaignId)
}

/**
 * Before it starts: the contest takes its new terms; the prize coupons set
 * aside for the old prizes go back and those of the new ones are set aside, in
 * the transaction that stores it (a coupon kept for a place that keeps it is
 * released and reserved again: no net change).
 */
export async function updateContest(runtime: Runtime, input: UpdateContestInput, now: number): Promise<ContestView> {
  const { contestId, ...terms } = input
  if (terms.endAt <= terms.startAt) throw new AppError('INVALID_INPUT', '结束时间需晚于开始时间', 'endAt')
  if (terms.startAt <= now) throw new AppError('INVALID_INPUT', '开始时间需晚于现在', 'startAt')
  for (const [place, prize] of terms.prizes.entries()) await checkPrize(runtime, prize, place, terms.endAt)
  const updated = await runtime.store.transaction(async (tx) => {
    const current = await changeable(tx, contestId, now)
    await releasePrizes(tx, prizesOf(current))
    await reserveCoupons(tx, prizeCounts(terms.prizes), prizeField(terms.prizes))
    const set = { ...terms, updatedAt: now }
    await tx.collection<ContestDoc>(CONTESTS).update(contestId, { set, unset: current.prizePoints ? ['prizePoints'] : undefined })
    const { prizePoints: _p, ...rest } = current
    return { ...rest, ...set } as ContestDoc
  })
  return toView(runtime, updated, now)
}

/**
 * Before it starts: the contest is cancelled and its prize coupons go back to
 * their campaigns, once: the release and the mark are one transaction, and a
 * cancelled contest refuses a second cancel. Points were never set aside.
 * After it starts: CONFLICT.
 */
export async function cancelContest(runtime: Runtime, contestId: string, now: number): Promise<ContestView> {
  const cancelled = await runtime.store.transaction(async (tx) => {
    const current = await tx.collection<ContestDoc>(CONTESTS).get(contestId)
    // Already cancelled: nothing more goes back.
    if (current?.cancelled) return current
    await changeable(tx, contestId, now)
    await releasePrizes(tx, prizesOf(current!))
    const set = { cancelled: true, cancelledAt: now, settled: true, updatedAt: now }
    await tx.collection<ContestDoc>(CONTESTS).update(contestId, { set })
    return { ...current!, ...set }
  })
  return toView(runtime, cancelled, now)
}
