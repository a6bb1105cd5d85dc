// Timer jobs for memberships: remind members 3 days before their membership
// ends, and tell them when it has ended. (Unpaid orders of every kind close in
// the orders module's one job, re-exported here for older imports.)
import type { Runtime } from '../../platform/runtime'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { membershipExpiredMessage, renewalReminderMessage } from '../notifications/messages'
import { CIRCLES } from '../circles/access'
import type { CircleDoc } from './circle'
import { CIRCLE_MEMBERS, DAY_MS, FOREVER, type CircleMemberDoc } from './membership'

export { CLOSE_RETRY_MS, closeUnpaidOrders } from '../orders/close-unpaid'

/** Memberships looked at per run: about 4 requests each. */
export const REMIND_BATCH = 100

export async function remindMembershipEnds(runtime: Runtime): Promise<{ reminded: number; ended: number }> {
  const now = runtime.clock.now()
  const members = runtime.store.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
  const soon = await members.find({ endsAt: { $gt: now - DAY_MS, $lte: now + 3 * DAY_MS } }, { sort: [['endsAt', 'asc']], limit: REMIND_BATCH })
  let reminded = 0
  let ended = 0
  // Most memberships in a run share a few circles: each is read once.
  const circles = new Map<string, Promise<CircleDoc | null>>()
  for (const m of soon.items) {
    if (m.endsAt === FOREVER) continue
    if (!circles.has(m.circleId)) circles.set(m.circleId, runtime.store.collection<CircleDoc>(CIRCLES).get(m.circleId))
    const circle = await circles.get(m.circleId)!
    const name = circle?.name ?? '圈子'
    if (m.endsAt > now && m.remindedFor !== m.endsAt) {
      await enqueueSubscribeMessage(runtime.store, { key: `renewal:${m._id}:${m.endsAt}`, now, message: renewalReminderMessage(m.openid, { circleId: m.circleId, circleName: name }, m.endsAt) })
      await members.update(m._id, { set: { remindedFor: m.endsAt } })
      reminded++
    } else if (m.endsAt <= now && m.expiredNoticeFor !== m.endsAt) {
      await enqueueSubscribeMessage(runtime.store, { key: `expired:${m._id}:${m.endsAt}`, now, message: membershipExpiredMessage(m.openid, { circleId: m.circleId, circleName: name }, m.endsAt) })
      await members.update(m._id, { set: { expiredNoticeFor: m.endsAt } })
      ended++
    }
  }
  return { reminded, ended }
}
