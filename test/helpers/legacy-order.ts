// A membership order as the code before the orders module wrote it: the plan's
// fields on the order itself, no `kind`, no `item`. Orders like it stay in the
// database with no migration, so tests seed them to prove they are still read.
import type { OrderDoc } from '../../cloudfunctions/domain/orders/order'

/** An unpaid ¥99 月卡 order of 30 days, payable until 30 minutes after it was created. */
export function legacyMembershipOrder(order: { _id: string; openid?: string; circleId: string; circleName: string; planId: string; createdAt: number }): OrderDoc {
  return {
    openid: 'o_a',
    ...order,
    planName: '月卡',
    days: 30,
    amountFen: 9900,
    couponId: null,
    refundedFen: 0,
    status: 'created',
    payBefore: order.createdAt + 30 * 60_000,
    paidAt: null,
    transactionId: '',
    periodStart: null,
    periodEnd: null
  } as OrderDoc
}
