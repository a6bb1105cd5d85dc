// Invite contests running around a moment, for the board mover: an activated
// invite counts on every contest whose window holds it.
import { COLLECTIONS } from '../../platform/collections'
import type { Store } from '../../ports/store'

export interface RunningContest {
  _id: string
  startAt: number
  endAt: number
}

export async function runningContests(store: Pick<Store, 'collection'>, now: number): Promise<RunningContest[]> {
  const page = await store
    .collection<RunningContest & { settled: boolean; cancelled?: boolean }>(COLLECTIONS.contests.name)
    .find({ startAt: { $lte: now } }, { sort: [['startAt', 'desc']], limit: 50 })
  // A cancelled contest counts nothing.
  return page.items.filter((c) => !c.cancelled && c.endAt >= now - 24 * 3600_000)
}
