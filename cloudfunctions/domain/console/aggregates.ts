// The console's numbers, kept by the timer: one daily_stats document per China
// day (Asia/Shanghai), never written by a member's request.
//
// - Activity (check-ins and comments from the facts log, likes from their own
//   collection, payments from the orders) becomes one member_days marker per
//   member and China day, id `${day}:${openid}`, inserted idempotently; the
//   scans keep a cursor each (stats_cursors) and re-read the last LAG_MS every
//   run, so a fact committed late is still seen and one read twice changes
//   nothing. A new marker moves the member's `lastActiveAt` forward.
// - A day's document is then recomputed whole from counts by indexed queries
//   (facts by type and time, markers by day, members by joinedAt) and a scan of
//   the day's payments and refunds, and written with set: running a day again
//   gives the same document. Today and yesterday are recomputed every run (so a
//   day closes with its last run), and any day the scans touched.
// Staff (staffOpenids) are not members here: no markers, not new members.
import type { DailyStats } from '../../../types/console'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { isConflict, type BaseDoc, type Filter } from '../../ports/store'
import type { FactDoc } from '../facts/facts'
import type { MemberDoc } from '../members/member'
import type { OrderDoc } from '../orders/order'
import type { RefundDoc } from '../orders/refund-doc'
import { staffOpenids } from '../staff/staff'
import { addDays, chinaDate, startOfChinaDate } from '../time/china-calendar'

export const DAILY_STATS = COLLECTIONS.dailyStats.name
export const MEMBER_DAYS = COLLECTIONS.memberDays.name
export const STATS_CURSORS = COLLECTIONS.statsCursors.name

const DAY_MS = 24 * 3600_000
/** How far back each scan re-reads: a fact written in a transaction that committed late is still counted. */
export const LAG_MS = 2 * 60_000
const PAGE = 100
/** Writes one run may spend on markers before it stops scanning (the rest waits for the next run). */
const WRITE_BUDGET = 250

export interface DailyStatsDoc extends DailyStats, BaseDoc {}

export interface MemberDayDoc extends BaseDoc {
  day: string
  openid: string
  /** They checked in that day (not only commented, liked or paid). */
  checkin: boolean
  /** Their first activity of the day. */
  at: number
}

interface CursorDoc extends BaseDoc {
  at: number
}

interface Activity {
  openid: string
  at: number
  checkin: boolean
}

interface Scan {
  id: string
  page(runtime: Runtime, from: number, after: string | null): Promise<{ items: Activity[]; last: number | null; next: string | null }>
}

function factScan(type: 'checkin.posted' | 'comment.received'): Scan['page'] {
  return async (runtime, from, after) => {
    const page = await runtime.store.collection<FactDoc>(COLLECTIONS.facts.name).find({ type, createdAt: { $gte: from } }, { sort: [['createdAt', 'asc']], limit: PAGE, after })
    const items = page.items.map((fact) => ({
      openid: fact.type === 'comment.received' ? fact.payload.from : fact.openid,
      at: fact.createdAt,
      checkin: fact.type === 'checkin.posted'
    }))
    return { items, last: page.items.at(-1)?.createdAt ?? null, next: page.next }
  }
}

const SCANS: Scan[] = [
  { id: 'checkins', page: factScan('checkin.posted') },
  { id: 'comments', page: factScan('comment.received') },
  {
    id: 'likes',
    async page(runtime, from, after) {
      const page = await runtime.store
        .collection<{ _id: string; openid: string; createdAt: number }>(COLLECTIONS.likes.name)
        .find({ createdAt: { $gte: from } }, { sort: [['createdAt', 'asc']], limit: PAGE, after })
      return { items: page.items.map((like) => ({ openid: like.openid, at: like.createdAt, checkin: false })), last: page.items.at(-1)?.createdAt ?? null, next: page.next }
    }
  }
]

/** Marks members active on their China day (idempotent); returns the days touched and the writes spent. */
export async function markActive(runtime: Runtime, activities: Activity[], staff: Set<string>): Promise<{ days: Set<string>; writes: number }> {
  const groups = new Map<string, MemberDayDoc>()
  for (const activity of activities) {
    if (!activity.openid || staff.has(activity.openid)) continue
    const day = chinaDate(activity.at)
    const id = `${day}:${activity.openid}`
    const group = groups.get(id)
    if (!group) groups.set(id, { _id: id, day, openid: activity.openid, checkin: activity.checkin, at: activity.at })
    else {
      group.checkin ||= activity.checkin
      group.at = Math.min(group.at, activity.at)
    }
  }
  const days = new Set([...groups.values()].map((g) => g.day))
  if (groups.size === 0) return { days, writes: 0 }
  const markers = runtime.store.collection<MemberDayDoc>(MEMBER_DAYS)
  const ids = [...groups.keys()]
  const existing = new Map<string, MemberDayDoc>()
  for (let i = 0; i < ids.length; i += PAGE) {
    const chunk = ids.slice(i, i + PAGE)
    for (const doc of (await markers.find({ _id: { $in: chunk } }, { limit: chunk.length })).items) existing.set(doc._id, doc)
  }
  let writes = 0
  const touched = new Map<string, number>()
  for (const group of groups.values()) {
    const found = existing.get(group._id)
    if (found) {
      if (group.checkin && !found.checkin) {
        await markers.updateIf(group._id, { checkin: false }, { set: { checkin: true } })
        writes++
      }
      continue
    }
    try {
      await markers.insert(group)
      writes++
      touched.set(group.openid, Math.max(touched.get(group.openid) ?? 0, group.at))
    } catch (error) {
      if (!isConflict(error)) throw error
      // A concurrent run inserted it first: make sure a check-in still shows.
      if (group.checkin) await markers.updateIf(group._id, { checkin: false }, { set: { checkin: true } })
      writes++
    }
  }
  const members = runtime.store.collection<MemberDoc & { lastActiveAt?: number }>(COLLECTIONS.members.name)
  for (const [openid, at] of touched) {
    // Only ever forward; a member without the field gets it.
    const moved = await members.updateIf(openid, { lastActiveAt: { $lt: at } }, { set: { lastActiveAt: at } })
    if (!moved) await members.updateIf(openid, { lastActiveAt: { $exists: false } }, { set: { lastActiveAt: at } })
    writes += moved ? 1 : 2
  }
  return { days, writes }
}

/** Scans one source from its cursor; stops at the write budget. */
async function runScan(runtime: Runtime, scan: Scan, staff: Set<string>, now: number, budget: { writes: number }): Promise<{ days: Set<string> }> {
  const cursors = runtime.store.collection<CursorDoc>(STATS_CURSORS)
  const cursor = await cursors.get(scan.id)
  const from = cursor?.at ?? 0
  const days = new Set<string>()
  let after: string | null = null
  let reached = from
  for (;;) {
    const page = await scan.page(runtime, from, after)
    const marked = await markActive(runtime, page.items, staff)
    marked.days.forEach((d) => days.add(d))
    budget.writes -= marked.writes
    if (page.last !== null) reached = page.last
    after = page.next
    if (!after || budget.writes <= 0) break
  }
  // Re-read the last LAG_MS next time (facts of transactions that commit late), never less than the way forward.
  const at = after ? reached : Math.max(from, Math.min(reached, now - LAG_MS))
  if (at !== from || !cursor) await cursors.set({ _id: scan.id, at })
  return { days }
}

/** Whether a paid membership order extended a membership still running (a renewal, unless it was the member's first payment). */
function extendedRunning(order: OrderDoc): boolean {
  if ((order.kind ?? 'membership') !== 'membership' || order.paidAt === null) return false
  const item = order.item as { periodStart?: number | null } | undefined
  const start = item?.periodStart ?? order.periodStart ?? null
  return start !== null && start > order.paidAt
}

/** Recomputes one day's document from the raw documents (idempotent: a set of counts). */
export async function recomputeDay(runtime: Runtime, day: string, staff: Set<string>, staffJoined: number[], now: number): Promise<DailyStatsDoc> {
  const store = runtime.store
  const start = startOfChinaDate(day)
  const range = { $gte: start, $lt: start + DAY_MS }
  // The day's payments: revenue, renewals, and the payers are active that day.
  let revenueFen = 0
  const renewalCandidates: OrderDoc[] = []
  const payers: Activity[] = []
  const orders = store.collection<OrderDoc>(COLLECTIONS.orders.name)
  for (let after: string | null = null, first = true; first || after; first = false) {
    const page: { items: OrderDoc[]; next: string | null } = await orders.find({ paidAt: range }, { sort: [['paidAt', 'asc']], limit: PAGE, after })
    for (const order of page.items) {
      // Paid after its order closed: refunded at once, bought nothing.
      if (order.paidAfterClose) continue
      revenueFen += order.amountFen
      payers.push({ openid: order.openid, at: order.paidAt!, checkin: false })
      if (extendedRunning(order)) renewalCandidates.push(order)
    }
    after = page.next
  }
  let renewals = 0
  if (renewalCandidates.length > 0) {
    const firstIds = [...new Set(renewalCandidates.map((o) => `payment.first:${o.openid}`))]
    const firsts = new Map<string, string>()
    for (let i = 0; i < firstIds.length; i += PAGE) {
      const chunk = firstIds.slice(i, i + PAGE)
      for (const fact of (await store.collection<FactDoc>(COLLECTIONS.facts.name).find({ _id: { $in: chunk } }, { limit: chunk.length })).items) firsts.set(fact.openid, fact.refId)
    }
    renewals = renewalCandidates.filter((o) => firsts.get(o.openid) !== o._id).length
  }
  await markActive(runtime, payers, staff)
  let refunds = 0
  let refundFen = 0
  const refundDocs = store.collection<RefundDoc>(COLLECTIONS.refunds.name)
  for (let after: string | null = null, first = true; first || after; first = false) {
    const page: { items: RefundDoc[]; next: string | null } = await refundDocs.find({ createdAt: range }, { sort: [['createdAt', 'asc']], limit: PAGE, after })
    for (const refund of page.items) {
      // A late payment's automatic refund gives back what was never counted as revenue.
      if (refund.status === 'failed' || refund.purpose === 'closedOrder') continue
      refunds++
      refundFen += refund.amountFen
    }
    after = page.next
  }
  const facts = store.collection<FactDoc>(COLLECTIONS.facts.name)
  const markers = store.collection<MemberDayDoc>(MEMBER_DAYS)
  const members = store.collection<MemberDoc>(COLLECTIONS.members.name)
  const today = chinaDate(now)
  const [checkins, conversions, trials, active, checkinMembers, joined, previous] = await Promise.all([
    facts.count({ type: 'checkin.posted', createdAt: range }),
    facts.count({ type: 'payment.first', createdAt: range }),
    facts.count({ type: 'trial.started', createdAt: range }),
    markers.count({ day }),
    markers.count({ checkin: true, day }),
    members.count({ joinedAt: range }),
    day === today ? Promise.resolve(null) : store.collection<DailyStatsDoc>(DAILY_STATS).get(day)
  ])
  // Distinct members active in the 7 days to this day: exact while it is today (lastActiveAt is the latest active day);
  // a past day keeps what its last run saw, or (never computed) those whose last activity fell in the window.
  const windowStart = startOfChinaDate(addDays(day, -6))
  const active7 =
    previous?.active7 ?? (await members.count(day === today ? ({ lastActiveAt: { $gte: windowStart } } as Filter) : ({ lastActiveAt: { $gte: windowStart, $lt: start + DAY_MS } } as Filter)))
  const doc: DailyStatsDoc = {
    _id: day,
    day,
    active,
    checkins,
    checkinMembers,
    newMembers: joined - staffJoined.filter((at) => at >= range.$gte && at < range.$lt).length,
    trials,
    conversions,
    revenueFen,
    refunds,
    refundFen,
    renewals,
    active7,
    updatedAt: now
  }
  await store.collection<DailyStatsDoc>(DAILY_STATS).set(doc)
  return doc
}

/** The timer's job: scan the activity since the cursors, then recompute today, yesterday and every day touched. */
export async function refreshDailyStats(runtime: Runtime): Promise<Record<string, number>> {
  const now = runtime.clock.now()
  const staff = await staffOpenids(runtime)
  const budget = { writes: WRITE_BUDGET }
  const today = chinaDate(now)
  const days = new Set([addDays(today, -1), today])
  for (const scan of SCANS) {
    if (budget.writes <= 0) break
    const result = await runScan(runtime, scan, staff, now, budget)
    result.days.forEach((d) => days.add(d))
  }
  const staffIds = [...staff]
  const staffJoined = staffIds.length
    ? (await runtime.store.collection<MemberDoc>(COLLECTIONS.members.name).find({ _id: { $in: staffIds.slice(0, PAGE) } }, { limit: Math.min(PAGE, staffIds.length) })).items.map((m) => m.joinedAt)
    : []
  const sorted = [...days].filter((d) => d <= today).sort()
  for (const day of sorted) await recomputeDay(runtime, day, staff, staffJoined, now)
  // The report counts the work that was new: markers and lastActiveAt written (a run with nothing new reports 0; the days are recomputed anyway).
  return { marked: WRITE_BUDGET - budget.writes }
}
