// The books, checked whole after a test: every paid order is settled or
// refunded (and a payment for a closed order bought nothing), refunds add up
// and never exceed the payment, the provider moved the same money, no coupon is
// on two paid orders, every wallet equals its ledger and what its grants still
// hold, and every event's seat counter equals its seated signups.
import type { LocalRuntime } from '../../cloudfunctions/adapters/local/local-runtime'
import { ORDERS, kindOf, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { PLAN_KIND, planOf } from '../../cloudfunctions/domain/membership/plan-order'
import { REFUNDS, type RefundDoc } from '../../cloudfunctions/domain/membership/refunds'
import { COUPONS, type CouponDoc } from '../../cloudfunctions/domain/rewards/coupons'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { EVENTS, SIGNUPS, type EventDoc, type SignupDoc } from '../../cloudfunctions/domain/events/event'
import type { BaseDoc } from '../../cloudfunctions/ports/store'

async function all<T extends BaseDoc>(runtime: LocalRuntime, name: string): Promise<T[]> {
  const docs: T[] = []
  let after: string | null | undefined
  do {
    const page = await runtime.store.collection<T>(name).find({}, { sort: [['_id', 'asc']], limit: 500, after })
    docs.push(...page.items)
    after = page.next
  } while (after)
  return docs
}

/** Every rule broken, as readable lines (empty when the books add up). */
export async function moneyProblems(runtime: LocalRuntime): Promise<string[]> {
  const problems: string[] = []
  const [orders, refunds, coupons, wallets, ledger, events, signups] = await Promise.all([
    all<OrderDoc>(runtime, ORDERS),
    all<RefundDoc>(runtime, REFUNDS),
    all<CouponDoc>(runtime, COUPONS),
    all<WalletDoc>(runtime, WALLETS),
    all<LedgerEntryDoc>(runtime, LEDGER),
    all<EventDoc>(runtime, EVENTS),
    all<SignupDoc>(runtime, SIGNUPS)
  ])
  const couponUses = new Map<string, string[]>()
  for (const order of orders) {
    const paid = order.paidAt !== null
    const settledRefunds = refunds.filter((r) => r.orderId === order._id && r.status === 'success').reduce((sum, r) => sum + r.amountFen, 0)
    if (settledRefunds !== order.refundedFen) problems.push(`${order._id}: refunds settled ${settledRefunds} ≠ refundedFen ${order.refundedFen}`)
    if (order.refundedFen > order.amountFen) problems.push(`${order._id}: refunded ${order.refundedFen} > paid ${order.amountFen}`)
    if (order.status === 'refunded' && order.refundedFen !== order.amountFen) problems.push(`${order._id}: refunded but only ${order.refundedFen} of ${order.amountFen}`)
    if (!paid && !['created', 'closed'].includes(order.status)) problems.push(`${order._id}: ${order.status} without a payment`)
    if (paid && !['fulfilled', 'refunding', 'refunded'].includes(order.status)) problems.push(`${order._id}: paid but ${order.status}`)
    if (order.paidAfterClose && order.status === 'fulfilled') problems.push(`${order._id}: paid after it closed, yet fulfilled`)
    // A plan's period is under `item` on new orders and in the old top-level fields on old ones: planOf reads both.
    if (paid && !order.paidAfterClose && kindOf(order) === PLAN_KIND && planOf(order).periodStart === null) problems.push(`${order._id}: paid membership without its period`)
    if (paid && !order.paidAfterClose && order.couponId && order.status !== 'refunded') couponUses.set(order.couponId, [...(couponUses.get(order.couponId) ?? []), order._id])
    if (paid && !order.paidAfterClose && order.couponId) {
      const coupon = coupons.find((c) => c._id === order.couponId)
      if (!coupon || coupon.status !== 'used' || coupon.orderId !== order._id) problems.push(`${order._id}: its coupon ${order.couponId} is ${coupon?.status}/${coupon?.orderId}, not used by it`)
    }
    const trade = await runtime.payments.trade(order._id)
    // Paid there and still open here is a notify not yet delivered (polling or the closing job settles it); paid there and closed here is money kept for nothing.
    if (trade && (trade.state === 'SUCCESS' || trade.state === 'REFUND') && !paid && order.status !== 'created') problems.push(`${order._id}: paid at the provider, ${order.status} here`)
    if (trade && trade.refundedFen < order.refundedFen) problems.push(`${order._id}: ${order.refundedFen} refunded here, ${trade.refundedFen} at the provider`)
  }
  for (const [couponId, used] of couponUses) if (used.length > 1) problems.push(`coupon ${couponId} on ${used.length} paid orders: ${used.join(', ')}`)
  for (const coupon of coupons) {
    if (coupon.status === 'locked') {
      const order = orders.find((o) => o._id === coupon.orderId)
      if (!order || order.status !== 'created') problems.push(`coupon ${coupon._id} locked to ${coupon.orderId}, which is ${order?.status ?? 'missing'}`)
    }
  }
  for (const wallet of wallets) {
    const mine = ledger.filter((e) => e.openid === wallet._id)
    const ledgerPoints = mine.reduce((sum, e) => sum + e.points, 0)
    if (ledgerPoints !== wallet.points) problems.push(`wallet ${wallet._id}: ${wallet.points} points, ledger says ${ledgerPoints}`)
    const held = mine.reduce((sum, e) => sum + Math.max(0, e.remaining), 0) - (wallet.unsettledSpent ?? 0)
    if (held !== wallet.points) problems.push(`wallet ${wallet._id}: ${wallet.points} points, grants hold ${held}`)
  }
  for (const event of events) {
    const seated = signups.filter((s) => s.eventId === event._id && ['held', 'offered', 'confirmed', 'attended'].includes(s.status)).length
    if (seated !== event.seatsTaken) problems.push(`event ${event._id}: ${event.seatsTaken} seats taken, ${seated} seated signups`)
  }
  return problems
}

export async function expectMoneyAddsUp(runtime: LocalRuntime): Promise<void> {
  expect(await moneyProblems(runtime)).toEqual([])
}
