// The testimonial wall: newest first, 20 a page, keyset cursors on indexes.
import type { CheckinView, FeedInput } from '../../../types/checkin'
import type { Page } from '../../../types/page'
import type { Filter, FindOptions } from '../../ports/store'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { CHECKINS, type CheckinDoc } from './checkin'
import { checkinViews } from './views'

export const FEED_PAGE_SIZE = 20

function feedQuery(input: FeedInput, caller: Caller): { filter: Filter; options: FindOptions } {
  const byCreated: FindOptions = { sort: [['createdAt', 'desc']], limit: FEED_PAGE_SIZE, after: input.after }
  switch (input.scope) {
    case 'all':
      return { filter: { status: 'visible' }, options: byCreated }
    case 'challenge':
      if (!input.challengeId) throw new AppError('INVALID_INPUT', '缺少参数：challengeId', 'challengeId')
      return { filter: { challengeId: input.challengeId, status: 'visible' }, options: byCreated }
    case 'featured':
      return {
        filter: { featured: true, status: 'visible', ...(input.challengeId ? { challengeId: input.challengeId } : {}) },
        options: { ...byCreated, sort: [['featuredAt', 'desc']] }
      }
    case 'member': {
      const openid = input.authorOpenid ?? caller.openid
      // Authors see their own check-ins while images are checked or after a host hid them.
      const own = openid === caller.openid
      return { filter: { openid, status: own ? { $in: ['visible', 'pending', 'hidden'] } : 'visible' }, options: byCreated }
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
  const { filter, options } = feedQuery(input, caller)
  const [pending, page] = await Promise.all([ownPending(runtime, caller, input), runtime.store.collection<CheckinDoc>(CHECKINS).find(filter, options)])
  return { items: await checkinViews(runtime, caller, [...pending, ...page.items]), next: page.next }
}
