// What members and hosts see of a group buy: a group's members and progress
// from its seats (one query of ≤ 10), the caller's own seat among them, and for
// hosts the measures by counts on the groups and seats.
import type { GroupBuyMeasures, GroupBuyView, GroupView, HostGroupBuyView } from '../../../../types/group-buy'
import type { Runtime } from '../../../platform/runtime'
import { targetView, campaignHead } from '../sold-target/target'
import { GROUPS, GROUP_SEATS, loadCampaign, loadGroup, phaseOf, type GroupBuyDoc, type GroupDoc, type SeatDoc } from './group'

export function toCampaignView(campaign: GroupBuyDoc, myGroupIds: string[], now: number): GroupBuyView {
  return {
    ...campaignHead(campaign, ['priceFen', 'size', 'limitHours', 'allowSimulated', 'paused']),
    myGroupIds,
    serverNow: now
  }
}

/** A member's view of an offer: 1 query (the groups they started that are still going). */
export async function memberCampaignView(runtime: Runtime, campaign: GroupBuyDoc, openid: string, now: number): Promise<GroupBuyView> {
  const mine = await runtime.store.collection<GroupDoc>(GROUPS).find({ campaignId: campaign._id, leader: openid }, { sort: [['createdAt', 'desc']], limit: 5 })
  const going = mine.items.filter((g) => g.state === 'pending' || (g.state === 'open' && (g.expiresAt ?? 0) > now))
  return toCampaignView(
    campaign,
    going.map((g) => g._id),
    now
  )
}

const TAKEN = new Set(['held', 'ordered', 'paid', 'granted'])

/** One group as a member sees it: 3 requests (the group, its offer, its seats). */
export async function groupView(runtime: Runtime, groupId: string, openid: string, now: number): Promise<GroupView> {
  const group = await loadGroup(runtime, groupId)
  const [campaign, seats] = await Promise.all([
    loadCampaign(runtime, group.campaignId),
    runtime.store
      .collection<SeatDoc>(GROUP_SEATS)
      .find({ groupId }, { sort: [['n', 'asc']], limit: group.size })
      .then((p) => p.items)
  ])
  const phase = phaseOf(group)
  const shown = seats.filter((s) => TAKEN.has(s.state) || (s.state === 'refunded' && phase === 'failed'))
  const paidCount = seats.filter((s) => s.state === 'paid' || s.state === 'granted' || (s.state === 'refunded' && phase === 'failed')).length
  const own = seats.find((s) => s.openid === openid && s.state !== 'free')
  const mine = own
    ? { status: own.state === 'held' || own.state === 'ordered' ? ('held' as const) : (own.state as 'paid' | 'granted' | 'refunded'), orderId: own.orderId ?? '', payBefore: own.payBefore ?? 0 }
    : null
  const open = phase === 'open' && group.expiresAt !== null && now < group.expiresAt
  const taken = seats.filter((s) => TAKEN.has(s.state)).length
  return {
    id: group._id,
    campaignId: campaign._id,
    title: campaign.title,
    ...targetView(campaign.target),
    priceFen: campaign.priceFen,
    size: group.size,
    phase,
    expiresAt: group.expiresAt,
    paidCount,
    missing: phase === 'completed' ? 0 : Math.max(0, group.size - paidCount),
    simulated: group.simulated,
    leaderName: group.leaderName,
    members: shown.map((s) => ({
      n: s.n,
      name: s.name,
      avatarFileId: s.avatarFileId,
      paid: s.state === 'paid' || s.state === 'granted' || s.state === 'refunded',
      isLeader: s.n === 0,
      isMe: s.openid === openid
    })),
    mine,
    canJoin: open && !mine && taken < group.size && group.leader !== openid,
    serverNow: now
  }
}

/** The host's measures: 5 counts (groups started, completed, failed; members fulfilled, of them new). */
export async function measuresOf(runtime: Runtime, campaign: GroupBuyDoc): Promise<GroupBuyMeasures> {
  const groups = runtime.store.collection(GROUPS)
  const seats = runtime.store.collection(GROUP_SEATS)
  const campaignId = campaign._id
  const [started, completed, failed, granted, newMembers] = await Promise.all([
    groups.count({ campaignId, state: { $in: ['open', 'completing', 'completed', 'expiring', 'failed'] } }),
    groups.count({ campaignId, state: 'completed' }),
    groups.count({ campaignId, state: 'failed' }),
    seats.count({ campaignId, state: 'granted' }),
    seats.count({ campaignId, state: 'granted', newMember: true })
  ])
  return { started, completed, failed, revenueFen: granted * campaign.priceFen, newMembers }
}

export async function hostCampaignView(runtime: Runtime, campaign: GroupBuyDoc, now: number): Promise<HostGroupBuyView> {
  return { ...toCampaignView(campaign, [], now), measures: await measuresOf(runtime, campaign) }
}
