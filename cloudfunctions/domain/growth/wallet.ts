// A member's balances: spendable points, growth value (never decreases, except
// when a refund takes back what its payment granted), the
// tier it reached, and make-up cards usable in any challenge.
import { COLLECTIONS } from '../../platform/collections'
import type { DocOps } from '../../ports/store'
import type { Segment } from '../../../types/growth'
import { chinaDate } from '../time/china-calendar'

export const WALLETS = COLLECTIONS.wallets.name
export const LEDGER = COLLECTIONS.ledger.name

export interface WalletDoc {
  _id: string // openid
  points: number
  growth: number
  tierLevel: number
  /** A tier reached that the app has not celebrated yet. */
  celebrateLevel: number | null
  makeupCards: number
  updatedAt: number
  /** China dates with growth in the last 30 days (absent on wallets made before segments were stored). */
  activeDates?: string[]
  /** The host's layering, kept current by grants and by the daily refreshSegments job. */
  segment?: Segment
  /** The host's manual segment (host.setMemberSegment), kept in `segment` while set; null or absent: worked out daily. */
  segmentOverride?: Segment | null
  /** The China date the segment was last worked out. */
  segmentDay?: string
  /** Points each rule granted on one China date, for daily caps (absent before caps moved onto the wallet). */
  today?: { date: string; points: Partial<Record<LedgerRule, number>> }
  /**
   * Points spent first-in-first-out that the oldest grants' stored `remaining`
   * does not show yet (see spend() in ledger.ts): what a grant truly has left is
   * its `remaining` less what this takes, oldest grant first.
   */
  unsettledSpent?: number
  /** A refund once lowered this member's tier: a level reached again may already have been announced (see applyTier in ledger.ts). */
  tierLowered?: boolean
  /** The China month ('YYYYMM') whose tier make-up cards were given (see monthly-perks.ts). */
  perksMonth?: string
}

export type LedgerRule =
  | 'checkinPosted'
  | 'streakReached'
  | 'challengeCompleted'
  | 'featuredByHost'
  | 'commentReceived'
  | 'eventAttended'
  | 'inviteActivated'
  | 'firstPayment'
  | 'testimonialConverted'
  | 'manual'
  | 'redeem'
  | 'expire'
  | 'revoke'
  | 'refund'

export interface LedgerEntryDoc {
  _id: string // `${openid}:${rule}:${refId}`: a replayed fact finds its entry and grants nothing
  openid: string
  rule: LedgerRule
  refId: string
  reason: string
  points: number
  growth: number
  createdAt: number
  /** China date of the entry, for daily caps. */
  date: string
  /** For grants: when the points expire (null: never), and how many are still unspent. */
  expiresAt: number | null
  remaining: number
}

export function emptyWallet(openid: string, now: number): WalletDoc {
  // perksMonth '' (not absent): no month's cards given yet, and no keyed record from before perksMonth existed to look for.
  return { _id: openid, points: 0, growth: 0, tierLevel: 1, celebrateLevel: null, makeupCards: 0, updatedAt: now, activeDates: [], segment: 'silent', segmentDay: chinaDate(now), perksMonth: '' }
}

export async function walletIn(wallets: Pick<DocOps<WalletDoc>, 'get' | 'insert'>, openid: string, now: number): Promise<WalletDoc> {
  const existing = await wallets.get(openid)
  if (existing) return existing
  const wallet = emptyWallet(openid, now)
  await wallets.insert(wallet)
  return wallet
}
