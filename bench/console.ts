// The host console's dashboard at 100,000 members and 1,000,000 check-ins:
// the timer's precomputed daily_stats documents (14 days summing to 1M
// check-ins) and enough raw documents for the dashboard's counts (100k members
// and circle memberships, 200k check-ins of which some are held for review,
// open reports, redemptions awaiting shipment, flagged payments) are
// bulk-loaded in one transaction, then the dashboard is timed and its cloud
// cost counted by the CountingStore.
import { createLocalRuntime } from '../cloudfunctions/adapters/local/local-runtime'
import { CountingStore } from '../cloudfunctions/adapters/store/counting-store'
import { COLLECTIONS } from '../cloudfunctions/platform/collections'
import { DAILY_STATS, type DailyStatsDoc } from '../cloudfunctions/domain/console/aggregates'
import { dashboard } from '../cloudfunctions/domain/console/dashboard'
import { addDays, chinaDate } from '../cloudfunctions/domain/time/china-calendar'
import { FrozenClock } from '../cloudfunctions/ports/clock'
import { percentile, round, timeEach } from './stats'

const MEMBERS = 100_000
const CHECKINS = 1_000_000
const RAW_CHECKINS = 200_000
const DAYS = 14
const DAY = 24 * 3600_000

/** A raw document written straight into the store (bench data, shaped as the domain stores it). */
type Row = { _id: string; [field: string]: unknown }

export async function benchConsole(): Promise<Record<string, number>> {
  const now = Date.parse('2026-11-23T10:00:00+08:00')
  const runtime = createLocalRuntime({ dataDir: ':memory:', clock: new FrozenClock(now), hostOpenids: ['o_host'] })
  const today = chinaDate(now)
  const started = process.hrtime.bigint()
  await runtime.store.transaction(async (tx) => {
    const members = tx.collection<Row>(COLLECTIONS.members.name)
    const circleMembers = tx.collection<Row>(COLLECTIONS.circleMembers.name)
    for (let i = 0; i < MEMBERS; i++) {
      const joinedAt = now - (i % 90) * DAY
      await members.insert({ _id: `o${i}`, nickname: `成员${i}`, avatarFileId: '', role: 'member', joinedAt, updatedAt: joinedAt, lastActiveAt: now - (i % 30) * DAY })
      await circleMembers.insert({ _id: `c1:o${i}`, circleId: 'c1', openid: `o${i}`, startedAt: joinedAt, endsAt: now + (i % 60) * DAY + 3600_000, source: 'paid', trialUsed: false })
    }
    const checkins = tx.collection<Row>(COLLECTIONS.checkins.name)
    for (let i = 0; i < RAW_CHECKINS; i++) {
      await checkins.insert({ _id: `k${i}`, challengeId: 'ch1', openid: `o${i % MEMBERS}`, status: i % 100 === 0 ? 'pending' : 'visible', createdAt: now - (i % DAYS) * DAY, featured: false })
    }
    const reports = tx.collection<Row>(COLLECTIONS.reports.name)
    for (let i = 0; i < 1000; i++) await reports.insert({ _id: `r${i}`, status: i % 3 === 0 ? 'open' : 'resolved', updatedAt: now - i * 60_000 })
    const redemptions = tx.collection<Row>(COLLECTIONS.redemptions.name)
    for (let i = 0; i < 2000; i++) await redemptions.insert({ _id: `d${i}`, openid: `o${i}`, status: i % 4 === 0 ? 'awaitingShipment' : 'done', createdAt: now - i * 60_000 })
    const flagged = tx.collection<Row>(COLLECTIONS.flaggedPayments.name)
    for (let i = 0; i < 200; i++) await flagged.insert({ _id: `f${i}`, createdAt: now - i * 3600_000 })
    const stats = tx.collection<DailyStatsDoc>(DAILY_STATS)
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(today, -d)
      const checkinsThatDay = CHECKINS / DAYS
      await stats.insert({
        _id: day,
        day,
        active: 60_000,
        checkins: checkinsThatDay,
        checkinMembers: 50_000,
        newMembers: 1100,
        trials: 300,
        conversions: 120,
        revenueFen: 1_188_000,
        refunds: 3,
        refundFen: 29_700,
        renewals: 80,
        active7: 85_000,
        updatedAt: now
      })
    }
  })
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9
  const view = await dashboard(runtime, now)
  if (view.figures.checkins.last7 + view.figures.checkins.prev7 !== CHECKINS) throw new Error(`dashboard check-ins ${view.figures.checkins.last7 + view.figures.checkins.prev7}, seeded ${CHECKINS}`)
  const counting = new CountingStore(runtime.store)
  const meter = counting.startMeter()
  await dashboard({ ...runtime, store: counting }, now)
  const requests = meter.stop().requests
  const times = await timeEach(50, () => dashboard(runtime, now))
  await runtime.store.close()
  return {
    dashboard_members: MEMBERS,
    dashboard_load_s: round(loadSeconds, 1),
    dashboard_requests: requests,
    dashboard_ms_100k: round(percentile(times, 95))
  }
}

if (require.main === module) {
  benchConsole().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
