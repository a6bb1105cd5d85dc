// Creating and following orders. The server prices every order from the plan;
// the client sends only which plan.
import type { CreateOrderResult, FlaggedPaymentView, ListOrdersInput, MembershipView, OrderView, MyOrdersInput } from '../../../types/membership'
import type { Page, PageInput } from '../../../types/page'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import type { Filter } from '../../ports/store'
import { CIRCLES } from '../circles/access'
import { loadCircle, type CircleDoc } from './circle'
import { CIRCLE_MEMBERS, FOREVER, extendMembership, membershipId, toMyMembership, type CircleMemberDoc } from './membership'
import { circleIdOf, toOrderViews } from './order'
import { PLAN_KIND, planItem, planOf } from './plan-order'
import { ORDERS, loadOrder, type OrderDoc } from '../orders/order'
import { settleFromProvider } from '../orders/settle-payment'
import { closeOrder } from '../orders/close-order'
import { openOrder } from '../orders/open-order'
import { recordFact } from '../facts/facts'
import { isManager } from '../../../types/roles'
import { applyToJoin, assertMayBuy, assertNotBlocked } from '../crm/circles'

async function circlesOf(runtime: Runtime, orders: OrderDoc[]): Promise<Map<string, CircleDoc>> {
  const ids = [...new Set(orders.map(circleIdOf).filter((id): id is string => Boolean(id)))]
  if (ids.length === 0) return new Map()
  const page = await runtime.store.collection<CircleDoc>(CIRCLES).find({ _id: { $in: ids } }, { limit: 100 })
  return new Map(page.items.map((c) => [c._id, c]))
}

async function views(runtime: Runtime, orders: OrderDoc[]): Promise<OrderView[]> {
  return toOrderViews(runtime, orders, await circlesOf(runtime, orders), runtime.clock.now())
}

/**
 * 立即支付. One open order per member per plan: tapping pay again (back from
 * the pay page) answers the same order (`resumed`); with another coupon, the
 * open one is closed at the provider first and then replaced.
 */
export async function createOrder(runtime: Runtime, caller: Caller, circleId: string, planId: string, now: number, couponId?: string): Promise<CreateOrderResult> {
  const circle = await loadCircle(runtime, circleId)
  if (circle.kind === 'free') throw new AppError('CONFLICT', '免费圈子无需付费，直接加入即可')
  const plan = circle.plans.find((p) => p.id === planId)
  if (!plan) throw new AppError('NOT_FOUND', '套餐不存在', 'planId')
  await assertMayBuy(runtime, circleId, caller.openid)
  const { order, payment, resumed } = await openOrder(runtime, {
    what: `plan:${circleId}:${planId}`,
    openid: caller.openid,
    listPriceFen: plan.priceFen,
    couponId,
    now,
    description: (o) => `${circle.name}·${planOf(o).planName}`,
    item: planItem({ circleId, circleName: circle.name, planId, planName: plan.name, days: plan.days })
  })
  return { order: (await views(runtime, [order]))[0], payment, resumed }
}

/**
 * 取消订单 (or 取消 on the pay sheet, then here): the order closes at the
 * provider and here, its coupon back. Paid meanwhile: settled and answered paid.
 */
export async function cancelOrder(runtime: Runtime, caller: Caller, orderId: string): Promise<OrderView> {
  const order = await loadOrder(runtime, orderId)
  if (order.openid !== caller.openid) throw errors.notFound('订单')
  if (order.status === 'created') {
    const outcome = await closeOrder(runtime, orderId, 'cancelled')
    if (outcome === 'paying') throw new AppError('CONFLICT', '支付进行中，请在微信支付中完成或取消后再试')
  } else if (order.status !== 'closed') {
    throw new AppError('CONFLICT', '订单已支付，不能取消；如需退款请申请退款')
  }
  return (await views(runtime, [await loadOrder(runtime, orderId)]))[0]
}

/**
 * The app's "I've paid" check. When the order is still unpaid here, WeChat Pay
 * is asked directly, so a lost notify never leaves a paying member waiting.
 */
export async function getOrder(runtime: Runtime, caller: Caller, orderId: string): Promise<OrderView> {
  let order = await loadOrder(runtime, orderId)
  if (order.openid !== caller.openid && !isManager(caller.role)) throw errors.notFound('订单')
  if (order.status === 'created' && (await settleFromProvider(runtime, order._id))) order = await loadOrder(runtime, orderId)
  return (await views(runtime, [order]))[0]
}

/**
 * Orders made before event fees existed carry no kind: they are memberships,
 * so "membership" reads as "not an event" (the only kind older than `kind`
 * itself; the store has no "missing or equal"); any other kind is itself.
 */
function kindFilter(kind: string | undefined): Filter {
  if (!kind) return {}
  return { kind: kind === PLAN_KIND ? { $ne: 'event' } : kind }
}

export async function myOrders(runtime: Runtime, openid: string, input: MyOrdersInput): Promise<Page<OrderView>> {
  const page = await runtime.store.collection<OrderDoc>(ORDERS).find({ openid, ...kindFilter(input.kind) }, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  return { items: await views(runtime, page.items), next: page.next }
}

export async function listOrders(runtime: Runtime, input: ListOrdersInput): Promise<Page<OrderView>> {
  const filter: Filter = { ...kindFilter(input.kind) }
  if (input.status) filter.status = input.status
  const page = await runtime.store.collection<OrderDoc>(ORDERS).find(filter, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  return { items: await views(runtime, page.items), next: page.next }
}

export async function joinFree(runtime: Runtime, caller: Caller, circleId: string, answers: string[], now: number): Promise<MembershipView> {
  const circle = await loadCircle(runtime, circleId)
  if (circle.kind !== 'free') throw new AppError('CONFLICT', '这个圈子需要付费加入')
  if (circle.joinQuestions.length > 0 && answers.filter((a) => a.trim()).length < circle.joinQuestions.length) throw new AppError('INVALID_INPUT', '请回答加入问题', 'answers')
  const members = runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
  const id = membershipId(circleId, caller.openid)
  const current = await members.get(id)
  assertNotBlocked(current)
  if (circle.reviewRequired && !(current && current.endsAt > now)) {
    // Reviewed circles: an application a host approves (host.reviewJoin), answers kept with it.
    const application = await applyToJoin(runtime, circle, caller.openid, answers, now)
    return { ...membershipView(runtime, circle, current, now), application: { status: application.status, reason: application.reason, answers: application.answers } }
  }
  if (!current) {
    try {
      await members.insert({ _id: id, circleId, openid: caller.openid, startedAt: now, endsAt: FOREVER, source: 'free', trialUsed: false, remindedFor: null, expiredNoticeFor: null, answers })
    } catch {
      /* joined twice at once: one membership */
    }
  } else if (current.endsAt <= now) {
    await members.update(id, { set: { endsAt: FOREVER, startedAt: now, source: 'free', answers } })
  }
  return membershipView(runtime, circle, (await members.get(id))!, now)
}

export async function startTrial(runtime: Runtime, caller: Caller, circleId: string, now: number): Promise<MembershipView> {
  const circle = await loadCircle(runtime, circleId)
  if (circle.kind !== 'trialThenPaid') throw new AppError('CONFLICT', '这个圈子没有免费试用')
  await runtime.store.transaction(async (tx) => {
    const members = tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
    const current = await members.get(membershipId(circleId, caller.openid))
    assertNotBlocked(current)
    if (current?.trialUsed) throw new AppError('LIMIT_REACHED', '每位成员只能试用一次')
    if (current && current.endsAt > now) throw new AppError('CONFLICT', '你已经是圈子成员')
    await extendMembership(members, circleId, caller.openid, circle.trialDays, now, 'trial')
    // Once per member and circle (a trial is used once): the console counts trials started from it.
    await recordFact(tx, { type: 'trial.started', key: `${circleId}:${caller.openid}`, openid: caller.openid, refId: circleId, payload: { circleId, circleName: circle.name }, at: now })
  })
  return membershipView(runtime, circle, (await runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS).get(membershipId(circleId, caller.openid)))!, now)
}

function membershipView(runtime: Runtime, circle: CircleDoc, doc: CircleMemberDoc | null, now: number): MembershipView {
  return { ...toMyMembership(circle._id, doc, now), circleName: circle.name, coverUrl: circle.coverFileId ? runtime.files.urlFor(circle.coverFileId) : '', plans: circle.plans }
}

export async function myMemberships(runtime: Runtime, openid: string, now: number): Promise<MembershipView[]> {
  const docs = (await runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS).find({ openid }, { sort: [['endsAt', 'desc']], limit: 100 })).items
  const circles = new Map((await Promise.all(docs.map((d) => runtime.store.collection<CircleDoc>(CIRCLES).get(d.circleId)))).filter((c): c is CircleDoc => c !== null).map((c) => [c._id, c]))
  return docs.filter((d) => circles.has(d.circleId)).map((d) => membershipView(runtime, circles.get(d.circleId)!, d, now))
}

export async function flaggedPayments(runtime: Runtime, input: PageInput): Promise<Page<FlaggedPaymentView>> {
  const page = await runtime.store.collection<FlaggedPaymentView & { _id: string }>(COLLECTIONS.flaggedPayments.name).find({}, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  return { items: page.items.map(({ _id, ...rest }) => ({ ...rest, id: _id })), next: page.next }
}
