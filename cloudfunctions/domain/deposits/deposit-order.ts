// The deposit order kind (押金): a member pays a challenge's deposit to take
// part. Priced on the server from the challenge (no coupon applies: a
// deposit is not a sale); paying makes the member a participant, and a refund
// while the deposit is still held (before the settlement) takes the
// participation away. Registered with the orders module from here
// (orders/installed-kinds.ts lists this file).
import { CHALLENGES } from '../checkin/challenge'
import { PARTICIPANTS, newParticipant, participantId, type ParticipantDoc } from '../checkin/participant'
import { flagPayment } from '../orders/flagged-payments'
import { registerOrderKind } from '../orders/kinds'
import type { OrderDoc } from '../orders/order'
import { refundOrderById } from '../orders/refunds'
import { chinaDate } from '../time/china-calendar'
import { DEPOSITS, depositId, type DepositChallengeDoc, type DepositDoc } from './deposit-doc'

export const DEPOSIT_KIND = 'deposit'

export type DepositItem = {
  kind: typeof DEPOSIT_KIND
  challengeId: string
  /** The challenge's title and last day when the order was made (the deposit terms cannot change once anyone paid). */
  title: string
  endDate: string
}

export const depositOf = (order: Pick<OrderDoc, 'item'>): DepositItem => order.item as unknown as DepositItem

export const depositOrderKind = registerOrderKind({
  kind: DEPOSIT_KIND,
  couponLabel: '挑战押金',
  heldMoney: true,
  describe(order) {
    const item = depositOf(order)
    return {
      title: item.title,
      label: '挑战押金',
      page: `packages/challenge/detail/index?id=${item.challengeId}`,
      firstPaymentFact: { kind: DEPOSIT_KIND, title: `「${item.title}」挑战押金` }
    }
  },
  async fulfil(tx, order, now) {
    const item = depositOf(order)
    const deposits = tx.collection<DepositDoc>(DEPOSITS)
    const id = depositId(item.challengeId, order.openid)
    const existing = await deposits.get(id)
    const late = chinaDate(now) > item.endDate
    if (late || (existing && existing.orderId !== order._id && existing.status !== 'withdrawn')) {
      // Paid after the challenge ended, or a second deposit for one member: it buys nothing and goes back whole.
      const reason = late ? '挑战已结束后付款，押金已自动退回' : '重复支付押金，已自动退回'
      return {
        afterCommit: async (runtime) => {
          await flagPayment(runtime, { outTradeNo: order._id, transactionId: order.transactionId, kind: 'deposit' }, reason, order.amountFen, order.amountFen)
          await refundOrderById(runtime, { orderId: order._id, amountFen: order.amountFen, requestId: 'void', reason, purpose: 'noSeat' }).catch((error) =>
            console.error('[deposit] refund left for the reconcile timer', error)
          )
        }
      }
    }
    const participants = tx.collection<ParticipantDoc>(PARTICIPANTS)
    const joined = !(await participants.get(participantId(item.challengeId, order.openid)))
    if (joined) await participants.insert(newParticipant(item.challengeId, order.openid, now))
    await deposits.set({
      _id: id,
      challengeId: item.challengeId,
      openid: order.openid,
      orderId: order._id,
      amountFen: order.amountFen,
      paidAt: now,
      status: 'held',
      refundedFen: 0,
      updatedAt: now
    })
    return {
      // The challenge's counters move by atomic increments after the commit: every payer would otherwise write one document in their transaction.
      afterCommit: async (runtime) => {
        await runtime.store
          .collection<DepositChallengeDoc>(CHALLENGES)
          .update(item.challengeId, { inc: { depositPoolFen: order.amountFen, depositors: 1, ...(joined ? { participantCount: 1 } : {}) } })
      }
    }
  },
  async onRefunded(tx, { order, now }) {
    const item = depositOf(order)
    const deposits = tx.collection<DepositDoc>(DEPOSITS)
    const deposit = await deposits.get(depositId(item.challengeId, order.openid))
    if (!deposit || deposit.orderId !== order._id) return
    if (deposit.status !== 'held') {
      await deposits.set({ ...deposit, refundedFen: order.refundedFen, updatedAt: now })
      return
    }
    // Refunded before the settlement: the member no longer takes part (their check-ins stay on the wall).
    await deposits.set({ ...deposit, status: 'withdrawn', refundedFen: order.refundedFen, updatedAt: now })
    const removed = await tx.collection<ParticipantDoc>(PARTICIPANTS).remove(participantId(item.challengeId, order.openid))
    await tx.collection<DepositChallengeDoc>(CHALLENGES).update(item.challengeId, {
      inc: { depositPoolFen: -deposit.amountFen, depositors: -1, ...(removed ? { participantCount: -1 } : {}) }
    })
  }
})
