// A payment reported by WeChat (notify, or our own query after a lost notify)
// settles its order exactly once: amount, appid and mchid must match what the
// server priced; then, in one transaction, the order is marked paid and the
// membership extended. Replays find the order fulfilled and change nothing.
import type { Runtime } from '../../platform/runtime'
import { COLLECTIONS } from '../../platform/collections'
import { isConflict } from '../../ports/store'
import { recordDomainEvent } from '../events/domain-events'
import { OUTBOX, type OutboxDoc } from '../outbox/outbox'
import { subscribeMessage } from '../notifications/format'
import { CIRCLE_MEMBERS, extendMembership, type CircleMemberDoc } from './membership'
import { ORDERS, type OrderDoc } from './order'
import { confirmPaidSeat } from '../meetups/signups'
import { hostRefund } from './refunds'
import { markCouponUsed } from '../rewards/coupons'

export interface PaidFact {
  outTradeNo: string
  transactionId: string
  amountFen: number
  appid: string
  mchid: string
}

export type SettleResult = 'fulfilled' | 'already' | 'flagged'

async function flag(runtime: Runtime, fact: PaidFact, reason: string, expectedFen: number | null): Promise<void> {
  try {
    await runtime.store.collection(COLLECTIONS.flaggedPayments.name).insert({
      _id: `${fact.outTradeNo}:${fact.transactionId}`, outTradeNo: fact.outTradeNo, reason, expectedFen, receivedFen: fact.amountFen, createdAt: runtime.clock.now()
    } as never)
  } catch (error) {
    if (!isConflict(error)) throw error
  }
}

export async function settlePayment(runtime: Runtime, fact: PaidFact): Promise<SettleResult> {
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(fact.outTradeNo)
  if (!order) {
    await flag(runtime, fact, '未知订单', null)
    return 'flagged'
  }
  const mismatch = fact.amountFen !== order.amountFen ? '金额与订单不符' : fact.appid !== runtime.payments.appid ? 'appid 与商户配置不符' : fact.mchid !== runtime.payments.mchid ? 'mchid 与商户配置不符' : null
  if (mismatch) {
    await flag(runtime, fact, mismatch, order.amountFen)
    return 'flagged'
  }
  const now = runtime.clock.now()
  let seatLost = false
  const result = await runtime.store.transaction(async (tx): Promise<SettleResult> => {
    const orders = tx.collection<OrderDoc>(ORDERS)
    const fresh = (await orders.get(order._id))!
    // A closed order that was paid in its last second is still honoured: the money arrived.
    if (fresh.status !== 'created' && fresh.status !== 'closed') return 'already'
    await markCouponUsed(tx, fresh.couponId, fresh._id)
    if (fresh.kind === 'event') {
      seatLost = (await confirmPaidSeat(tx, fresh, now)) === 'noSeat'
      await orders.set({ ...fresh, status: 'fulfilled', paidAt: now, transactionId: fact.transactionId })
      await recordDomainEvent(tx, { type: 'payment.first', key: fresh.openid, openid: fresh.openid, refId: fresh._id, payload: { circleName: fresh.circleName }, at: now })
      return 'fulfilled'
    }
    const period = await extendMembership(tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS), fresh.circleId, fresh.openid, fresh.days, now, 'paid')
    await orders.set({ ...fresh, status: 'fulfilled', paidAt: now, transactionId: fact.transactionId, periodStart: period.start, periodEnd: period.end })
    // Side effects go to the outbox and the facts log, never back into the payment.
    await recordDomainEvent(tx, { type: 'payment.first', key: fresh.openid, openid: fresh.openid, refId: fresh._id, payload: { circleName: fresh.circleName }, at: now })
    // The order moved out of 'created' in this transaction, so its message is new: a plain insert.
    await tx.collection<OutboxDoc>(OUTBOX).insert({
      _id: `paid:${fresh._id}`, kind: 'subscribeMessage', status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now,
      payload: subscribeMessage({ openid: fresh.openid, template: 'membershipActive', page: `packages/membership/circle/index?id=${fresh.circleId}`, data: { thing1: fresh.circleName, time2: period.end } })
    })
    return 'fulfilled'
  })
  if (seatLost) {
    // Paid after the hold lapsed and the event filled up: the money goes back, and the host sees why.
    await flag(runtime, fact, '付款时名额已满，已自动退款', order.amountFen)
    await hostRefund(runtime, { orderId: order._id, amountFen: order.amountFen, requestId: 'noseat', reason: '活动名额已满' }).catch((error) => console.error('[settle] refund failed', error))
  }
  return result
}
