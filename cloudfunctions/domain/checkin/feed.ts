// The testimonial wall: newest first, 20 a page, keyset cursors on indexes.
import type { CheckinView, FeedInput } from '../../../types/checkin'
import type { Page } from '../../../types/page'
import type { Filter, FindOptions } from '../../ports/store'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { CHECKINS, type CheckinDoc } from './checkin'
import { CHALLENGES, type ChallengeDoc } from './challenge'
import { currentCircleIds, isCircleMember } from '../circles/access'
import { checkinViews } from './views'

export const FEED_PAGE_SIZE = 20

/**
 * What of members-only challenges the caller may see: hosts everything; others
 * open check-ins and those of the circles they belong to now.
 */
async function circleScope(runtime: Runtime, caller: Caller): Promise<Filter> {
  if (caller.role === 'host') return {}
  return { circleId: { $in: [null, ...(await currentCircleIds(runtime, caller.openid, runtime.clock.now()))] } }
}

async function feedQuery(runtime: Runtime, input: FeedInput, caller: Caller): Promise<{ filter: Filter; options: FindOptions }> {
  const byCreated: FindOptions = { sort: [['createdAt', 'desc']], limit: FEED_PAGE_SIZE, after: input.after }
  switch (input.scope) {
    case 'all':
      return { filter: { status: 'visible', ...(await circleScope(runtime, caller)) }, options: byCreated }
    case 'challenge': {
      if (!input.challengeId) throw new AppError('INVALID_INPUT', '缺少参数：challengeId', 'challengeId')
      const challenge = await runtime.store.collection<ChallengeDoc>(CHALLENGES).get(input.challengeId)
      if (challenge?.circleId && caller.role !== 'host' && !(await isCircleMember(runtime, challenge.circleId, caller.openid, runtime.clock.now()))) {
        throw new AppError('FORBIDDEN', '加入圈子后可以看到成员打卡')
      }
      return { filter: { challengeId: input.challengeId, status: 'visible' }, options: byCreated }
    }
    case 'featured':
      return {
        filter: { featured: true, status: 'visible', ...(input.challengeId ? { challengeId: input.challengeId } : {}), ...(await circleScope(runtime, caller)) },
        options: { ...byCreated, sort: [['featuredAt', 'desc']] }
      }
    case 'member': {
      const openid = input.authorOpenid ?? caller.openid
      // Authors see their own check-ins while images are checked or after a host hid them.
      const own = openid === caller.openid
      return { filter: { openid, status: own ? { $in: ['visible', 'pending', 'hidden'] } : 'visible', ...(own ? {} : await circleScope(runtime, caller)) }, options: byCreated }
    }
  }
}

/**
 * The caller's own check-ins still waiting for the image check, pinned above
 * the first page of the wall they were posted to: the author sees their post
 * land (marked 审核中) while nobody else sees it yet.
 */
async function ownPending(runtime: Runtime, caller: Caller, input: FeedInput): Promise<CheckinDoc[]> {
  if (input.after || (input.scope !== 'all' && input.scope !== 'challenge')) return []
  const filter: Filter = { openid: caller.openid, status: 'pending', ...(input.scope === 'challenge' && input.challengeId ? { challengeId: input.challengeId } : {}) }
  return (await runtime.store.collection<CheckinDoc>(CHECKINS).find(filter, { sort: [['createdAt', 'desc']], limit: 3 })).items
}

export async function feed(runtime: Runtime, caller: Caller, input: FeedInput): Promise<Page<CheckinView>> {
  const { filter, options } = await feedQuery(runtime, input, caller)
  const [pending, page] = await Promise.all([ownPending(runtime, caller, input), runtime.store.collection<CheckinDoc>(CHECKINS).find(filter, options)])
  return { items: await checkinViews(runtime, caller, [...pending, ...page.items]), next: page.next }
}
