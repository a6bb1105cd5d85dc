// One like per member per check-in, toggled. The like record and the counter
// change in one transaction, so the count stays exact under concurrency.
import type { LikeResult } from '../../../types/checkin'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { CHECKINS, loadVisibleCheckin, type CheckinDoc } from './checkin'
import { LIKES, likeId } from './views'

interface LikeDoc {
  _id: string
  checkinId: string
  openid: string
  createdAt: number
}

export async function toggleLike(runtime: Runtime, caller: Caller, checkinId: string, now: number): Promise<LikeResult> {
  await loadVisibleCheckin(runtime, checkinId, caller)
  return runtime.store.transaction(async (tx) => {
    const likes = tx.collection<LikeDoc>(LIKES)
    const checkins = tx.collection<CheckinDoc>(CHECKINS)
    const id = likeId(checkinId, caller.openid)
    const liked = !(await likes.get(id))
    if (liked) await likes.insert({ _id: id, checkinId, openid: caller.openid, createdAt: now })
    else await likes.remove(id)
    await checkins.update(checkinId, { inc: { likeCount: liked ? 1 : -1 } })
    const checkin = await checkins.get(checkinId)
    return { liked, likeCount: checkin!.likeCount }
  })
}
