// The testimonial wall: newest first, 20 a page, keyset cursors on indexes.
//
// On CloudBase each read is a round trip, so a page is held to six requests
// counting the router's member read: the caller's circles (members only; not for
// a challenge's wall or one's own check-ins), the page, the caller's own pending
// check-ins (first page of 全部 and of a challenge), then the authors and the
// caller's likes (views.ts). Settings come from the instance's cache; titles and
// day numbers come with the check-ins.
import type { CheckinView, FeedInput } from '../../../types/checkin'
import type { Page } from '../../../types/page'
import type { Filter, FindOptions } from '../../ports/store'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { CHECKINS, PINNED_PENDING, type CheckinDoc } from './checkin'
import { MEMBERS } from '../members/member'
import { CHALLENGES, type ChallengeDoc } from './challenge'
import { currentCircleIds, isCircleMember } from '../circles/access'
import { checkinViews } from './views'
import type { MemberDoc } from '../members/member'
import { isStaff } from '../../../types/roles'

export const FEED_PAGE_SIZE = 20

/**
 * What of members-only challenges the caller may see: hosts everything; others
 * open check-ins and those of the circles they belong to now.
 */
async function circleScope(runtime: Runtime, caller: Caller): Promise<Filter> {
  if (isStaff(caller.role)) return {}
  return { circleId: { $in: [null, ...(await currentCircleIds(runtime, caller.openid, runtime.clock.now()))] } }
}

async function feedQuery(runtime: Runtime, input: FeedInput, caller: Caller): Promise<{ filter: Filter; options: FindOptions }> {
  const byCreated: FindOptions = { sort: [['createdAt', 'desc']], limit: FEED_PAGE_SIZE, after: input.after }
  switch (input.scope) {
    case 'all':
      return { filter: { status: 'visible', ...(await circleScope(runtime, caller)) }, options: byCreated }
    case 'challenge':
      // Who may read this wall is settled once the page is in hand (mayReadWall).
      if (!input.challengeId) throw new AppError('INVALID_INPUT', '缺少参数：challengeId', 'challengeId')
      return { filter: { challengeId: input.challengeId, status: 'visible' }, options: byCreated }
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
 * A members-only challenge's wall is for its circle's current members and
 * hosts; others are refused (nothing of the page is returned). Each check-in
 * carries the circle it was posted under, and a challenge with check-ins cannot
 * move into or out of a circle, so a wall with check-ins on it says itself
 * whether it is members-only; only an empty one needs the challenge read.
 * Returns the challenge when it was read.
 */
async function mayReadWall(runtime: Runtime, caller: Caller, challengeId: string, checkins: CheckinDoc[]): Promise<ChallengeDoc | null> {
  if (isStaff(caller.role)) return null
  let challenge: ChallengeDoc | null = null
  let circleId: string | null
  if (checkins.length > 0) {
    circleId = checkins.find((c) => c.circleId)?.circleId ?? null
  } else {
    challenge = await runtime.store.collection<ChallengeDoc>(CHALLENGES).get(challengeId)
    circleId = challenge?.circleId ?? null
  }
  if (circleId && !(await isCircleMember(runtime, circleId, caller.openid, runtime.clock.now()))) {
    throw new AppError('FORBIDDEN', '加入圈子后可以看到成员打卡')
  }
  return challenge
}

/**
 * The caller's own check-ins still waiting for the image check, pinned above
 * the first page of the wall they were posted to: the author sees their post
 * land (marked 审核中) while nobody else sees it yet.
 */
async function ownPending(runtime: Runtime, caller: Caller, input: FeedInput, member?: MemberDoc): Promise<CheckinDoc[]> {
  if (input.after || (input.scope !== 'all' && input.scope !== 'challenge')) return []
  // The member document lists the check-ins posted while a check was pending: none, no query.
  const ids = member ? (member.pendingCheckins ?? []) : null
  if (ids !== null && ids.length === 0) return []
  const inScope = (c: CheckinDoc) => c.status === 'pending' && c.openid === caller.openid && (input.scope !== 'challenge' || !input.challengeId || c.challengeId === input.challengeId)
  if (ids !== null) {
    const found = await runtime.store.collection<CheckinDoc>(CHECKINS).find({ _id: { $in: ids } }, { limit: ids.length })
    // Checks that have since finished leave the list (once), so later visits make no query.
    const still = new Set(found.items.filter((c) => c.status === 'pending').map((c) => c._id))
    if (still.size < ids.length) await runtime.store.collection<MemberDoc>(MEMBERS).updateIf(caller.openid, {}, { set: { pendingCheckins: ids.filter((id) => still.has(id)) } })
    return found.items
      .filter(inScope)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, PINNED_PENDING)
  }
  const filter: Filter = { openid: caller.openid, status: 'pending', ...(input.scope === 'challenge' && input.challengeId ? { challengeId: input.challengeId } : {}) }
  return (await runtime.store.collection<CheckinDoc>(CHECKINS).find(filter, { sort: [['createdAt', 'desc']], limit: PINNED_PENDING })).items
}

export async function feed(runtime: Runtime, caller: Caller, input: FeedInput, member?: MemberDoc): Promise<Page<CheckinView>> {
  const [pending, page] = await Promise.all([
    ownPending(runtime, caller, input, member),
    feedQuery(runtime, input, caller).then(({ filter, options }) => runtime.store.collection<CheckinDoc>(CHECKINS).find(filter, options))
  ])
  const items = [...pending, ...page.items]
  const challenge = input.scope === 'challenge' ? await mayReadWall(runtime, caller, input.challengeId!, items) : null
  return { items: await checkinViews(runtime, caller, items, { challenges: challenge ? [challenge] : [] }), next: page.next }
}
