// A circle (圈子): free, paid, or a free trial then paid; its plans are priced here,
// on the server, and nowhere else.
import type { Circle, CircleInput, Plan } from '../../../types/membership'
import { errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { CIRCLES, CIRCLE_MEMBERS } from '../circles/access'

export interface CircleDoc extends Omit<CircleInput, 'plans'> {
  _id: string
  plans: Plan[]
  archived: boolean
  createdBy: string
  createdAt: number
  updatedAt: number
}

export async function loadCircle(runtime: Runtime, circleId: string, options: { allowArchived?: boolean } = {}): Promise<CircleDoc> {
  const circle = await runtime.store.collection<CircleDoc>(CIRCLES).get(circleId)
  if (!circle || (circle.archived && !options.allowArchived)) throw errors.notFound('圈子')
  return circle
}

export async function toCircle(runtime: Runtime, doc: CircleDoc, now: number): Promise<Circle> {
  const { _id, createdBy: _b, updatedAt: _u, ...rest } = doc
  const memberCount = await runtime.store.collection(CIRCLE_MEMBERS).count({ circleId: _id, endsAt: { $gt: now } })
  return { ...rest, id: _id, coverUrl: doc.coverFileId ? runtime.files.urlFor(doc.coverFileId) : '', memberCount }
}
