// A member's side of bargains: start one, friends cut it, pay the current price.
//
// Start (≤ 10 requests): the campaign and the member's start document
// `${campaignId}:${openid}` by id; an open bargain is answered again, a paid one
// is the member's one purchase, an expired one may be replaced. The start
// document is claimed first (insert, or a conditional update naming the old
// bargain), then the bargain is written with its seed and its whole schedule.
//
// Cut (≤ 19 requests): the bargain and campaign by id; self, twice, expired,
// paused and floor refused; the friend's daily cap document taken (a
// conditional increment below the cap); the friend's cut document inserted
// (a second tap conflicts: one cut per friend); then the place: one
// conditional update cuts: c → c + 1 on the bargain, trying the next place
// when another friend took c (at most TRIES), so every cut has its own k and
// the price never passes the floor. A cut that could not take a place gives
// its cap and cut document back.
//
// Pay (≤ 10 requests): the bargain by id; its open order answered again while
// it can be paid (its price was fixed when it opened); else the order's claim
// on the bargain by a conditional update that also names the cuts the price
// was read at (orderId: old, cuts: c), then the order priced start − cut(c).
import { randomBytes } from 'node:crypto'
import type { BargainCampaignView, BargainView, CutBargainResult, PayBargainInput, PayBargainResult } from '../../../../types/bargain'
import type { Page, PageInput } from '../../../../types/page'
import { AppError, errors } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import { isConflict } from '../../../ports/store'
import type { MemberDoc } from '../../members/member'
import { recordFact } from '../../facts/facts'
import { chinaDate } from '../../time/china-calendar'
import { SIGNUPS, signupId, type SignupDoc } from '../../events/event'
import { assertMayBuy } from '../../crm/circles'
import { ORDERS, newOrder, newOutTradeNo, type OrderDoc } from '../../orders/order'
import { prepayOrder } from '../../orders/open-order'
import {
  BARGAINS,
  BARGAIN_CAMPAIGNS,
  BARGAIN_CAPS,
  BARGAIN_CUTS,
  BARGAIN_PAY_WINDOW_MS,
  BARGAIN_STARTS,
  STALE_CLAIM_MS,
  capIdOf,
  cutIdOf,
  itemNameOf,
  loadBargain,
  loadCampaign,
  priceOf,
  startIdOf,
  statusOf,
  type BargainCampaignDoc,
  type BargainCapDoc,
  type BargainCutDoc,
  type BargainDoc,
  type BargainStartDoc,
  type CutterEntry
} from './bargain'
import { cutAfter, cutSchedule, newSeed } from './schedule'
import { targetItem } from '../sold-target/target'
import { BARGAIN_KIND, type BargainItem } from './bargain-order'
import { myBargainIn, needsAddress, toBargainView, toCampaignView } from './views'

/** Campaigns on a member's page (2 requests each for the member's own bargain). */
const MEMBER_PAGE = 6
/** Places a cut tries (one conditional update each) before it answers 人太多. */
export const TRIES = 8

export async function listBargainCampaigns(runtime: Runtime, caller: Caller, input: PageInput, now: number): Promise<Page<BargainCampaignView>> {
  const page = await runtime.store.collection<BargainCampaignDoc>(BARGAIN_CAMPAIGNS).find({ endAt: { $gt: now } }, { sort: [['endAt', 'asc']], limit: MEMBER_PAGE, after: input.after })
  const items = await Promise.all(page.items.map(async (c) => toCampaignView(c, await myBargainIn(runtime, c._id, caller.openid), now)))
  return { items, next: page.next }
}

export async function getBargainCampaign(runtime: Runtime, caller: Caller, campaignId: string, now: number): Promise<BargainCampaignView> {
  const [campaign, mine] = await Promise.all([loadCampaign(runtime, campaignId), myBargainIn(runtime, campaignId, caller.openid)])
  return toCampaignView(campaign, mine, now)
}

export async function getBargain(runtime: Runtime, caller: Caller, bargainId: string, now: number): Promise<BargainView> {
  const bargain = await loadBargain(runtime, bargainId)
  const campaign = await runtime.store.collection<BargainCampaignDoc>(BARGAIN_CAMPAIGNS).get(bargain.campaignId)
  return toBargainView(runtime, bargain, campaign, caller.openid, now)
}

// ------------------------------------------------------------------ start

async function assertMayHave(runtime: Runtime, campaign: BargainCampaignDoc, openid: string): Promise<void> {
  const target = campaign.target
  if (target.type === 'event') {
    const signup = await runtime.store.collection<SignupDoc>(SIGNUPS).get(signupId(target.eventId, openid))
    if (signup && ['held', 'offered', 'confirmed', 'attended'].includes(signup.status)) throw new AppError('CONFLICT', '你已报名这个活动，无需砍价')
  }
  if (target.type === 'plan') await assertMayBuy(runtime, target.circleId, openid)
}

export async function startBargain(runtime: Runtime, caller: Caller, member: MemberDoc, campaignId: string, now: number): Promise<BargainView> {
  const startId = startIdOf(campaignId, caller.openid)
  const starts = runtime.store.collection<BargainStartDoc>(BARGAIN_STARTS)
  const bargains = runtime.store.collection<BargainDoc>(BARGAINS)
  const [campaign, start] = await Promise.all([loadCampaign(runtime, campaignId), starts.get(startId)])
  const previous = start ? await bargains.get(start.bargainId) : null
  if (previous) {
    const status = statusOf(previous, now)
    if (status === 'open') return toBargainView(runtime, previous, campaign, caller.openid, now)
    if (status !== 'expired') throw new AppError('LIMIT_REACHED', '每人限砍 1 次，你在这场砍价中已购买过')
  } else if (start && start.at > now - STALE_CLAIM_MS) {
    // Another tap of this member is writing its bargain right now.
    throw errors.busy()
  }
  if (now >= campaign.endAt) throw new AppError('CHECKIN_CLOSED', '砍价活动已结束')
  if (campaign.paused) throw new AppError('CONFLICT', '砍价活动已暂停，请稍后再来')
  await assertMayHave(runtime, campaign, caller.openid)

  const bargainId = randomBytes(12).toString('hex')
  // The start document first: two taps at once, one wins, the other answers its bargain.
  const claim: BargainStartDoc = { _id: startId, campaignId, openid: caller.openid, bargainId, at: now }
  let claimed: boolean
  if (start) claimed = await starts.updateIf(startId, { bargainId: start.bargainId }, { set: { bargainId, at: now } })
  else
    claimed = await starts.insert(claim).then(
      () => true,
      (error) => {
        if (isConflict(error)) return false
        throw error
      }
    )
  if (!claimed) throw errors.busy()

  const seed = newSeed()
  const newMember = member.joinedAt >= campaign.createdAt
  const bargain: BargainDoc = {
    _id: bargainId,
    campaignId,
    openid: caller.openid,
    nickname: member.nickname,
    title: campaign.title,
    target: campaign.target,
    startFen: campaign.startFen,
    floorFen: campaign.floorFen,
    seed,
    amounts: cutSchedule(seed, campaign.startFen - campaign.floorFen, campaign.cuts),
    cuts: 0,
    cutFen: 0,
    reachedFloor: false,
    cutters: [],
    expiresAt: now + campaign.hours * 3600_000,
    status: 'open',
    orderId: null,
    orderFen: null,
    orderAt: null,
    paidFen: null,
    newMember,
    createdAt: now,
    updatedAt: now
  }
  await bargains.insert(bargain)
  await recordFact(runtime.store, {
    type: 'bargain.started',
    key: bargainId,
    openid: caller.openid,
    refId: campaignId,
    payload: { campaignId, bargainId, targetType: campaign.target.type, startFen: campaign.startFen, newMember },
    at: now
  })
  return toBargainView(runtime, bargain, campaign, caller.openid, now)
}

// ------------------------------------------------------------------ cut

function assertCuttable(bargain: BargainDoc, campaign: BargainCampaignDoc | null, openid: string, now: number): void {
  if (bargain.openid === openid) throw new AppError('FORBIDDEN', '不能给自己砍价，分享给好友帮你砍吧')
  if (bargain.cutters.some((c) => c.openid === openid)) throw new AppError('LIMIT_REACHED', '你已经帮 TA 砍过一刀了')
  const status = statusOf(bargain, now)
  if (status === 'expired') throw new AppError('CHECKIN_CLOSED', '这个砍价已过期')
  if (status !== 'open') throw new AppError('CONFLICT', 'TA 已经买下了，不用再砍啦')
  if (bargain.cuts >= bargain.amounts.length) throw new AppError('CONFLICT', '已经砍到底价啦')
  if (!campaign || campaign.paused) throw new AppError('CONFLICT', '砍价活动已暂停，请稍后再来')
}

/** Takes one of the friend's cuts of the day in this campaign: false at the cap. 2 requests (3 when two first cuts of the day race). */
async function takeCap(runtime: Runtime, capId: string, cap: number): Promise<boolean> {
  const caps = runtime.store.collection<BargainCapDoc>(BARGAIN_CAPS)
  const doc = await caps.get(capId)
  if (!doc) {
    try {
      await caps.insert({ _id: capId, n: 1 })
      return true
    } catch (error) {
      if (!isConflict(error)) throw error
    }
  } else if (doc.n >= cap) return false
  return caps.updateIf(capId, { n: { $lt: cap } }, { inc: { n: 1 } })
}

export async function cutBargain(runtime: Runtime, caller: Caller, member: MemberDoc, bargainId: string, now: number): Promise<CutBargainResult> {
  const openid = caller.openid
  const bargains = runtime.store.collection<BargainDoc>(BARGAINS)
  const bargain = await loadBargain(runtime, bargainId)
  const campaign = await runtime.store.collection<BargainCampaignDoc>(BARGAIN_CAMPAIGNS).get(bargain.campaignId)
  assertCuttable(bargain, campaign, openid, now)
  const capId = capIdOf(bargain.campaignId, openid, chinaDate(now))
  if (!(await takeCap(runtime, capId, campaign!.dailyCap))) throw new AppError('LIMIT_REACHED', `今天在这个活动里已砍了 ${campaign!.dailyCap} 刀，明天再来吧`)
  const giveCapBack = () => runtime.store.collection<BargainCapDoc>(BARGAIN_CAPS).update(capId, { inc: { n: -1 } })

  const newMember = member.joinedAt >= campaign!.createdAt
  const cuts = runtime.store.collection<BargainCutDoc>(BARGAIN_CUTS)
  const cutId = cutIdOf(bargainId, openid)
  const pending: BargainCutDoc = {
    _id: cutId,
    bargainId,
    campaignId: bargain.campaignId,
    starter: bargain.openid,
    starterNickname: bargain.nickname,
    openid,
    nickname: member.nickname,
    state: 'pending',
    k: 0,
    amountFen: 0,
    newMember,
    at: now
  }
  try {
    await cuts.insert(pending)
  } catch (error) {
    // A second tap, or a cut whose function died before taking a place (pending, a minute old, not on the bargain): taken over.
    const existing = isConflict(error) ? await cuts.get(cutId) : null
    const stale = existing !== null && existing.state === 'pending' && existing.at <= now - STALE_CLAIM_MS
    if (!stale || !(await cuts.updateIf(cutId, { state: 'pending', at: existing.at }, { set: { at: now, newMember } }))) {
      await giveCapBack()
      if (isConflict(error)) throw new AppError('LIMIT_REACHED', '你已经帮 TA 砍过一刀了')
      throw error
    }
  }

  // The place: cuts c → c + 1, conditional on c; another friend on c moves this one to c + 1.
  const total = bargain.amounts.length
  let place = bargain.cuts
  let taken = 0
  for (let tries = 0; tries < TRIES && place < total; tries++) {
    const amountFen = bargain.amounts[place]
    const entry: CutterEntry = { k: place + 1, openid, nickname: member.nickname, avatarFileId: member.avatarFileId, amountFen, at: now }
    const won = await bargains
      .updateIf(
        bargainId,
        { cuts: place, status: 'open', expiresAt: { $gt: now } },
        { set: { cuts: place + 1, cutFen: cutAfter(bargain.amounts, place + 1), reachedFloor: place + 1 === total, updatedAt: now }, push: { cutters: entry } }
      )
      .catch((error) => {
        // A write refused while the bargain is inside a payment's transaction: the same place again.
        if (isConflict(error) || (error as Error).name.includes('Transaction')) return null
        throw error
      })
    if (won) {
      taken = place + 1
      break
    }
    if (won === false) place++
  }
  if (taken === 0) {
    await Promise.all([cuts.remove(cutId), giveCapBack()])
    const now2 = await bargains.get(bargainId)
    if (now2) assertCuttable(now2, campaign, openid, now)
    throw new AppError('BUSY', '同时砍的人太多了，再砍一次试试')
  }
  const amountFen = bargain.amounts[taken - 1]
  await cuts.update(cutId, { set: { state: 'done', k: taken, amountFen } })
  await recordFact(runtime.store, {
    type: 'bargain.cut',
    key: cutId,
    openid,
    refId: bargainId,
    payload: { campaignId: bargain.campaignId, bargainId, starter: bargain.openid, k: taken, amountFen, newMember },
    at: now
  })
  const price = bargain.startFen - cutAfter(bargain.amounts, taken)
  return { k: taken, amountFen, priceFen: price, reachedFloor: taken === total }
}

// ------------------------------------------------------------------ pay

const description = (bargain: BargainDoc) => `砍价·${itemNameOf(bargain.target)}`.slice(0, 120)

async function answerOrder(runtime: Runtime, bargain: BargainDoc, order: OrderDoc): Promise<PayBargainResult> {
  return { orderId: order._id, amountFen: order.amountFen, payBefore: order.payBefore, payment: await prepayOrder(runtime, order, description(bargain)), resumed: true }
}

export async function payBargain(runtime: Runtime, caller: Caller, input: PayBargainInput, now: number): Promise<PayBargainResult> {
  const bargains = runtime.store.collection<BargainDoc>(BARGAINS)
  const orders = runtime.store.collection<OrderDoc>(ORDERS)
  let bargain = await loadBargain(runtime, input.bargainId)
  if (bargain.openid !== caller.openid) throw errors.forbidden('member')
  if (needsAddress(bargain) && !input.address) throw new AppError('INVALID_INPUT', '实物商品请填写收货地址', 'address')
  let checked = false
  for (let round = 0; round < 3; round++) {
    const status = statusOf(bargain, now)
    if (status === 'paid' || status === 'refunded') throw new AppError('LIMIT_REACHED', '这个砍价已经买下了')
    if (status === 'expired') throw new AppError('CHECKIN_CLOSED', '砍价已过期，不能再按砍后价购买')
    if (bargain.orderId) {
      const open = await orders.get(bargain.orderId)
      if (open && open.status === 'created' && open.payBefore > now) return answerOrder(runtime, bargain, open)
      // A claim whose order was never written (its function died) is taken over after a minute; a closed one waits for its kind to let go.
      if (!open && (bargain.orderAt ?? 0) > now - STALE_CLAIM_MS) throw errors.busy()
      if (open && open.status !== 'created' && open.status !== 'closed') throw new AppError('CONFLICT', '上一笔订单正在处理，请稍后再试')
    }
    if (!checked) {
      const campaign = { target: bargain.target } as BargainCampaignDoc
      await assertMayHave(runtime, campaign, caller.openid)
      checked = true
    }
    const price = priceOf(bargain)
    const orderId = newOutTradeNo(now, randomBytes(6).toString('hex'))
    const won = await bargains.updateIf(bargain._id, { orderId: bargain.orderId, cuts: bargain.cuts, status: 'open' }, { set: { orderId, orderFen: price, orderAt: now, updatedAt: now } })
    if (won) {
      const item: BargainItem = {
        kind: BARGAIN_KIND,
        bargainId: bargain._id,
        campaignId: bargain.campaignId,
        title: bargain.title,
        cuts: bargain.cuts,
        target: targetItem(bargain.target, bargain.openid, input.address ?? null)
      }
      const order = newOrder({ id: orderId, item, openid: caller.openid, listPriceFen: price, payBefore: Math.min(now + BARGAIN_PAY_WINDOW_MS, bargain.expiresAt), now })
      await orders.insert(order)
      return { orderId, amountFen: price, payBefore: order.payBefore, payment: await prepayOrder(runtime, order, description(bargain)), resumed: false }
    }
    // A friend cut (or another tap opened an order) in between: read it again.
    bargain = await loadBargain(runtime, bargain._id)
  }
  throw errors.busy()
}
