// Completing a task: one transaction reads the task, and only while it is still
// open grants the reward through its own capability (a coupon by domain/rewards'
// issueCoupon, keyed by the task; a seat by the events domain's seat counter and
// a confirmed free signup; trial days by membership's extendMembership) and
// marks the task completed with what was given. Two last helps racing both run
// it: the second conflicts on the task, re-runs, finds it completed and gives
// nothing. At most 8 document operations (a coupon: the task, the coupon and
// its campaign read, the campaign's counter updated (2), the coupon, the fact
// and the task written).
import type { BaseDoc, Transaction } from '../../../ports/store'
import { isTransactionConflict } from '../../../ports/store'
import type { Runtime } from '../../../platform/runtime'
import { withConflictRetries } from '../../../platform/conflict-retries'
import { recordFact, type FactWriter } from '../../facts/facts'
import { issueCoupon } from '../../rewards/coupons'
import { SIGNUPS, signupId, type SignupDoc } from '../../events/event'
import { takeSeatIn } from '../../events/seats'
import { CIRCLE_MEMBERS, extendMembership, type CircleMemberDoc } from '../../membership/membership'
import { HELP_TASKS, couponKeyOf, type HelpTaskDoc } from './help'

type Granted = Pick<HelpTaskDoc, 'rewardStatus' | 'rewardMessage' | 'couponId'>

const ACTIVE_SIGNUP = ['held', 'offered', 'confirmed', 'attended']

async function grant(tx: Transaction, task: HelpTaskDoc, now: number): Promise<Granted> {
  const reward = task.reward
  if (reward.type === 'coupon') {
    const key = couponKeyOf(task._id)
    const outcome = await issueCoupon(tx, reward.campaignId, task.openid, key, now)
    if (outcome === 'issued' || outcome === 'already') return { rewardStatus: 'granted', rewardMessage: `${reward.name}已放入「我的券」`, couponId: `${reward.campaignId}:${task.openid}:${key}` }
    const why = outcome === 'outOfStock' ? '优惠券已发完' : outcome === 'expired' ? '优惠券活动已结束' : '优惠券活动已删除'
    return { rewardStatus: 'unavailable', rewardMessage: `${why}，请联系主理人`, couponId: null }
  }
  if (reward.type === 'event') {
    const signups = tx.collection<SignupDoc>(SIGNUPS)
    const id = signupId(reward.eventId, task.openid)
    const existing = await signups.get(id)
    if (existing && ACTIVE_SIGNUP.includes(existing.status)) return { rewardStatus: 'unavailable', rewardMessage: '你已报名这个活动，名额未重复发放', couponId: null }
    const event = await takeSeatIn(tx, reward.eventId)
    if (!event) return { rewardStatus: 'unavailable', rewardMessage: '活动名额已满或已取消，请联系主理人', couponId: null }
    await signups.set({
      _id: id,
      eventId: reward.eventId,
      openid: task.openid,
      status: 'confirmed',
      priceFen: 0,
      payBefore: null,
      orderId: null,
      waitlistedAt: null,
      attendedAt: null,
      couponId: null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now
    })
    return { rewardStatus: 'granted', rewardMessage: `已为你报名${reward.name.replace(/免费名额$/, '')}`, couponId: null }
  }
  const members = tx.collection<CircleMemberDoc>(CIRCLE_MEMBERS)
  const current = await members.get(`${reward.circleId}:${task.openid}`)
  if (current?.blocked) return { rewardStatus: 'unavailable', rewardMessage: '你已无法加入这个圈子', couponId: null }
  // extendMembership reads the membership again through `get`: answer it from the read above (one request, not two).
  await extendMembership({ get: async () => current, insert: (doc) => members.insert(doc), set: (doc) => members.set(doc) }, reward.circleId, task.openid, reward.days, now, 'trial')
  return { rewardStatus: 'granted', rewardMessage: `已开通${reward.name}`, couponId: null }
}

/**
 * Completes the task if it is still open: grants, marks, records the fact.
 * Answers whether this call completed it. A conflict left after every retry
 * leaves it open: the next help or view of the task completes it.
 */
export async function completeTask(runtime: Runtime, taskId: string, tally: { helps: number; points: number }, now: number): Promise<boolean> {
  try {
    // Conflicts (two last helps; tasks of one coupon campaign completing at the same instant, whose stock
    // counter they share) re-run after a jittered pause, as the router would run an action again.
    return await withConflictRetries(() =>
      runtime.store.transaction(async (tx) => {
        const tasks = tx.collection<HelpTaskDoc>(HELP_TASKS)
        const task = await tasks.get(taskId)
        if (!task || task.status !== 'open' || tally.points < task.need) return false
        const granted = await grant(tx, task, now)
        // The task was open in this transaction, so its completion fact is new: written without the read
        // recordFact makes first (keeps the transaction at 8 operations with a coupon's counter update).
        const fresh: FactWriter = {
          collection: <T extends BaseDoc>(name: string) => {
            const docs = tx.collection<T>(name)
            return { get: async () => null, insert: docs.insert.bind(docs) }
          }
        }
        await recordFact(fresh, {
          type: 'help.completed',
          key: task._id,
          openid: task.openid,
          refId: task.campaignId,
          payload: { campaignId: task.campaignId, rewardType: task.reward.type, granted: granted.rewardStatus === 'granted', need: task.need, helpers: tally.helps },
          at: now
        })
        await tasks.set({ ...task, status: 'completed', completedAt: now, ...granted })
        return true
      })
    )
  } catch (error) {
    if (isTransactionConflict(error)) return false
    throw error
  }
}
