// Hosts create and edit circles and their plans; members browse them.
import { randomUUID } from 'node:crypto'
import type { Circle, CircleDetail, CircleInput, UpdateCircleInput } from '../../../types/membership'
import type { Page, PageInput } from '../../../types/page'
import type { Filter } from '../../ports/store'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { CIRCLES } from '../circles/access'
import { loadCircle, toCircle, type CircleDoc } from './circle'
import { CIRCLE_MEMBERS, membershipId, toMyMembership, type CircleMemberDoc } from './membership'
import { isManager } from '../../../types/roles'
import { applicationOf } from '../crm/circles'

function checkPlans(kind: CircleInput['kind'], plans: unknown[]): void {
  if (kind !== 'free' && plans.length === 0) throw new AppError('INVALID_INPUT', '付费圈子至少需要一个套餐', 'plans')
}

export async function createCircle(runtime: Runtime, caller: Caller, input: CircleInput, now: number): Promise<Circle> {
  checkPlans(input.kind, input.plans)
  if (input.coverFileId && !(await runtime.files.isUsableBy(input.coverFileId, caller.openid))) throw new AppError('INVALID_INPUT', '封面图片无效，请重新上传', 'coverFileId')
  const doc: CircleDoc = {
    ...input,
    plans: input.kind === 'free' ? [] : input.plans.map((plan) => ({ ...plan, id: randomUUID().slice(0, 8) })),
    _id: randomUUID(),
    archived: false,
    createdBy: caller.openid,
    createdAt: now,
    updatedAt: now
  }
  await runtime.store.collection<CircleDoc>(CIRCLES).insert(doc)
  return toCircle(runtime, doc, now)
}

export async function updateCircle(runtime: Runtime, caller: Caller, input: UpdateCircleInput, now: number): Promise<Circle> {
  const { circleId, plans, ...changes } = input
  const current = await loadCircle(runtime, circleId, { allowArchived: true })
  const kind = changes.kind ?? current.kind
  // Plans keep their ids, so existing orders still name them.
  const nextPlans = plans
    ? plans.map((plan) => ({ name: plan.name, days: plan.days, priceFen: plan.priceFen, id: plan.id && current.plans.some((p) => p.id === plan.id) ? plan.id : randomUUID().slice(0, 8) }))
    : current.plans
  checkPlans(kind, nextPlans)
  if (changes.coverFileId && !(await runtime.files.isUsableBy(changes.coverFileId, caller.openid))) throw new AppError('INVALID_INPUT', '封面图片无效，请重新上传', 'coverFileId')
  await runtime.store.collection<CircleDoc>(CIRCLES).update(circleId, { set: { ...changes, plans: kind === 'free' ? [] : nextPlans, updatedAt: now } })
  return toCircle(runtime, await loadCircle(runtime, circleId, { allowArchived: true }), now)
}

export async function archiveCircle(runtime: Runtime, circleId: string, now: number): Promise<Circle> {
  await loadCircle(runtime, circleId, { allowArchived: true })
  await runtime.store.collection<CircleDoc>(CIRCLES).update(circleId, { set: { archived: true, updatedAt: now } })
  return toCircle(runtime, await loadCircle(runtime, circleId, { allowArchived: true }), now)
}

export async function listCircles(runtime: Runtime, caller: Caller, input: PageInput, now: number): Promise<Page<Circle>> {
  const filter: Filter = isManager(caller.role) ? {} : { archived: false }
  const page = await runtime.store.collection<CircleDoc>(CIRCLES).find(filter, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  return { items: await Promise.all(page.items.map((doc) => toCircle(runtime, doc, now))), next: page.next }
}

export async function getCircleDetail(runtime: Runtime, caller: Caller, circleId: string, now: number): Promise<CircleDetail> {
  const circle = await loadCircle(runtime, circleId, { allowArchived: isManager(caller.role) })
  const [membership, application] = await Promise.all([
    runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS).get(membershipId(circleId, caller.openid)),
    circle.reviewRequired ? applicationOf(runtime, circleId, caller.openid) : Promise.resolve(null)
  ])
  const mine = toMyMembership(circleId, membership, now)
  return {
    circle: await toCircle(runtime, circle, now),
    membership: application ? { ...mine, application: { status: application.status, reason: application.reason, answers: application.answers } } : mine
  }
}
