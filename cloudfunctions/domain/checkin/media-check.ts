// WeChat's verdict on an image arrives later (message push, event
// wxa_media_check). A check-in with images stays pending — seen only by its
// author and hosts — until every image passed; one risky image hides it.
import type { Runtime } from '../../platform/runtime'
import { CHECKINS, type CheckinDoc } from './checkin'
import { MEDIA_CHECKS, type MediaCheckDoc } from './post-checkin'
import { setCheckinHidden } from './moderation'

export type MediaVerdict = 'pass' | 'risky' | 'review'

/** Applies one verdict; unknown or already applied trace ids change nothing. */
export async function resolveMediaCheck(runtime: Runtime, traceId: string, suggest: MediaVerdict, now: number): Promise<'applied' | 'ignored'> {
  const verdict = suggest === 'risky' ? 'risky' : 'pass'
  const checkinId = await runtime.store.transaction(async (tx) => {
    const checks = tx.collection<MediaCheckDoc>(MEDIA_CHECKS)
    const check = await checks.get(traceId)
    if (!check || check.verdict !== 'pending') return null
    await checks.update(traceId, { set: { verdict, resolvedAt: now } })
    const checkins = tx.collection<CheckinDoc>(CHECKINS)
    const checkin = await checkins.get(check.checkinId)
    if (!checkin) return null
    const pendingChecks = Math.max(0, checkin.pendingChecks - 1)
    // A check-in the photo integrity job holds stays pending until the host decides.
    const becomesVisible = verdict === 'pass' && pendingChecks === 0 && checkin.status === 'pending' && checkin.integrity?.status !== 'held'
    await checkins.update(checkin._id, { set: { pendingChecks, ...(becomesVisible ? { status: 'visible' } : {}) } })
    return checkin._id
  })
  if (checkinId === null) return 'ignored'
  if (verdict === 'risky') await setCheckinHidden(runtime, checkinId, true, '图片未通过安全检测', now)
  return 'applied'
}
