// User layering for the host console: KOL, core, ordinary and silent members,
// from growth value and the days they were active in the last 30 China days.
import type { MemberSegmentView, Segment, SegmentsInput } from '../../../types/growth'
import type { Page } from '../../../types/page'
import type { Runtime } from '../../platform/runtime'
import { authorsOf } from '../checkin/views'
import { chinaDate } from '../time/china-calendar'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from './wallet'

const THIRTY_DAYS = 30 * 24 * 3600_000

export function segmentOf(tierLevel: number, activeDays30: number): Segment {
  if (tierLevel >= 4) return 'kol'
  if (tierLevel >= 3 || activeDays30 >= 15) return 'core'
  if (activeDays30 >= 1) return 'ordinary'
  return 'silent'
}

async function activeDays(runtime: Runtime, openid: string, now: number): Promise<number> {
  const recent = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find(
    { openid, createdAt: { $gte: now - THIRTY_DAYS }, growth: { $gt: 0 } }, { sort: [['createdAt', 'desc']], limit: 100 }
  )
  return new Set(recent.items.map((e) => chinaDate(e.createdAt))).size
}

export async function memberSegments(runtime: Runtime, input: SegmentsInput, now: number): Promise<Page<MemberSegmentView>> {
  // Members by growth value, highest first; members who never earned anything are silent and listed last by the app.
  const page = await runtime.store.collection<WalletDoc>(WALLETS).find({}, { sort: [['growth', 'desc']], limit: 50, after: input.after })
  const authors = await authorsOf(runtime, page.items.map((w) => w._id))
  const views: MemberSegmentView[] = []
  for (const wallet of page.items) {
    const days = await activeDays(runtime, wallet._id, now)
    const author = authors.get(wallet._id)!
    views.push({ openid: wallet._id, nickname: author.nickname, avatarUrl: author.avatarUrl, growth: wallet.growth, tierLevel: wallet.tierLevel, activeDays30: days, segment: segmentOf(wallet.tierLevel, days) })
  }
  return { items: input.segment ? views.filter((v) => v.segment === input.segment) : views, next: page.next }
}
