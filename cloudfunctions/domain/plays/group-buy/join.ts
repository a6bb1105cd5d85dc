// Starting and joining a group, exact under a rush, in at most 16 requests:
//   start: the offer, the member's right to buy it, today's starts (a count),
//     then one transaction of 4 new documents (the group, seat 0 ordered, the
//     claim, the order); the group opens when this order is paid.
//   join:  the group and the member's claim by id (a held order is answered
//     again; any other claim refuses: one seat per WeChat user per group, the
//     starter included), the offer, today's joins (a count), the member's
//     right to buy, then a seat: the group's seats (one query, ≤ 10), each
//     missing seat taken by insert and each let-go seat by one conditional
//     update, outside any transaction, so two friends on one seat never abort
//     each other: one wins, the other tries the next; none left is 已满.
//     Then one small transaction of the joiner's own documents: the seat
//     (held by this order → ordered), the claim and the order.
// A seat exists only for n < size, so no group ever has more members than its size.
import { randomBytes, randomUUID } from 'node:crypto'
import type { GroupBuyOrderResult } from '../../../../types/group-buy'
import { AppError, errors } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import { isConflict, type Filter } from '../../../ports/store'
import type { MemberDoc } from '../../members/member'
import { EVENTS, SIGNUPS, signupId, type EventDoc, type SignupDoc } from '../../events/event'
import { assertMayBuy } from '../../crm/circles'
import { ORDERS, newOrder, newOutTradeNo, type OrderDoc } from '../../orders/order'
import { prepayOrder } from '../../orders/open-order'
import { chinaDate } from '../../time/china-calendar'
import { targetItem } from '../sold-target/target'
import { GROUP_KIND, type GroupItem } from './grant'
import {
  GROUPS,
  GROUP_CLAIMS,
  GROUP_PAY_WINDOW_MS,
  GROUP_SEATS,
  JOINS_PER_DAY,
  STALE_HOLD_MS,
  STARTS_PER_DAY,
  claimIdOf,
  loadCampaign,
  loadGroup,
  seatIdOf,
  type ClaimDoc,
  type GroupBuyDoc,
  type GroupDoc,
  type SeatDoc
} from './group'
import { writeLog } from './settle'

const description = (campaign: GroupBuyDoc) => `拼团·${campaign.title}`.slice(0, 120)

/** The member may buy what the group sells: not blocked from the circle; not already signed up for the event, which still takes signups. 1–2 requests. */
async function assertMayTake(runtime: Runtime, campaign: GroupBuyDoc, openid: string, now: number): Promise<void> {
  const t = campaign.target
  if (t.type === 'plan') return assertMayBuy(runtime, t.circleId, openid)
  const [event, signup] = await Promise.all([runtime.store.collection<EventDoc>(EVENTS).get(t.eventId), runtime.store.collection<SignupDoc>(SIGNUPS).get(signupId(t.eventId, openid))])
  if (!event || event.status !== 'scheduled' || now >= event.signupDeadline) throw new AppError('CHECKIN_CLOSED', '活动已截止报名，不能再拼团')
  if (signup && ['held', 'offered', 'confirmed', 'attended'].includes(signup.status)) throw new AppError('CONFLICT', '你已报名这个活动，无需再拼团')
}

/** Today's starts (seat 0) or joins (seat ≥ 1) of this member, by one count; over the cap it is refused, and the host's log says so once a day. */
async function assertUnderCap(runtime: Runtime, campaign: GroupBuyDoc, caller: Caller, member: MemberDoc, role: 'start' | 'join', groupId: string, now: number): Promise<void> {
  const day = chinaDate(now)
  const cap = role === 'start' ? STARTS_PER_DAY : JOINS_PER_DAY
  const taken = await runtime.store.collection<SeatDoc>(GROUP_SEATS).count({ openid: caller.openid, day, n: role === 'start' ? 0 : { $gt: 0 } })
  if (taken < cap) return
  await writeLog(runtime, {
    key: 'refused',
    id: `refused:${campaign._id}:${caller.openid}:${day}:${role}`,
    campaignId: campaign._id,
    groupId,
    kind: 'refused',
    openid: caller.openid,
    text: `${member.nickname || '成员'} 今天已${role === 'start' ? '发起' : '参加'} ${taken} 个团，超过每日上限，已拒绝`,
    at: now
  })
  throw new AppError('LIMIT_REACHED', role === 'start' ? `每人每天最多发起 ${cap} 个团` : `每人每天最多参加 ${cap} 个团`)
}

function orderFor(campaign: GroupBuyDoc, group: Pick<GroupDoc, '_id'>, n: number, caller: Caller, member: MemberDoc, orderId: string, payBefore: number, now: number): OrderDoc {
  const item: GroupItem = {
    kind: GROUP_KIND,
    campaignId: campaign._id,
    groupId: group._id,
    seatId: seatIdOf(group._id, n),
    claimId: claimIdOf(group._id, caller.openid),
    n,
    title: campaign.title,
    newMember: member.joinedAt >= campaign.createdAt,
    target: targetItem(campaign.target, caller.openid, null)
  }
  return newOrder({ id: orderId, item, openid: caller.openid, listPriceFen: campaign.priceFen, payBefore, now })
}

function seatFor(campaign: GroupBuyDoc, groupId: string, n: number, caller: Caller, member: MemberDoc, orderId: string, state: 'held' | 'ordered', payBefore: number, now: number): SeatDoc {
  return {
    _id: seatIdOf(groupId, n),
    groupId,
    campaignId: campaign._id,
    n,
    state,
    orderId,
    openid: caller.openid,
    name: member.nickname || '微信用户',
    avatarFileId: member.avatarFileId || '',
    day: chinaDate(now),
    heldAt: now,
    payBefore,
    newMember: member.joinedAt >= campaign.createdAt
  }
}

async function answer(runtime: Runtime, campaign: GroupBuyDoc, groupId: string, order: OrderDoc, resumed: boolean): Promise<GroupBuyOrderResult> {
  return { groupId, orderId: order._id, amountFen: order.amountFen, payBefore: order.payBefore, payment: await prepayOrder(runtime, order, description(campaign)), resumed }
}

export async function startGroupBuy(runtime: Runtime, caller: Caller, member: MemberDoc, campaignId: string, now: number): Promise<GroupBuyOrderResult> {
  const campaign = await loadCampaign(runtime, campaignId)
  if (campaign.paused) throw new AppError('CONFLICT', '拼团已暂停，暂不能开新团')
  const groupId = randomUUID()
  await assertMayTake(runtime, campaign, caller.openid, now)
  await assertUnderCap(runtime, campaign, caller, member, 'start', groupId, now)
  const orderId = newOutTradeNo(now, randomBytes(6).toString('hex'))
  const payBefore = now + GROUP_PAY_WINDOW_MS
  const group: GroupDoc = {
    _id: groupId,
    campaignId: campaign._id,
    leader: caller.openid,
    leaderName: member.nickname || '微信用户',
    state: 'pending',
    size: campaign.size,
    expiresAt: null,
    allowSimulated: campaign.allowSimulated,
    limitHours: campaign.limitHours,
    simulated: 0,
    createdAt: now,
    updatedAt: now
  }
  const order = orderFor(campaign, group, 0, caller, member, orderId, payBefore, now)
  // Every document is new (the group's id is fresh): 4 inserts, nothing another member writes.
  await runtime.store.transaction(async (tx) => {
    await tx.collection<GroupDoc>(GROUPS).insert(group)
    await tx.collection<SeatDoc>(GROUP_SEATS).insert(seatFor(campaign, groupId, 0, caller, member, orderId, 'ordered', payBefore, now))
    await tx
      .collection<ClaimDoc>(GROUP_CLAIMS)
      .insert({ _id: claimIdOf(groupId, caller.openid), groupId, openid: caller.openid, seatId: seatIdOf(groupId, 0), orderId, released: false, createdAt: now, updatedAt: now })
    await tx.collection<OrderDoc>(ORDERS).insert(order)
  })
  return answer(runtime, campaign, groupId, order, false)
}

/** The member's claim in this group: their open order again, or a refusal (one seat per member per group). */
async function answerClaim(runtime: Runtime, campaign: GroupBuyDoc, group: GroupDoc, claim: ClaimDoc | null, now: number): Promise<GroupBuyOrderResult | null> {
  if (!claim || claim.released) return null
  if (claim.openid === group.leader && claim.seatId === seatIdOf(group._id, 0)) throw new AppError('CONFLICT', '这是你发起的团，不能自己参团，分享给好友吧')
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(claim.orderId)
  if (order && order.status === 'created' && order.payBefore > now) return answer(runtime, campaign, group._id, order, true)
  if (!order || order.status === 'created') throw new AppError('CONFLICT', '上一笔订单已超时未付，座位释放后可以再参团')
  throw new AppError('LIMIT_REACHED', '你已在这个团里，每人限 1 个名额')
}

/** A seat for `orderId`: a missing one inserted, or a let-go one (or a stale hold) taken back by a conditional update. */
async function takeSeat(runtime: Runtime, campaign: GroupBuyDoc, group: GroupDoc, caller: Caller, member: MemberDoc, orderId: string, payBefore: number, now: number): Promise<number> {
  const seats = runtime.store.collection<SeatDoc>(GROUP_SEATS)
  const existing = (await seats.find({ groupId: group._id }, { sort: [['n', 'asc']], limit: group.size })).items
  const byN = new Map(existing.map((s) => [s.n, s]))
  const doc = (n: number) => seatFor(campaign, group._id, n, caller, member, orderId, 'held', payBefore, now)
  let tries = 0
  for (let n = 1; n < group.size && tries < 4; n++) {
    const seat = byN.get(n)
    if (!seat) {
      tries++
      try {
        await seats.insert(doc(n))
        return n
      } catch (error) {
        if (!isConflict(error)) throw error
        continue
      }
    }
    const stale = seat.state === 'held' && (seat.heldAt ?? now) <= now - STALE_HOLD_MS
    if (seat.state !== 'free' && !stale) continue
    tries++
    const condition: Filter = seat.state === 'free' ? { state: 'free' } : { state: 'held', orderId: seat.orderId, heldAt: seat.heldAt }
    const { _id, ...fields } = doc(n)
    if (await seats.updateIf(_id, condition, { set: fields })) return n
  }
  throw new AppError('OUT_OF_STOCK', '这个团已满，去发起一个新团吧')
}

/** A seat this joiner took and will not use goes straight back. */
async function letGo(runtime: Runtime, seatId: string, orderId: string): Promise<void> {
  await runtime.store
    .collection<SeatDoc>(GROUP_SEATS)
    .updateIf(seatId, { state: 'held', orderId }, { set: { state: 'free', orderId: null, openid: null, day: null, heldAt: null, payBefore: null } })
    .catch((error) => console.error('[group] seat left for a later friend', seatId, (error as Error).message))
}

export async function joinGroupBuy(runtime: Runtime, caller: Caller, member: MemberDoc, groupId: string, now: number): Promise<GroupBuyOrderResult> {
  const claimId = claimIdOf(groupId, caller.openid)
  const claims = runtime.store.collection<ClaimDoc>(GROUP_CLAIMS)
  const [group, claim] = await Promise.all([loadGroup(runtime, groupId), claims.get(claimId)])
  const campaign = await loadCampaign(runtime, group.campaignId)
  const again = await answerClaim(runtime, campaign, group, claim, now)
  if (again) return again
  if (group.leader === caller.openid) throw new AppError('CONFLICT', '这是你发起的团，不能自己参团，分享给好友吧')
  if (group.state === 'pending') throw new AppError('CONFLICT', '团长还没完成支付，请稍后再来')
  if (group.state === 'abandoned') throw new AppError('CONFLICT', '这个团已取消，去发起一个新团吧')
  if (group.state === 'completing' || group.state === 'completed') throw new AppError('OUT_OF_STOCK', '这个团已成团，去发起一个新团吧')
  if (group.state !== 'open' || group.expiresAt === null || now >= group.expiresAt) throw new AppError('CHECKIN_CLOSED', '这个团已到时间，去发起一个新团吧')
  await assertUnderCap(runtime, campaign, caller, member, 'join', groupId, now)
  await assertMayTake(runtime, campaign, caller.openid, now)

  const orderId = newOutTradeNo(now, randomBytes(6).toString('hex'))
  // The seat's payment window never runs past the group's time: a payment after it would only be refunded.
  const payBefore = Math.min(now + GROUP_PAY_WINDOW_MS, group.expiresAt)
  const n = await takeSeat(runtime, campaign, group, caller, member, orderId, payBefore, now)
  const seatId = seatIdOf(groupId, n)
  const draft = orderFor(campaign, group, n, caller, member, orderId, payBefore, now)
  let outcome: { order: OrderDoc } | { other: ClaimDoc } | { lost: true }
  try {
    outcome = await runtime.store.transaction(async (tx) => {
      const seats = tx.collection<SeatDoc>(GROUP_SEATS)
      const seat = await seats.get(seatId)
      if (!seat || seat.state !== 'held' || seat.orderId !== orderId) return { lost: true as const }
      const txClaims = tx.collection<ClaimDoc>(GROUP_CLAIMS)
      const current = await txClaims.get(claimId)
      if (current && !current.released) return { other: current }
      await seats.set({ ...seat, state: 'ordered' })
      const doc: ClaimDoc = { _id: claimId, groupId, openid: caller.openid, seatId, orderId, released: false, createdAt: current?.createdAt ?? now, updatedAt: now }
      if (current) await txClaims.set(doc)
      else await txClaims.insert(doc)
      await tx.collection<OrderDoc>(ORDERS).insert(draft)
      return { order: draft }
    })
  } catch (error) {
    await letGo(runtime, seatId, orderId)
    throw error
  }
  if ('lost' in outcome) throw errors.busy()
  if ('other' in outcome) {
    // Another tap of this member won the claim: this seat goes back, and that order is the answer.
    await letGo(runtime, seatId, orderId)
    const resumed = await answerClaim(runtime, campaign, group, outcome.other, now)
    if (!resumed) throw errors.busy()
    return resumed
  }
  return answer(runtime, campaign, groupId, outcome.order, false)
}
