// AARRR, retention cohorts, completion curves and revenue, precomputed by cron.
//
// Once a China day the job walks the raw documents (members, referrals, share
// touches, check-ins, participants, orders) a page of 100 at a time, at most
// PAGES_PER_RUN pages a run, folding each page into a compact accumulator kept
// in one state document (cron is its only writer; no member action touches it).
// When the walk is done it writes the reports: one document per period's funnel
// and one each for cohorts, completion and revenue, so marketing.analytics reads
// them in one request.
import type { AcquisitionSource, AnalyticsPeriod, AnalyticsView, CohortRow, CompletionCurve, FunnelReport, RevenueReport } from '../../../types/analytics'
import { ANALYTICS_PERIODS } from '../../../types/analytics'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import type { BaseDoc } from '../../ports/store'
import type { CheckinDoc } from '../checkin/checkin'
import { CHALLENGES, type ChallengeDoc } from '../checkin/challenge'
import type { ParticipantDoc } from '../checkin/participant'
import { planOf, PLAN_KIND } from '../membership/plan-order'
import { MEMBERS, type MemberDoc } from '../members/member'
import { kindOf, ORDERS, type OrderDoc } from '../orders/order'
import { kindFor } from '../orders/kinds'
import '../orders/installed-kinds'
import type { ReferralDoc } from '../leaderboard/referral'
import { staffOpenids } from '../staff/staff'
import { addDays, chinaDate, daysBetween } from '../time/china-calendar'
import { ANALYTICS, TOUCHES, type TouchDoc } from './attribution'

/** Requests a run may spend on pages (each 100 documents); a run stays far inside cron's 500. */
export const PAGES_PER_RUN = 40
/** Days after joining whose check-ins are kept per member: enough for day 30 and week 8. */
const KEPT_DAYS = 70
const COHORT_WEEKS = 9
const SHARE_JOIN_MS = 24 * 3600_000

type Phase = 'members' | 'referrals' | 'touches' | 'checkins' | 'participants' | 'orders'
const PHASES: Phase[] = ['members', 'referrals', 'touches', 'checkins', 'participants', 'orders']
const SOURCE: Record<Phase, string> = {
  members: MEMBERS,
  referrals: COLLECTIONS.referrals.name,
  touches: TOUCHES,
  checkins: COLLECTIONS.checkins.name,
  participants: COLLECTIONS.participants.name,
  orders: ORDERS
}

interface MemberRow {
  /** Join date (China). */
  j: string
  joinedAt: number
  s: AcquisitionSource
  /** Days after joining (0..KEPT_DAYS) with a check-in. */
  d: number[]
}

/** A paid order: openid, paidAt, amount, refunded, group id, group name, plan id, plan name. */
type OrderRow = [string, number, number, number, string, string, string, string]

export interface Accumulator {
  members: Record<string, MemberRow>
  /** Activated invites: [inviter, activatedAt]. */
  invites: Array<[string, number]>
  /** Check-ins per challenge by day number (index 0 = day 1). */
  challengeDays: Record<string, number[]>
  participants: Record<string, number>
  orders: OrderRow[]
}

interface StateDoc extends BaseDoc {
  /** The China day this pass is for, and whether it is done. */
  day: string
  done: boolean
  phase: number
  after: string | null
  acc: Accumulator
}

interface ReportDoc<T> extends BaseDoc {
  computedAt: number
  report: T
}

const STATE_ID = 'reports-state'
const reportId = {
  funnel: (period: AnalyticsPeriod) => `funnel-${period}`,
  cohorts: 'cohorts',
  completion: 'completion',
  revenue: 'revenue'
}

export const emptyAccumulator = (): Accumulator => ({ members: {}, invites: [], challengeDays: {}, participants: {}, orders: [] })

// ---------------------------------------------------------------- folding raw documents

export function foldPage(acc: Accumulator, phase: Phase, docs: BaseDoc[], staff: Set<string>): void {
  if (phase === 'members') {
    for (const m of docs as MemberDoc[]) {
      if (staff.has(m._id) || m.role === 'owner' || m.role === 'admin' || m.role === 'moderator') continue
      acc.members[m._id] = { j: chinaDate(m.joinedAt), joinedAt: m.joinedAt, s: 'direct', d: [] }
    }
  } else if (phase === 'referrals') {
    for (const r of docs as ReferralDoc[]) {
      const row = acc.members[r._id]
      if (!row) continue
      row.s = 'invite'
      if (r.status === 'activated' && r.activatedAt !== null) acc.invites.push([r.inviter, r.activatedAt])
    }
  } else if (phase === 'touches') {
    for (const t of docs as TouchDoc[]) {
      const row = acc.members[t.viewer]
      // Opened a shared card on their first day: the share brought them (an invite link, when there was one, counts first).
      if (row && row.s === 'direct' && t.channel === 'share' && Math.abs(t.at - row.joinedAt) <= SHARE_JOIN_MS) row.s = 'share'
    }
  } else if (phase === 'checkins') {
    for (const c of docs as CheckinDoc[]) {
      if (c.status !== 'visible' || staff.has(c.openid)) continue
      const row = acc.members[c.openid]
      if (row) {
        const day = daysBetween(row.j, c.date)
        if (day >= 0 && day <= KEPT_DAYS && !row.d.includes(day)) row.d.push(day)
      }
      if (typeof c.dayNumber === 'number' && c.dayNumber >= 1) {
        const days = (acc.challengeDays[c.challengeId] ??= [])
        while (days.length < c.dayNumber) days.push(0)
        days[c.dayNumber - 1] += 1
      }
    }
  } else if (phase === 'participants') {
    for (const p of docs as ParticipantDoc[]) if (!staff.has(p.openid)) acc.participants[p.challengeId] = (acc.participants[p.challengeId] ?? 0) + 1
  } else {
    for (const o of docs as OrderDoc[]) {
      if (o.paidAt === null || o.paidAfterClose || staff.has(o.openid)) continue
      if (o.status !== 'fulfilled' && o.status !== 'refunding' && o.status !== 'refunded') continue
      if (kindOf(o) === PLAN_KIND) {
        const plan = planOf(o)
        acc.orders.push([o.openid, o.paidAt, o.amountFen, o.refundedFen ?? 0, plan.circleId, plan.circleName, plan.planId, plan.planName])
      } else {
        // Other kinds grouped by the kind (活动报名, 付费提问, 秒杀, 拼团, 礼品卡, 砍价), each item by its title; deposits are not revenue.
        const kind = kindFor(o)
        if (kind.heldMoney) continue
        const title = typeof o.item?.title === 'string' ? o.item.title : kind.couponLabel
        const itemId = String(o.item?.eventId ?? o.eventId ?? o.item?.saleId ?? o.item?.campaignId ?? title)
        acc.orders.push([o.openid, o.paidAt, o.amountFen, o.refundedFen ?? 0, kind.kind, kind.couponLabel, `${kind.kind}:${itemId}`, title])
      }
    }
  }
}

// ---------------------------------------------------------------- reports from the accumulator

function mondayOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay()
  return addDays(date, -((dow + 6) % 7))
}

export function funnelOf(acc: Accumulator, period: AnalyticsPeriod, today: string, nickname: (openid: string) => string = () => ''): FunnelReport {
  const from = addDays(today, -(period - 1))
  const inPeriod = (date: string) => date >= from && date <= today
  const joined = Object.values(acc.members).filter((m) => inPeriod(m.j))
  const acquisition: Record<AcquisitionSource, number> = { invite: 0, share: 0, direct: 0 }
  for (const m of joined) acquisition[m.s] += 1
  const activated = joined.filter((m) => m.d.some((d) => d < 7)).length
  const retention = (day: number) => {
    const eligible = joined.filter((m) => addDays(m.j, day) <= today)
    return { eligible: eligible.length, retained: eligible.filter((m) => m.d.includes(day)).length }
  }
  const firstPaidAt = new Map<string, number>()
  for (const [openid, paidAt] of acc.orders) if (!firstPaidAt.has(openid) || paidAt < firstPaidAt.get(openid)!) firstPaidAt.set(openid, paidAt)
  const revenue = { firstPayments: 0, firstPaymentFen: 0, renewals: 0, renewalFen: 0, refunds: 0, refundFen: 0, payingMembers: 0, perMemberFen: 0 }
  const paying = new Set<string>()
  for (const [openid, paidAt, amount, refunded] of acc.orders) {
    if (!inPeriod(chinaDate(paidAt))) continue
    paying.add(openid)
    if (firstPaidAt.get(openid) === paidAt) {
      revenue.firstPayments += 1
      revenue.firstPaymentFen += amount
    } else {
      revenue.renewals += 1
      revenue.renewalFen += amount
    }
    if (refunded > 0) {
      revenue.refunds += 1
      revenue.refundFen += refunded
    }
  }
  revenue.payingMembers = paying.size
  revenue.perMemberFen = paying.size === 0 ? 0 : Math.round((revenue.firstPaymentFen + revenue.renewalFen - revenue.refundFen) / paying.size)
  const perInviter = new Map<string, number>()
  for (const [inviter, at] of acc.invites) if (inPeriod(chinaDate(at))) perInviter.set(inviter, (perInviter.get(inviter) ?? 0) + 1)
  const top = [...perInviter.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([openid, n]) => ({ openid, nickname: nickname(openid), activated: n }))
  return {
    period,
    acquisition,
    activation: { eligible: joined.length, activated },
    retention: { day7: retention(7), day30: retention(30) },
    revenue,
    referral: { activated: [...perInviter.values()].reduce((a, b) => a + b, 0), inviters: perInviter.size, top }
  }
}

export function cohortsOf(acc: Accumulator, today: string): CohortRow[] {
  const thisMonday = mondayOf(today)
  const rows = new Map<string, { size: number; active: number[] }>()
  for (const m of Object.values(acc.members)) {
    const week = mondayOf(m.j)
    if (daysBetween(week, thisMonday) / 7 >= COHORT_WEEKS) continue
    const row = rows.get(week) ?? { size: 0, active: new Array<number>(COHORT_WEEKS).fill(0) }
    row.size += 1
    const offset = daysBetween(week, m.j)
    const weeks = new Set(m.d.map((d) => Math.floor((offset + d) / 7)).filter((w) => w < COHORT_WEEKS))
    for (const w of weeks) row.active[w] += 1
    rows.set(week, row)
  }
  return [...rows.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([week, row]) => ({ week, size: row.size, active: row.active.map((n, w) => (addDays(week, 7 * w) > today ? null : n)) }))
}

export function completionOf(acc: Accumulator, challenges: Array<Pick<ChallengeDoc, '_id' | 'title' | 'days'>>): CompletionCurve[] {
  return challenges
    .map((c) => {
      const participants = acc.participants[c._id] ?? 0
      const counts = acc.challengeDays[c._id] ?? []
      const byDay = Array.from({ length: c.days }, (_, i) => (participants === 0 ? 0 : Math.round(((counts[i] ?? 0) / participants) * 1000) / 1000))
      return { challengeId: c._id, title: c.title, participants, byDay }
    })
    .filter((c) => c.participants > 0)
    .sort((a, b) => b.participants - a.participants)
}

export function revenueOf(acc: Accumulator): RevenueReport {
  const months = new Map<string, { fen: number; refundFen: number }>()
  const circles = new Map<string, { name: string; fen: number }>()
  const plans = new Map<string, { name: string; circleName: string; fen: number }>()
  const paidOrders = new Map<string, number>()
  let paid = 0
  let refunded = 0
  for (const [openid, paidAt, amount, refundFen, groupId, groupName, planId, planName] of acc.orders) {
    const month = chinaDate(paidAt).slice(0, 7)
    const m = months.get(month) ?? { fen: 0, refundFen: 0 }
    m.fen += amount
    m.refundFen += refundFen
    months.set(month, m)
    const c = circles.get(groupId) ?? { name: groupName, fen: 0 }
    c.fen += amount - refundFen
    circles.set(groupId, c)
    const p = plans.get(planId) ?? { name: planName, circleName: groupName, fen: 0 }
    p.fen += amount - refundFen
    plans.set(planId, p)
    paidOrders.set(openid, (paidOrders.get(openid) ?? 0) + 1)
    paid += amount
    refunded += refundFen
  }
  const payers = paidOrders.size
  return {
    byMonth: [...months.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .slice(-12)
      .map(([month, v]) => ({ month, ...v })),
    byCircle: [...circles.entries()].map(([circleId, v]) => ({ circleId, ...v })).sort((a, b) => b.fen - a.fen),
    byPlan: [...plans.entries()].map(([planId, v]) => ({ planId, ...v })).sort((a, b) => b.fen - a.fen),
    renewalRate: payers === 0 ? 0 : Math.round(([...paidOrders.values()].filter((n) => n > 1).length / payers) * 1000) / 1000,
    refundRate: paid === 0 ? 0 : Math.round((refunded / paid) * 1000) / 1000
  }
}

// ---------------------------------------------------------------- the job

async function writeReports(runtime: Runtime, acc: Accumulator, today: string, now: number): Promise<number> {
  const store = runtime.store
  const challengeIds = [...new Set([...Object.keys(acc.participants), ...Object.keys(acc.challengeDays)])]
  const challenges: ChallengeDoc[] = []
  for (let i = 0; i < challengeIds.length; i += 100) {
    const ids = challengeIds.slice(i, i + 100)
    challenges.push(...(await store.collection<ChallengeDoc>(CHALLENGES).find({ _id: { $in: ids } }, { limit: ids.length })).items)
  }
  const funnels = ANALYTICS_PERIODS.map((period) => funnelOf(acc, period, today))
  const inviters = [...new Set(funnels.flatMap((f) => f.referral.top.map((t) => t.openid)))]
  const names = new Map<string, string>()
  if (inviters.length > 0) for (const m of (await store.collection<MemberDoc>(MEMBERS).find({ _id: { $in: inviters } }, { limit: inviters.length })).items) names.set(m._id, m.nickname)
  for (const f of funnels) for (const t of f.referral.top) t.nickname = names.get(t.openid) ?? '已离开的成员'
  const docs: Array<ReportDoc<unknown>> = [
    ...funnels.map((report) => ({ _id: reportId.funnel(report.period), computedAt: now, report })),
    { _id: reportId.cohorts, computedAt: now, report: cohortsOf(acc, today) },
    { _id: reportId.completion, computedAt: now, report: completionOf(acc, challenges) },
    { _id: reportId.revenue, computedAt: now, report: revenueOf(acc) }
  ]
  for (const doc of docs) await store.collection<ReportDoc<unknown>>(ANALYTICS).set(doc)
  return docs.length
}

/** One run of the nightly pass: up to PAGES_PER_RUN pages, then the reports once every source is walked. */
export async function refreshAnalytics(runtime: Runtime): Promise<Record<string, number>> {
  const now = runtime.clock.now()
  const today = chinaDate(now)
  const states = runtime.store.collection<StateDoc>(ANALYTICS)
  let state = await states.get(STATE_ID)
  if (state && state.day === today && state.done) return { pages: 0, reports: 0 }
  if (!state || state.day !== today) state = { _id: STATE_ID, day: today, done: false, phase: 0, after: null, acc: emptyAccumulator() }
  const staff = await staffOpenids(runtime)
  let pages = 0
  let reports = 0
  while (pages < PAGES_PER_RUN && state.phase < PHASES.length) {
    const phase = PHASES[state.phase]
    const page = await runtime.store.collection<BaseDoc>(SOURCE[phase]).find({}, { limit: 100, after: state.after })
    pages += 1
    foldPage(state.acc, phase, page.items, staff)
    if (page.next) state.after = page.next
    else {
      state.phase += 1
      state.after = null
    }
  }
  if (state.phase >= PHASES.length) {
    reports = await writeReports(runtime, state.acc, today, now)
    // The accumulator is not kept once the reports are out: the next pass starts afresh.
    state = { ...state, done: true, acc: emptyAccumulator() }
  }
  await states.set(state)
  return { pages, reports }
}

/** marketing.analytics: the period's funnel and the three reports, in one request. */
export async function analyticsView(runtime: Runtime, period: AnalyticsPeriod): Promise<AnalyticsView> {
  const ids = [reportId.funnel(period), reportId.cohorts, reportId.completion, reportId.revenue]
  const page = await runtime.store.collection<ReportDoc<unknown>>(ANALYTICS).find({ _id: { $in: ids } }, { limit: ids.length })
  const byId = new Map(page.items.map((d) => [d._id, d]))
  const report = <T>(id: string): T | null => (byId.get(id)?.report as T | undefined) ?? null
  const computed = page.items.map((d) => d.computedAt)
  return {
    computedAt: computed.length === 0 ? null : Math.min(...computed),
    funnel: report<FunnelReport>(reportId.funnel(period)),
    cohorts: report<CohortRow[]>(reportId.cohorts) ?? [],
    completion: report<CompletionCurve[]>(reportId.completion) ?? [],
    revenue: report<RevenueReport>(reportId.revenue)
  }
}
