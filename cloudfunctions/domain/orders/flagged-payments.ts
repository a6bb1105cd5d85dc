// Payments the host must look at: a payment that did not match its order, was
// made by someone other than the order's member, arrived for an order already
// closed (refunded automatically), or a refund the provider would not make.
// One flag per payment (or refund) and reason kind, so a replayed notify flags once.
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { isConflict } from '../../ports/store'

export const FLAGGED_PAYMENTS = COLLECTIONS.flaggedPayments.name

export async function flagPayment(
  runtime: Runtime,
  subject: { outTradeNo: string; transactionId: string; kind: string },
  reason: string,
  expectedFen: number | null,
  receivedFen: number
): Promise<void> {
  try {
    await runtime.store.collection(FLAGGED_PAYMENTS).insert({
      _id: `${subject.outTradeNo}:${subject.transactionId}:${subject.kind}`,
      outTradeNo: subject.outTradeNo,
      reason,
      expectedFen,
      receivedFen,
      createdAt: runtime.clock.now()
    } as never)
  } catch (error) {
    if (!isConflict(error)) throw error
  }
}
