// The console's numbers: today, the last 7 days and the 7 before, read from the
// timer's daily_stats documents (one find by id range), and what waits for the
// host now (one count each, by an index). 6 store requests at any scale.
import type { DashboardFigure, DashboardMetric, DashboardView } from '../../../types/console'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { addDays, chinaDate } from '../time/china-calendar'
import { DAILY_STATS, type DailyStatsDoc } from './aggregates'

const DAY_MS = 24 * 3600_000

type Summed = Exclude<DashboardMetric, 'active' | 'checkinRate'>
const SUMMED: Summed[] = ['checkins', 'newMembers', 'trials', 'conversions', 'revenueFen', 'refunds', 'refundFen', 'renewals']

/** Per mille, 0 when nobody was active. */
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) : 0)

export async function dashboard(runtime: Runtime, now: number): Promise<DashboardView> {
  const store = runtime.store
  const today = chinaDate(now)
  const [stats, reports, held, shipments, flaggedPayments, renewalsDue] = await Promise.all([
    store.collection<DailyStatsDoc>(DAILY_STATS).find({ _id: { $gte: addDays(today, -13), $lte: today } }, { sort: [['_id', 'asc']], limit: 14 }),
    store.collection(COLLECTIONS.reports.name).count({ status: 'open' }),
    store.collection(COLLECTIONS.checkins.name).count({ status: 'pending' }),
    store.collection(COLLECTIONS.redemptions.name).count({ status: 'awaitingShipment' }),
    store.collection(COLLECTIONS.flaggedPayments.name).count({ createdAt: { $gte: now - 7 * DAY_MS } }),
    store.collection(COLLECTIONS.circleMembers.name).count({ endsAt: { $gt: now, $lte: now + 7 * DAY_MS } })
  ])
  const byDay = new Map(stats.items.map((doc) => [doc.day, doc]))
  const days = (from: number, to: number) => {
    const list: DailyStatsDoc[] = []
    for (let i = from; i <= to; i++) {
      const doc = byDay.get(addDays(today, -i))
      if (doc) list.push(doc)
    }
    return list
  }
  const last = days(0, 6)
  const prev = days(7, 13)
  const sum = (docs: DailyStatsDoc[], key: keyof DailyStatsDoc) => docs.reduce((total, doc) => total + (Number(doc[key]) || 0), 0)
  const todayDoc = byDay.get(today)
  const figures = {} as Record<DashboardMetric, DashboardFigure>
  for (const key of SUMMED) figures[key] = { today: todayDoc?.[key] ?? 0, last7: sum(last, key), prev7: sum(prev, key) }
  figures.active = { today: todayDoc?.active ?? 0, last7: todayDoc?.active7 ?? 0, prev7: byDay.get(addDays(today, -7))?.active7 ?? 0 }
  // Members who checked in / members active, per day; over 7 days in member-days.
  figures.checkinRate = {
    today: rate(todayDoc?.checkinMembers ?? 0, todayDoc?.active ?? 0),
    last7: rate(sum(last, 'checkinMembers'), sum(last, 'active')),
    prev7: rate(sum(prev, 'checkinMembers'), sum(prev, 'active'))
  }
  return {
    today,
    figures,
    pending: { moderation: reports + held, shipments, flaggedPayments, renewalsDue },
    updatedAt: todayDoc?.updatedAt ?? null
  }
}
