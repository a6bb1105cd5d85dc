// Loading and naming a play's target from its own capability when the host
// makes the play (the checks every play shares; each play adds its own).
import { AppError } from '../../../platform/app-error'
import type { Runtime } from '../../../platform/runtime'
import { EVENTS, type EventDoc } from '../../events/event'
import { MALL_ITEMS, type MallItemDoc } from '../../growth/mall'
import { loadCircle } from '../../membership/circle'
import type { EventTargetDoc, MallTargetDoc, PlanTargetDoc, SoldTargetDoc } from './target'

/** The plan checked (of a paid circle) and named; `play` is the play's word (秒杀, 砍价, 拼团). */
export async function loadPlanTarget(runtime: Runtime, t: { circleId: string; planId: string }, play: string): Promise<PlanTargetDoc> {
  const circle = await loadCircle(runtime, t.circleId)
  if (circle.kind === 'free') throw new AppError('INVALID_INPUT', `免费圈子无需${play}，请选择付费圈子的套餐`, 'target')
  const plan = circle.plans.find((p) => p.id === t.planId)
  if (!plan) throw new AppError('NOT_FOUND', '套餐不存在', 'target')
  return { type: 'plan', circleId: circle._id, circleName: circle.name, planId: plan.id, planName: plan.name, days: plan.days, originalFen: plan.priceFen }
}

/** The event, scheduled; the play checks its own deadline and seats against it. */
export async function loadEventTarget(runtime: Runtime, eventId: string): Promise<{ event: EventDoc; target: EventTargetDoc }> {
  const event = await runtime.store.collection<EventDoc>(EVENTS).get(eventId)
  if (!event || event.status !== 'scheduled') throw new AppError('NOT_FOUND', '活动不存在或已取消', 'target')
  return { event, target: { type: 'event', eventId: event._id, eventTitle: event.title, originalFen: event.feeFen } }
}

/** The mall item, on sale and not a coupon; the play checks its own stock against it. */
export async function loadMallTarget(runtime: Runtime, itemId: string, play: string): Promise<{ item: MallItemDoc; target: MallTargetDoc }> {
  const item = await runtime.store.collection<MallItemDoc>(MALL_ITEMS).get(itemId)
  if (!item || !item.active) throw new AppError('NOT_FOUND', '商品不存在或已下架', 'target')
  if (item.kind === 'coupon') throw new AppError('INVALID_INPUT', `优惠券商品不能${play}，请在优惠券活动中发放`, 'target')
  return { item, target: { type: 'mall', itemId: item._id, itemName: item.name, mallKind: item.kind, originalFen: 0 } }
}

/** The checks a play adds once its target is loaded: against the event (its deadline, its seats) or the mall item (its stock). */
export type TargetChecks = { event?: (event: EventDoc) => void; mall?: (item: MallItemDoc) => void }

/** Any target the host picked, loaded, checked and named: a plan, an event or a mall item; `play` is the play's word. */
export async function resolveSoldTarget(
  runtime: Runtime,
  t: { type: 'plan'; circleId: string; planId: string } | { type: 'event'; eventId: string } | { type: 'mall'; itemId: string },
  play: string,
  checks: TargetChecks = {}
): Promise<SoldTargetDoc> {
  if (t.type === 'plan') return loadPlanTarget(runtime, t, play)
  if (t.type === 'event') {
    const { event, target } = await loadEventTarget(runtime, t.eventId)
    checks.event?.(event)
    return target
  }
  const { item, target } = await loadMallTarget(runtime, t.itemId, play)
  checks.mall?.(item)
  return target
}
