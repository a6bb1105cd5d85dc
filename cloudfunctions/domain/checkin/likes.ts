// One like per member per target (a check-in, a circle post), toggled. The like
// record and the target's counter change in one transaction, so the count stays
// exact under concurrency.
import type { LikeResult } from '../../../types/checkin'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { CHECKINS, loadVisibleCheckin } from './checkin'
import { LIKES } from './views'

/** What can be liked: the document carrying `likeCount`, and where its likes live. */
export interface LikeTarget {
  /** Collection of the liked document (it keeps `likeCount`). */
  counters: string
  /** Collection of the like records, one per member: `${id}:${openid}`. */
  likes: string
  /** The like record's field naming the target ('checkinId', 'postId'). */
  field: string
  id: string
}

interface LikeDoc {
  _id: string
  openid: string
  createdAt: number
}

/** Toggles the caller's like; the caller has already been allowed to see the target. */
export async function toggleTargetLike(runtime: Runtime, target: LikeTarget, openid: string, now: number): Promise<LikeResult> {
  return runtime.store.transaction(async (tx) => {
    const likes = tx.collection<LikeDoc>(target.likes)
    const counters = tx.collection<{ _id: string; likeCount: number }>(target.counters)
    const id = `${target.id}:${openid}`
    const liked = !(await likes.get(id))
    if (liked) await likes.insert({ _id: id, [target.field]: target.id, openid, createdAt: now } as LikeDoc)
    else await likes.remove(id)
    await counters.update(target.id, { inc: { likeCount: liked ? 1 : -1 } })
    const doc = await counters.get(target.id)
    return { liked, likeCount: doc!.likeCount }
  })
}

export async function toggleLike(runtime: Runtime, caller: Caller, checkinId: string, now: number): Promise<LikeResult> {
  await loadVisibleCheckin(runtime, checkinId, caller)
  return toggleTargetLike(runtime, { counters: CHECKINS, likes: LIKES, field: 'checkinId', id: checkinId }, caller.openid, now)
}
