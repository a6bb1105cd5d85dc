// Circle-scoped content: only a circle's current members (paid, trial or free,
// not yet ended) may take part.
import { AppError } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { COLLECTIONS } from '../../platform/collections'

export const CIRCLES = COLLECTIONS.circles.name
export const CIRCLE_MEMBERS = COLLECTIONS.circleMembers.name

interface CircleMemberDoc {
  _id: string
  endsAt: number
}

export async function assertCircleExists(runtime: Runtime, circleId: string | null): Promise<void> {
  if (circleId === null) return
  if (!(await runtime.store.collection(CIRCLES).get(circleId))) throw new AppError('INVALID_INPUT', '圈子不存在', 'circleId')
}

/** For showing a circle-scoped item: the circle's name and whether this member is in it now. */
export async function circleAccess(runtime: Runtime, circleId: string | null, openid: string, now: number): Promise<{ circleName: string | null; inCircle: boolean }> {
  if (circleId === null) return { circleName: null, inCircle: true }
  const [circle, membership] = await Promise.all([
    runtime.store.collection<{ _id: string; name: string }>(CIRCLES).get(circleId),
    runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS).get(`${circleId}:${openid}`)
  ])
  return { circleName: circle?.name ?? null, inCircle: membership !== null && membership.endsAt > now }
}

/** The circles this member belongs to now (paid, trial or free, not ended). */
export async function currentCircleIds(runtime: Runtime, openid: string, now: number): Promise<string[]> {
  const page = await runtime.store.collection<CircleMemberDoc & { circleId: string; openid: string }>(CIRCLE_MEMBERS).find({ openid, endsAt: { $gt: now } }, { sort: [['endsAt', 'desc']], limit: 100 })
  return page.items.map((m) => m.circleId)
}

export async function isCircleMember(runtime: Runtime, circleId: string, openid: string, now: number): Promise<boolean> {
  const membership = await runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS).get(`${circleId}:${openid}`)
  return membership !== null && membership.endsAt > now
}

export async function assertCircleMember(runtime: Runtime, circleId: string | null, openid: string, now: number): Promise<void> {
  if (circleId === null) return
  const membership = await runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS).get(`${circleId}:${openid}`)
  if (!membership || membership.endsAt <= now) throw new AppError('FORBIDDEN', '仅圈子成员可参加，请先加入圈子')
}
