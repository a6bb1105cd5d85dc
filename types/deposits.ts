// Deposit challenges (押金挑战): a member pays the challenge's deposit to join;
// after the end completers get it back and share the failed members' deposits
// (or the host keeps them, as the host chose before anyone paid). Money in fen.
import type { ClientPaymentView } from './membership'
import type { ForfeitTo } from './checkin'

export interface PayDepositResult {
  /** The order (its out_trade_no): the order page shows it after paying. */
  orderId: string
  amountFen: number
  payment: ClientPaymentView
  /** The member's open deposit order answered again instead of a second one (你有一笔待支付订单). */
  resumed: boolean
}

export type DepositOutcome =
  /** Paid; the challenge is running or not settled yet. */
  | 'held'
  /** Completed: the deposit is refunded in full, plus an equal share of the pool. */
  | 'completed'
  /** Did not complete: the deposit went to the pool (or the host). */
  | 'failed'
  /** Refunded before the end: no longer taking part. */
  | 'withdrawn'

/** Where a completer's share stands: on its way, waiting for the member to confirm in WeChat, paid, or failed (the host pays it by hand). */
export type ShareTransferStatus = 'none' | 'sending' | 'waitConfirm' | 'paid' | 'failed'

export interface MyDepositView {
  outcome: DepositOutcome
  amountFen: number
  /** What came back of the deposit so far. */
  refundedFen: number
  /** The member's share of the pool (0 until settled, and for the host-keeps rule). */
  shareFen: number
  shareStatus: ShareTransferStatus
  /** What wx.requestMerchantTransfer needs while shareStatus is waitConfirm (the member confirms in WeChat; mini-program only). */
  shareConfirm: { mchId: string; appId: string; package: string } | null
  orderId: string
}

export interface DepositStatusView {
  challengeId: string
  depositFen: number
  forfeitTo: ForfeitTo
  /** The completion rule in words (from the challenge). */
  rule: string
  /** Deposits held now (precomputed on the challenge by payments and refunds, not counted per request). */
  poolFen: number
  depositors: number
  /** When the settlement runs (after the last day's window, and the make-up grace when make-ups count). */
  settlesAt: number
  settled: boolean
  /** After the settlement: how many completed and failed, and each completer's share (base; the remainder rule below). */
  completers: number | null
  failed: number | null
  shareFen: number | null
  mine: MyDepositView | null
}

export type SettlementStatus = 'open' | 'classifying' | 'paying' | 'settled'

export interface DepositSettlementView {
  challengeId: string
  title: string
  status: SettlementStatus
  depositFen: number
  forfeitTo: ForfeitTo
  settlesAt: number
  /** Every deposit paid for the challenge. */
  depositsInFen: number
  depositCount: number
  /** Deposits refunded: the completers' in full, and those refunded before the end. */
  refundsFen: number
  /** The failed members' deposits (and what was not refunded of those withdrawn). */
  poolFen: number
  /** Paid to completers as shares. */
  sharesFen: number
  /** Kept by the host: the pool when the host keeps it or nobody completed. */
  hostFen: number
  completers: number
  failed: number
  withdrawn: number
  /** Each completer's share before the remainder, and the remainder in fen (one fen each to the earliest payers). */
  shareBaseFen: number
  remainderFen: number
  /** The remainder rule in words. */
  remainderRule: string
  /** Transfers to members: paid, waiting for the member to confirm, failed (to pay by hand). */
  transfers: { paid: number; waiting: number; failed: number }
  /** depositsInFen = refundsFen + sharesFen + hostFen, checked when the settlement closes. */
  balanced: boolean
  settledAt: number | null
}
