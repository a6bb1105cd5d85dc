// The host's member list and a member's page for hosts. The list is driven by
// the one indexed query its filters allow (a tag's member_tags, a circle's
// memberships, a segment's wallets, else members by join time); the other
// filters are checked on the rows each driver page yields, so a page may come
// back short while its cursor goes on. At most 3 driver pages a call, about 4
// requests each: within 20.
import type { ActiveWithin, MemberDetail, MemberListInput, MemberRow, MemberCircleRow } from '../../../types/crm'
import type { Segment } from '../../../types/growth'
import type { Page } from '../../../types/page'
import { ROLE_LABELS, isStaff } from '../../../types/roles'
import { errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import type { Filter } from '../../ports/store'
import { MEMBERS, defaultNickname } from '../members/member'
import { WALLETS, type WalletDoc } from '../growth/wallet'
import { recentDates, segmentOf } from '../growth/segments'
import { CIRCLES, CIRCLE_MEMBERS } from '../circles/access'
import type { CircleMemberDoc } from '../membership/membership'
import { FOREVER } from '../membership/membership'
import type { CircleDoc } from '../membership/circle'
import { REFERRALS, type ReferralDoc } from '../leaderboard/referral'
import { COLLECTIONS } from '../../platform/collections'
import type { ParticipantDoc } from '../checkin/participant'
import { computeStreaks } from '../checkin/streaks'
import { ORDERS, type OrderDoc } from '../orders/order'
import { kindFor } from '../orders/kinds'
import type { SignupDoc } from '../events/event'
import { addDays, chinaDate, startOfChinaDate } from '../time/china-calendar'
import { MEMBER_TAGS, allTags, memberNotes, toTag, type CrmMemberDoc, type MemberTagDoc, type TagDoc } from './tags'

const PAGE = 20
const DRIVER_PAGE = 50
const MAX_DRIVER_PAGES = 3

/** The member document as the CRM reads it: its tags, and the last-activity time when another part keeps one. */
type ListedMember = CrmMemberDoc & { lastActiveAt?: number }
type BlockableMembership = CircleMemberDoc & { blocked?: boolean }

/**
 * When the member was last active: the member's own last-activity time where it
 * is kept, else the last China day the wallet counted as active (days with
 * growth: check-ins, comments received, events attended, payments).
 */
export function lastActiveOf(member: ListedMember, wallet: WalletDoc | undefined): number | null {
  if (typeof member.lastActiveAt === 'number') return member.lastActiveAt
  const dates = wallet?.activeDates ?? []
  return dates.length > 0 ? startOfChinaDate([...dates].sort()[dates.length - 1]) : null
}

function activeMatches(lastActive: number | null, within: ActiveWithin, now: number): boolean {
  const days = within === '7d' ? 7 : 30
  const since = startOfChinaDate(addDays(chinaDate(now), -(days - 1)))
  const recent = lastActive !== null && lastActive >= since
  return within === 'over30d' ? !recent : recent
}

function segmentOfWallet(wallet: WalletDoc | undefined, now: number): Segment {
  if (!wallet) return 'silent'
  return wallet.segmentOverride ?? wallet.segment ?? segmentOf(wallet.tierLevel, recentDates(wallet.activeDates ?? [], now).length)
}

export function toRow(runtime: Runtime, member: ListedMember, wallet: WalletDoc | undefined, tags: Map<string, TagDoc>, now: number): MemberRow {
  return {
    memberId: member._id,
    nickname: member.nickname || defaultNickname(member._id),
    avatarUrl: member.avatarFileId ? runtime.files.urlFor(member.avatarFileId) : '',
    role: member.role,
    roleLabel: isStaff(member.role) ? ROLE_LABELS[member.role] : null,
    segment: segmentOfWallet(wallet, now),
    segmentOverride: wallet?.segmentOverride ?? null,
    tierLevel: wallet?.tierLevel ?? member.tierLevel ?? 1,
    tags: (member.tags ?? []).filter((id) => tags.has(id)).map((id) => toTag(tags.get(id)!)),
    joinedAt: member.joinedAt,
    lastActiveAt: lastActiveOf(member, wallet)
  }
}

async function byIds<T extends { _id: string }>(runtime: Runtime, collection: string, ids: string[]): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map()
  const page = await runtime.store.collection<T>(collection).find({ _id: { $in: ids } }, { limit: 100 })
  return new Map(page.items.map((d) => [d._id, d]))
}

/** One page of the driver query: the member ids it yields, in order, and its cursor. */
async function driverPage(
  runtime: Runtime,
  input: MemberListInput,
  after: string | null | undefined,
  now: number
): Promise<{ ids: string[]; members?: ListedMember[]; wallets?: WalletDoc[]; next: string | null }> {
  const options = { limit: DRIVER_PAGE, after }
  if (input.tagId) {
    const page = await runtime.store.collection<MemberTagDoc>(MEMBER_TAGS).find({ tagId: input.tagId }, { ...options, sort: [['createdAt', 'desc']] })
    return { ids: page.items.map((l) => l.memberId), next: page.next }
  }
  if (input.circleId) {
    const page = await runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS).find({ circleId: input.circleId, endsAt: { $gt: now } }, { ...options, sort: [['endsAt', 'desc']] })
    return { ids: page.items.map((m) => m.openid), next: page.next }
  }
  // Silent members may have no wallet yet (nothing earned): found from the members themselves.
  if (input.segment && input.segment !== 'silent') {
    const page = await runtime.store.collection<WalletDoc>(WALLETS).find({ segment: input.segment }, { ...options, sort: [['growth', 'desc']] })
    return { ids: page.items.map((w) => w._id), wallets: page.items, next: page.next }
  }
  const filter: Filter = {}
  if (input.joinedFrom !== undefined || input.joinedTo !== undefined) {
    filter.joinedAt = { ...(input.joinedFrom !== undefined ? { $gte: input.joinedFrom } : {}), ...(input.joinedTo !== undefined ? { $lte: input.joinedTo } : {}) }
  }
  const page = await runtime.store.collection<ListedMember>(MEMBERS).find(filter, { ...options, sort: [['joinedAt', 'desc']] })
  return { ids: page.items.map((m) => m._id), members: page.items, next: page.next }
}

export async function listMembers(runtime: Runtime, input: MemberListInput, now: number): Promise<Page<MemberRow>> {
  const tags = new Map((await allTags(runtime)).map((t) => [t._id, t]))
  const q = input.q?.trim().toLowerCase() ?? ''
  const rows: MemberRow[] = []
  let after = input.after
  let next: string | null = null
  for (let round = 0; round < MAX_DRIVER_PAGES; round++) {
    const page = await driverPage(runtime, input, after, now)
    next = page.next
    const [members, wallets, circles] = await Promise.all([
      page.members ? new Map(page.members.map((m) => [m._id, m])) : byIds<ListedMember>(runtime, MEMBERS, page.ids),
      page.wallets ? new Map(page.wallets.map((w) => [w._id, w])) : byIds<WalletDoc>(runtime, WALLETS, page.ids),
      input.circleId && (input.tagId || false)
        ? byIds<CircleMemberDoc>(
            runtime,
            CIRCLE_MEMBERS,
            page.ids.map((id) => `${input.circleId}:${id}`)
          )
        : Promise.resolve(null)
    ])
    for (const id of page.ids) {
      const member = members.get(id)
      if (!member) continue
      const wallet = wallets.get(id)
      if (q && !(member.nickname || defaultNickname(id)).toLowerCase().includes(q)) continue
      if (input.joinedFrom !== undefined && member.joinedAt < input.joinedFrom) continue
      if (input.joinedTo !== undefined && member.joinedAt > input.joinedTo) continue
      if (input.tagId && !(member.tags ?? []).includes(input.tagId)) continue
      if (circles) {
        const m = circles.get(`${input.circleId}:${id}`)
        if (!m || m.endsAt <= now) continue
      }
      const row = toRow(runtime, member, wallet, tags, now)
      // Staff are left out of every segment, as in the growth console.
      if (input.segment && (row.segment !== input.segment || row.roleLabel !== null)) continue
      if (input.tier !== undefined && row.tierLevel !== input.tier) continue
      if (input.active && !activeMatches(row.lastActiveAt, input.active, now)) continue
      rows.push(row)
    }
    if (!next || rows.length >= PAGE) break
    after = next
  }
  return { items: rows, next }
}

const circleStatus = (m: BlockableMembership, now: number): MemberCircleRow['status'] => (m.blocked ? 'blocked' : m.endsAt > now ? (m.source === 'trial' ? 'trial' : 'active') : 'ended')

export async function memberDetail(runtime: Runtime, memberId: string, now: number): Promise<MemberDetail> {
  const store = runtime.store
  const member = await store.collection<ListedMember>(MEMBERS).get(memberId)
  if (!member) throw errors.notFound('成员')
  const [wallet, tagDocs, notes, referral, invitees, inviteeCount, participants, orders, signups, memberships] = await Promise.all([
    store.collection<WalletDoc>(WALLETS).get(memberId),
    allTags(runtime),
    memberNotes(runtime, memberId),
    store.collection<ReferralDoc>(REFERRALS).get(memberId),
    store.collection<ReferralDoc>(REFERRALS).find({ inviter: memberId }, { sort: [['joinedAt', 'desc']], limit: 5 }),
    store.collection<ReferralDoc>(REFERRALS).count({ inviter: memberId }),
    store.collection<ParticipantDoc>(COLLECTIONS.participants.name).find({ openid: memberId }, { sort: [['joinedAt', 'desc']], limit: 20 }),
    store.collection<OrderDoc>(ORDERS).find({ openid: memberId }, { sort: [['createdAt', 'desc']], limit: 50 }),
    store.collection<SignupDoc>(COLLECTIONS.signups.name).find({ openid: memberId }, { sort: [['createdAt', 'desc']], limit: 10 }),
    store.collection<BlockableMembership>(CIRCLE_MEMBERS).find({ openid: memberId }, { sort: [['endsAt', 'desc']], limit: 20 })
  ])
  const people = [...invitees.items.map((r) => r._id), ...(referral ? [referral.inviter] : [])]
  const [names, challenges, events, circles] = await Promise.all([
    byIds<ListedMember>(runtime, MEMBERS, people),
    byIds<{ _id: string; title: string }>(
      runtime,
      COLLECTIONS.challenges.name,
      participants.items.map((p) => p.challengeId)
    ),
    byIds<{ _id: string; title: string; startAt: number }>(
      runtime,
      COLLECTIONS.events.name,
      signups.items.map((s) => s.eventId)
    ),
    byIds<CircleDoc>(
      runtime,
      CIRCLES,
      memberships.items.map((m) => m.circleId)
    )
  ])
  const nameOf = (id: string) => names.get(id)?.nickname || defaultNickname(id)
  const today = chinaDate(now)
  const stats = participants.items.map((p) => {
    const streaks = computeStreaks([...p.doneDates, ...p.makeupDates], today)
    return {
      challengeId: p.challengeId,
      title: challenges.get(p.challengeId)?.title ?? '已删除的挑战',
      checkins: p.doneDates.length + p.makeupDates.length,
      currentStreak: streaks.current,
      bestStreak: Math.max(streaks.longest, p.longestStreak)
    }
  })
  const paid = orders.items.filter((o) => o.paidAt !== null)
  const tags = new Map(tagDocs.map((t) => [t._id, t]))
  return {
    member: toRow(runtime, member, wallet ?? undefined, tags, now),
    points: wallet?.points ?? 0,
    growth: wallet?.growth ?? 0,
    invitedBy: referral ? { memberId: referral.inviter, nickname: nameOf(referral.inviter) } : null,
    invitees: { count: inviteeCount, first: invitees.items.map((r) => ({ memberId: r._id, nickname: nameOf(r._id), joinedAt: r.joinedAt })) },
    checkins: { total: stats.reduce((sum, s) => sum + s.checkins, 0), challenges: stats },
    orders: {
      paidFen: paid.reduce((sum, o) => sum + o.amountFen, 0),
      refundedFen: paid.reduce((sum, o) => sum + o.refundedFen, 0),
      count: paid.length,
      recent: orders.items.slice(0, 10).map((o) => ({ id: o._id, title: orderTitle(o), amountFen: o.amountFen, refundedFen: o.refundedFen, status: o.status, createdAt: o.createdAt }))
    },
    events: signups.items.map((s) => ({ eventId: s.eventId, title: events.get(s.eventId)?.title ?? '活动', status: s.status, startAt: events.get(s.eventId)?.startAt ?? 0 })),
    circles: memberships.items
      .filter((m) => circles.has(m.circleId))
      .map((m) => ({ circleId: m.circleId, circleName: circles.get(m.circleId)!.name, status: circleStatus(m, now), endsAt: m.endsAt === FOREVER ? null : m.endsAt, source: m.source })),
    notes
  }
}

function orderTitle(order: OrderDoc): string {
  try {
    const d = kindFor(order).describe(order)
    return d.label ? `${d.title}·${d.label}` : d.title
  } catch {
    return '订单'
  }
}
