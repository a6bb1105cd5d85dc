// User layering for the host console: KOL, core, ordinary and silent members,
// from the tier and the days they were active (earned growth) in the last 30
// China days. Each wallet stores its active dates and its segment: a grant
// moves the member up at once, and the refreshSegments job works every wallet
// out again once a China day (members slide to silent without doing anything),
// so the console filters by segment with an index instead of reading everyone.
import type { MemberSegmentView, Segment, SegmentsInput } from '../../../types/growth'
import type { Page } from '../../../types/page'
import type { Filter } from '../../ports/store'
import type { Runtime } from '../../platform/runtime'
import { authorsOf } from '../checkin/views'
import { addDays, chinaDate } from '../time/china-calendar'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from './wallet'
import { staffOpenids } from '../staff/staff'

const WINDOW_DAYS = 30
/** Wallets refreshed per run: about 5 requests each, within 500 a run (the rest the next run). */
const REFRESH_BATCH = 80

export function segmentOf(tierLevel: number, activeDays30: number): Segment {
  if (tierLevel >= 4) return 'kol'
  if (tierLevel >= 3 || activeDays30 >= 15) return 'core'
  if (activeDays30 >= 1) return 'ordinary'
  return 'silent'
}

/** The dates still inside the 30-day window ending today (China dates), plus today when active now. */
export function recentDates(dates: string[], now: number, activeNow = false): string[] {
  return recentDatesUpTo(dates, chinaDate(now), activeNow)
}

function recentDatesUpTo(dates: string[], today: string, activeNow: boolean): string[] {
  const first = addDays(today, -(WINDOW_DAYS - 1))
  const kept = new Set(dates.filter((d) => d >= first && d <= today))
  if (activeNow) kept.add(today)
  return [...kept].sort()
}

/** The wallet fields a grant with growth on this China date sets: the day counts as active, and the segment follows. */
export function segmentAfterActivity(wallet: WalletDoc, tierLevel: number, today: string): Pick<WalletDoc, 'activeDates' | 'segment' | 'segmentDay'> {
  // Nothing to work out when the wallet already counted today (most grants).
  if (wallet.segmentDay === today && wallet.activeDates?.includes(today) && wallet.tierLevel === tierLevel && wallet.segment) return {}
  const activeDates = recentDatesUpTo(wallet.activeDates ?? [], today, true)
  return { activeDates, segment: wallet.segmentOverride ?? segmentOf(tierLevel, activeDates.length), segmentDay: today }
}

/** Wallets made before segments were stored: their active dates from the ledger. */
async function datesFromLedger(runtime: Runtime, openid: string, now: number): Promise<string[]> {
  const recent = await runtime.store
    .collection<LedgerEntryDoc>(LEDGER)
    .find({ openid, createdAt: { $gte: now - WINDOW_DAYS * 24 * 3600_000 }, growth: { $gt: 0 } }, { sort: [['createdAt', 'desc']], limit: 100 })
  return recentDates(
    recent.items.map((e) => chinaDate(e.createdAt)),
    now
  )
}

/** Timer job: works out the segment of every wallet not yet done this China day, a batch per run. */
export async function refreshSegments(runtime: Runtime): Promise<{ refreshed: number }> {
  const now = runtime.clock.now()
  const today = chinaDate(now)
  const stale = await runtime.store.collection<WalletDoc>(WALLETS).find({ segmentDay: { $ne: today } }, { sort: [['growth', 'desc']], limit: REFRESH_BATCH })
  let refreshed = 0
  for (const wallet of stale.items) {
    const legacy = wallet.activeDates === undefined ? await datesFromLedger(runtime, wallet._id, now) : null
    await runtime.store.transaction(async (tx) => {
      const wallets = tx.collection<WalletDoc>(WALLETS)
      const fresh = await wallets.get(wallet._id)
      if (!fresh || fresh.segmentDay === today) return
      const activeDates = recentDates(fresh.activeDates ?? legacy ?? [], now)
      // Read in this transaction, so a whole-document write is one request (an update would read it again).
      await wallets.set({ ...fresh, activeDates, segment: fresh.segmentOverride ?? segmentOf(fresh.tierLevel, activeDates.length), segmentDay: today })
      refreshed++
    })
  }
  return { refreshed }
}

export async function memberSegments(runtime: Runtime, input: SegmentsInput, now: number): Promise<Page<MemberSegmentView>> {
  const filter: Filter = input.segment ? { segment: input.segment } : {}
  const [page, staff] = await Promise.all([runtime.store.collection<WalletDoc>(WALLETS).find(filter, { sort: [['growth', 'desc']], limit: 50, after: input.after }), staffOpenids(runtime)])
  // Staff (the owner, admins and moderators; guests are members) are not members to layer: left out of every segment.
  // Dropped from the page rather than the query: a page may come back short, and the cursor still goes on.
  const wallets = page.items.filter((w) => !staff.has(w._id))
  const authors = await authorsOf(
    runtime,
    wallets.map((w) => w._id)
  )
  const views = wallets.map((wallet): MemberSegmentView => {
    const author = authors.get(wallet._id)!
    const days = recentDates(wallet.activeDates ?? [], now).length
    return {
      openid: wallet._id,
      nickname: author.nickname,
      avatarUrl: author.avatarUrl,
      growth: wallet.growth,
      tierLevel: wallet.tierLevel,
      activeDays30: days,
      segment: wallet.segmentOverride ?? wallet.segment ?? segmentOf(wallet.tierLevel, days)
    }
  })
  return { items: views, next: page.next }
}
