// The membership order kind: a plan of a circle. Paying extends the member's
// access by the plan's days; a refund takes back what this order bought and is
// still unused. Registered with the orders module (orders/kinds.ts) from here.
import type { Transaction } from '../../ports/store'
import { membershipActiveMessage } from '../notifications/messages'
import { OUTBOX, type OutboxDoc } from '../outbox/outbox'
import { registerOrderKind } from '../orders/kinds'
import type { OrderDoc } from '../orders/order'
import { CIRCLE_MEMBERS, extendMembership, membershipId, type CircleMemberDoc } from './membership'

export const PLAN_KIND = 'membership'

export type PlanItem = {
  kind: typeof PLAN_KIND
  circleId: string
  circleName: string
  planId: string
  planName: string
  days: number
  /** The membership period this order bought (set when it is paid). */
  periodStart: number | null
  periodEnd: number | null
}

export function planItem(input: Omit<PlanItem, 'kind' | 'periodStart' | 'periodEnd'>): PlanItem {
  return { kind: PLAN_KIND, ...input, periodStart: null, periodEnd: null }
}

/**
 * What a membership order bought. Orders made before `item` existed kept these
 * fields on the order itself (and have no kind): read from there, so old
 * documents need no migration.
 */
export function planOf(order: Omit<OrderDoc, 'status'>): PlanItem {
  if (order.item?.kind === PLAN_KIND) return order.item as unknown as PlanItem
  return {
    kind: PLAN_KIND,
    circleId: order.circleId ?? '',
    circleName: order.circleName ?? '',
    planId: order.planId ?? '',
    planName: order.planName ?? '',
    days: order.days ?? 0,
    periodStart: order.periodStart ?? null,
    periodEnd: order.periodEnd ?? null
  }
}

/**
 * Inside the refund's settling transaction: the membership loses what this
 * order bought and is still unused (a later renewal keeps its days). When that
 * ends access now, the membership is marked ended by a refund (the member sees
 * 已退款, and the expiry notice is not sent).
 */
async function shortenMembership(tx: Transaction, order: OrderDoc, now: number): Promise<void> {
  const plan = planOf(order)
  if (plan.periodStart === null || plan.periodEnd === null) return
  const members = tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
  const membership = await members.get(membershipId(plan.circleId, order.openid))
  if (!membership || membership.endsAt <= now) return
  const unused = Math.max(0, plan.periodEnd - Math.max(plan.periodStart, now))
  const endsAt = Math.max(now, membership.endsAt - unused)
  const ended = endsAt <= now
  await members.set({ ...membership, endsAt, ...(ended ? { endedBy: 'refund' as const, expiredNoticeFor: endsAt } : {}) })
}

export const planOrderKind = registerOrderKind({
  kind: PLAN_KIND,
  couponLabel: '会员',
  describe(order) {
    const plan = planOf(order)
    return {
      title: plan.circleName,
      label: plan.planName,
      page: `packages/membership/order/index?id=${order._id}`,
      firstPaymentFact: { circleName: plan.circleName },
      circleId: plan.circleId,
      planId: plan.planId,
      days: plan.days
    }
  },
  async fulfil(tx, order, now) {
    const plan = planOf(order)
    const period = await extendMembership(tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS), plan.circleId, order.openid, plan.days, now, 'paid')
    // The order moves out of 'created' in this transaction, so its message is new: a plain insert.
    await tx.collection<OutboxDoc>(OUTBOX).insert({
      _id: `paid:${order._id}`,
      kind: 'subscribeMessage',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      payload: membershipActiveMessage(order.openid, plan, period.end)
    })
    return { item: { ...plan, periodStart: period.start, periodEnd: period.end }, oldFields: { periodStart: period.start, periodEnd: period.end } }
  },
  async onRefunded(tx, { order, endsAccess, full, now }) {
    if (endsAccess || full) await shortenMembership(tx, order, now)
  }
})
