// Deposit challenges (押金): the records. One deposit per (challenge, member)
// who paid, one settlement per challenge, one transfer per completer's share.
// Money is integer fen; every amount the settlement moves is on one of these
// documents, so the books can be checked whole:
//   deposits in = refunds + shares + host share.
import { createHash } from 'node:crypto'
import type { ForfeitTo } from '../../../types/checkin'
import type { SettlementStatus } from '../../../types/deposits'
import type { TransferState } from '../../ports/payments'
import { COLLECTIONS } from '../../platform/collections'
import type { ChallengeDoc } from '../checkin/challenge'
import { completionRuleOf } from '../checkin/completion'
import { MAKEUP_WINDOW_DAYS } from '../checkin/participant'
import { addDays, parseClock, startOfChinaDate } from '../time/china-calendar'

export const DEPOSITS = COLLECTIONS.deposits.name
export const DEPOSIT_SETTLEMENTS = COLLECTIONS.depositSettlements.name
export const DEPOSIT_TRANSFERS = COLLECTIONS.depositTransfers.name

/** The most a host may ask (¥1,000): above ¥2,000 a transfer would need the member's real name. */
export const MAX_DEPOSIT_FEN = 100_000

/** A challenge as the deposit module reads it: the counters payments and refunds move (atomic increments, never a transaction every member writes). */
export type DepositChallengeDoc = ChallengeDoc & {
  /** Deposits held now (fen) and how many members hold one: the page's 押金池, precomputed. */
  depositPoolFen?: number
  depositors?: number
}

export type DepositStatus =
  | 'held' // paid, not settled yet
  | 'completed' // completed: refund and share still to go out
  | 'paidOut' // completed: refund begun and share transfer recorded
  | 'failed' // did not complete: the deposit went to the pool (or the host)
  | 'withdrawn' // refunded before the settlement: no longer taking part

export interface DepositDoc {
  _id: string // challengeId:openid
  challengeId: string
  openid: string
  orderId: string
  amountFen: number
  paidAt: number
  status: DepositStatus
  /** What refunds of the order gave back so far (kept by the order's refund settlements). */
  refundedFen: number
  /** The completer's refund the settlement asked for (the rest of the order), and their share of the pool. */
  settlementRefundFen?: number
  /** What had come back before the settlement refunded a completer (set with paidOut). */
  refundedBeforeFen?: number
  shareFen?: number
  updatedAt: number
}

export interface SettlementPlan {
  depositsInFen: number
  depositCount: number
  completers: number
  failed: number
  withdrawn: number
  /** Failed members' deposits (less anything refunded before the settlement). */
  poolFen: number
  /** Refunded before the settlement (withdrawn deposits, and any refund of a failed one). */
  refundedBeforeFen: number
  /** What completers' refunds will return (the rest of each completer's order). */
  completerRefundsFen: number
  hostFen: number
  shareBaseFen: number
  remainderFen: number
  /** The last completer (in payment order) who gets one more fen; null when the remainder is 0. */
  remainderCutoff: { paidAt: number; id: string } | null
}

export interface SettlementDoc {
  _id: string // challengeId
  challengeId: string
  title: string
  depositFen: number
  forfeitTo: ForfeitTo
  /** Found by the job while active and due. */
  active: boolean
  dueAt: number
  status: SettlementStatus
  plan: SettlementPlan | null
  /** Filled when it closes: the books, from the deposit records. */
  totals: { depositsInFen: number; refundsFen: number; sharesFen: number; hostFen: number; balanced: boolean } | null
  createdAt: number
  updatedAt: number
  settledAt: number | null
}

export type TransferRecordStatus = 'open' | 'paid' | 'failed'

export interface TransferDoc {
  _id: string // challengeId:openid
  challengeId: string
  openid: string
  outBillNo: string
  amountFen: number
  status: TransferRecordStatus
  /** WeChat's state as last heard. */
  state: TransferState['status'] | 'UNSENT'
  packageInfo: string | null
  failReason: string | null
  attempts: number
  nextCheckAt: number
  createdAt: number
  updatedAt: number
}

export const depositId = (challengeId: string, openid: string): string => `${challengeId}:${openid}`

/**
 * 商户单号 of a completer's share: digits and letters only, at most 32, the
 * same for the same (challenge, member) every time, so however often the
 * settlement runs WeChat makes one transfer.
 */
export function outBillNoFor(challengeId: string, openid: string): string {
  return `DP${createHash('sha256').update(`${challengeId}:${openid}`).digest('hex').slice(0, 30)}`
}

/** The out_refund_no of a completer's deposit refund (one per order, so a retried run refunds once). */
export const depositRefundNo = (orderId: string): string => `${orderId}-deposit`

/**
 * When a challenge's deposits settle: after the last day's window; when
 * make-ups count, after the make-up grace (a missed last day can be made up
 * for MAKEUP_WINDOW_DAYS more China days), i.e. at 00:00 of the day after.
 */
export function settlesAt(challenge: Pick<ChallengeDoc, 'endDate' | 'windowEnd' | 'days' | 'completionDays' | 'makeupsCount'>): number {
  if (completionRuleOf(challenge).makeupsCount) return startOfChinaDate(addDays(challenge.endDate, MAKEUP_WINDOW_DAYS + 1))
  return startOfChinaDate(challenge.endDate) + (parseClock(challenge.windowEnd) + 1) * 60_000
}

export const REMAINDER_RULE = '奖池按完成人数平分到分，除不尽的余数按交押金先后，每人 1 分给最早交押金的完成者'

/** Orders completers by when they paid (then by id): the remainder rule's order. */
export function payOrderKey(deposit: Pick<DepositDoc, 'paidAt' | '_id'>): [number, string] {
  return [deposit.paidAt, deposit._id]
}

const keyAtOrBefore = (a: [number, string], b: { paidAt: number; id: string }) => a[0] < b.paidAt || (a[0] === b.paidAt && a[1] <= b.id)

/** A completer's share under the plan: the base, and one fen more for the earliest `remainder` payers. */
export function shareOf(plan: SettlementPlan, deposit: Pick<DepositDoc, 'paidAt' | '_id'>): number {
  if (plan.completers === 0 || (plan.shareBaseFen === 0 && plan.remainderFen === 0)) return 0
  return plan.shareBaseFen + (plan.remainderCutoff && keyAtOrBefore(payOrderKey(deposit), plan.remainderCutoff) ? 1 : 0)
}

/** Splits the pool: equal fen to each completer, the remainder to the earliest payers; all to the host when the host keeps it or nobody completed. */
export function splitPool(poolFen: number, completers: number, forfeitTo: ForfeitTo): { shareBaseFen: number; remainderFen: number; hostFromPoolFen: number } {
  if (forfeitTo === 'host' || completers === 0) return { shareBaseFen: 0, remainderFen: 0, hostFromPoolFen: poolFen }
  const shareBaseFen = Math.floor(poolFen / completers)
  return { shareBaseFen, remainderFen: poolFen - shareBaseFen * completers, hostFromPoolFen: 0 }
}
