// A refund's record: one per out_refund_no, "processing" from the moment it is
// recorded until the provider says otherwise.
import { COLLECTIONS } from '../../platform/collections'

export const REFUNDS = COLLECTIONS.refunds.name

/** The reconcile timer first asks about a refund this long after it was made (WeChat usually settles within a minute). */
export const REFUND_CHECK_AFTER_MS = 60_000
/** A refund WeChat never received is sent again this many times before the host is asked to look. */
export const REFUND_MAX_ATTEMPTS = 5

/** Why a refund was made: decides what it takes back when it settles. */
export type RefundPurpose =
  | 'member' // the member asked (the order's unused period ends)
  | 'host' // the host refunded
  | 'cancel' // an event signup cancelled in time
  | 'attendance' // an event fee returned for attending (a reward: the payment's points stay)
  | 'noSeat' // paid after the seat hold lapsed and the event filled
  | 'closedOrder' // paid for an order already closed or replaced: nothing was bought
  | 'external' // made outside the app (the merchant console), learnt from its notify

export interface RefundDoc {
  _id: string // out_refund_no
  orderId: string
  amountFen: number
  status: 'processing' | 'success' | 'failed'
  endsAccess: boolean
  purpose?: RefundPurpose
  createdAt: number
  /** When the reconcile timer next asks the provider (processing only). */
  nextCheckAt?: number
  /** Times the refund was sent to the provider. */
  attempts?: number
  /** Why it failed, when it did. */
  failure?: string
}

export function newRefund(outRefundNo: string, orderId: string, amountFen: number, endsAccess: boolean, purpose: RefundPurpose, now: number): RefundDoc {
  return { _id: outRefundNo, orderId, amountFen, status: 'processing', endsAccess, purpose, createdAt: now, nextCheckAt: now + REFUND_CHECK_AFTER_MS, attempts: 1 }
}
