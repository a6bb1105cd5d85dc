// Realistic scenarios for every registered action and every cron job, on the
// seeded demo community, each measured in requests as CloudBase would be sent
// them. The budget test, the index-coverage test and `npm run bench` all run
// these. A scenario prepares what it needs (not counted), then makes the one
// call it measures, through the function's real entry point as a real member or
// the host.
//
// Adding an action: add a scenario whose fn/action name it (the registry test
// fails until every action has one). Batch-shaped host actions that need more
// than the host budget are listed in BATCH with their reason, never silently.
import { payNotifyMain } from '../../cloudfunctions/functions'
import { JOBS, TIMER_FUNCTION_NAMES, timerFunctionOf } from '../../cloudfunctions/domain/jobs/jobs'
import { formatQuery, type MeterReading, type RecordedQuery } from '../../cloudfunctions/adapters/store/counting-store'
import type { FunctionName } from '../../types/api'
import type { ChallengeInput } from '../../types/checkin'
import type { EventInput } from '../../types/events'
import { circleInput } from '../helpers/circle'
import { challengeInput } from '../checkin/checkin-fixtures'
import { payOrderOk } from '../helpers/pay'
import { host, member, scenario } from '../plays/budget'
import { eventInput } from '../helpers/event'
import { AJIE, DAWEI, DAY, HOST, LILY, World, XIAOMEI } from './world'
import { RECALL_BACKLOG, RECALL_SCENARIOS } from './recall-scenarios'
import { jpeg, scene } from '../integrity/images'
import { COMPLETION_BACKLOG, COMPLETION_SCENARIOS } from './completion-scenarios'
import { QUESTION_BACKLOG, QUESTION_SCENARIOS } from './question-scenarios'
import { FLASH_SALE_SCENARIOS } from './flash-sale-scenarios'
import { GROUP_BUY_BACKLOG, GROUP_BUY_SCENARIOS } from './group-buy-scenarios'
import { HELP_SCENARIOS } from './help-scenarios'
import { GIFT_BACKLOG, GIFT_SCENARIOS } from './gift-scenarios'
import { BARGAIN_SCENARIOS } from './bargain-scenarios'
import { DEPOSIT_BACKLOG, DEPOSIT_SCENARIOS } from './deposit-scenarios'
import { POST_SCENARIOS } from './post-scenarios'

export type BudgetKind = 'member' | 'host' | 'checkin' | 'feed' | 'cron' | 'batch'

/** Requests per call (and the largest transaction's document operations) each kind may use. */
export const LIMITS: Record<Exclude<BudgetKind, 'batch'>, { requests: number; largestTx?: number }> = {
  member: { requests: 20 },
  host: { requests: 20 },
  checkin: { requests: 15, largestTx: 8 },
  feed: { requests: 6 },
  /** A cron job run finishes its batch within 10 s at 20 ms a request. */
  cron: { requests: 500 }
}

/**
 * Host actions that are batch-shaped by nature, with the most they may use and why.
 * Listed here, in the open: anything not here is held to the host budget.
 */
export const BATCH: Record<string, { requests: number; why: string }> = {
  'sales.createFlashSale': { requests: 215, why: 'writes one stock slot document per unit (at most 200, 20 at a time), so buyers never share a stock counter' },
  'events.cancelEvent': { requests: 200, why: 'cancels every signup of the event and refunds each paid one (per attendee work)' },
  'host.tagMembers': { requests: 310, why: 'tags up to 100 chosen members: a transaction of 3 document operations per member whose tags change (the Store has no multi-document update)' }
}

export interface Scenario {
  /** fn.action.variant, e.g. checkin.postCheckin.first */
  id: string
  /** The function called: a registered one, payNotify, or cron for a job. */
  fn: FunctionName | 'payNotify'
  /** The registered action, or the job's name for cron jobs. */
  action: string
  kind: BudgetKind
  /** Prepares (not counted) and makes the measured call; cron jobs also say how much work the run did. */
  run(world: World): Promise<MeterReading & { work?: number }>
  /** Cron jobs: run again after the measured run (see runScenario). */
  job?: string
}

export interface ScenarioResult {
  id: string
  fn: string
  action: string
  kind: BudgetKind
  limit: { requests: number; largestTx?: number }
  requests: number
  transactions: number
  largestTx: number
  insideTx: number
  byOp: Record<string, number>
  /** The queries of the measured call. */
  queries: RecordedQuery[]
  /** Every query made in the scenario's world, setup calls included (all go through actions). */
  worldQueries: RecordedQuery[]
  /** Cron jobs: the work the measured run did (sum of its counts). */
  work?: number
  /** Cron jobs: the runs after the measured one, until one finds nothing left (at most 5): each picks up where the last left off. */
  reruns?: Array<{ requests: number; work: number }>
  error?: string
}

export function limitOf(scenario: Pick<Scenario, 'kind' | 'fn' | 'action'>): { requests: number; largestTx?: number } {
  if (scenario.kind === 'batch') {
    const batch = BATCH[`${scenario.fn}.${scenario.action}`]
    if (!batch) throw new Error(`${scenario.fn}.${scenario.action} is marked batch but has no entry in BATCH`)
    return { requests: batch.requests }
  }
  return LIMITS[scenario.kind]
}

// ---------------------------------------------------------------- seeded ids

interface Seeded {
  diet: { _id: string; streakBonuses: Array<{ day: number; points: number }> }
  early: { _id: string }
  camp: { _id: string; plans: Array<{ id: string; priceFen: number }> }
  runners: { _id: string }
  breakfast: { _id: string }
  hike: { _id: string }
  online: { _id: string }
  makeupCard: { _id: string }
  physical: { _id: string }
  amountOff: { _id: string }
  contest: { _id: string }
  /** A visible check-in by 小美 in the diet challenge. */
  xiaomeiCheckin: { _id: string }
}

const seededCache = new WeakMap<World, Seeded>()

export async function seeded(w: World): Promise<Seeded> {
  const cached = seededCache.get(w)
  if (cached) return cached
  const s: Seeded = {
    diet: await w.doc('challenges', { title: '21 天减脂打卡' }),
    early: await w.doc('challenges', { title: '早起打卡 30 天' }),
    camp: await w.doc('circles', { name: '减脂私教营' }),
    runners: await w.doc('circles', { name: '跑步爱好者' }),
    breakfast: await w.doc('circles', { name: '早餐营养研究所' }),
    hike: await w.doc('meetups', { title: '周末徒步·滨江 10 公里' }),
    online: await w.doc('meetups', { title: '线上分享：如何吃得饱又能瘦' }),
    makeupCard: await w.doc('mallItems', { kind: 'makeupCard' }),
    physical: await w.doc('mallItems', { kind: 'physical' }),
    amountOff: await w.doc('campaigns', { kind: 'amountOff' }),
    contest: await w.doc('contests', { title: '老带新邀请赛' }),
    xiaomeiCheckin: await w.doc('checkins', { openid: XIAOMEI, status: 'visible' })
  }
  seededCache.set(w, s)
  return s
}

// ---------------------------------------------------------------- helpers

let fresh = 0
/** A member the community has never seen (their first call creates them). */
export function newMember(label = 'm'): string {
  fresh += 1
  return `budget_${label}_${fresh}`
}

const TEXT = '今天快走 40 分钟，晚饭七分饱。'

async function post(w: World, openid: string, challengeId: string, photo = false) {
  const photoFileIds = photo ? [await w.photo(openid)] : []
  return w.call('checkin', 'postCheckin', { challengeId, text: TEXT, photoFileIds }, openid)
}

/** A member who has opened the app and joined the challenge (not yet checked in). */
async function joined(w: World, challengeId: string): Promise<string> {
  const openid = newMember('checkin')
  await w.call('member', 'me', {}, openid)
  await w.call('checkin', 'joinChallenge', { challengeId }, openid)
  return openid
}

/** Grants points by the host (setup for redemptions). */
async function grantPoints(w: World, openid: string, points: number) {
  await w.call('growth', 'adjustPoints', { memberOpenid: openid, points, reason: '测试积分', requestId: `grant-${newMember('r')}` }, HOST)
}

/** A paid camp membership order, paid at the sandbox and its notify delivered (setup). */
async function paidOrder(w: World, openid: string): Promise<string> {
  const { camp } = await seeded(w)
  const { order } = await w.call('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id }, openid)
  await payOrderOk(w.runtime, order.id)
  return order.id
}

function futureEvent(w: World, overrides: Partial<EventInput> = {}): EventInput {
  const start = w.now() + 10 * DAY
  return eventInput({
    description: '一起走 10 公里',
    startAt: start,
    endAt: start + 3 * 3600_000,
    capacity: 30,
    feeFen: 5000,
    tierDiscount: true,
    signupDeadline: start - 3600_000,
    feeReturn: 'refund',
    ...overrides
  })
}

function newChallenge(w: World): ChallengeInput {
  return challengeInput({ title: '30 天拉伸', description: '每天拉伸 10 分钟', startDate: w.today(), days: 30, streakBonuses: [{ day: 7, points: 50 }] })
}

/** Enough check-ins (and featured ones) that the feed has a second page. */
async function fullFeed(w: World, featured: boolean): Promise<void> {
  const { diet } = await seeded(w)
  const visible = await w.docs<{ _id: string; featured: boolean }>('checkins', { status: 'visible' })
  const ids = visible.map((c) => c._id)
  while (ids.length < 45) {
    const openid = newMember('feed')
    const { checkin } = await post(w, openid, diet._id, ids.length % 2 === 0)
    ids.push(checkin.id)
  }
  if (featured) for (const id of ids.slice(0, 25)) await w.call('challenges', 'featureCheckin', { checkinId: id, featured: true }, HOST)
}

// ---------------------------------------------------------------- scenario builders

// scenario, member and host: test/plays/budget.ts, shared with every <x>-scenarios.ts.

// ---------------------------------------------------------------- check-ins

/** First-ever, next-day and streak-bonus check-ins, posted on the day and as make-ups. */
export const CHECKIN_SCENARIOS: Scenario[] = [
  // A challenge with a place: the position is checked in memory (haversine), no request added.
  scenario('checkin.postCheckin.geofenced', 'checkin', async (w) => {
    const geofence = { name: '朝阳公园南门', lat: 39.9339, lng: 116.4786, radiusM: 300 }
    const challenge = await w.call('challenges', 'createChallenge', { ...newChallenge(w), geofence }, HOST)
    const openid = await joined(w, challenge.id)
    const photoFileIds = [await w.photo(openid)]
    return (await w.measure('checkin', 'postCheckin', { challengeId: challenge.id, text: TEXT, photoFileIds, coords: { lat: 39.9345, lng: 116.4791 } }, openid)).usage
  }),
  scenario('checkin.postCheckin.first', 'checkin', async (w) => {
    const { diet } = await seeded(w)
    const openid = await joined(w, diet._id)
    const photoFileIds = [await w.photo(openid)]
    return (await w.measure('checkin', 'postCheckin', { challengeId: diet._id, text: TEXT, photoFileIds }, openid)).usage
  }),
  scenario('checkin.postCheckin.nextDay', 'checkin', async (w) => {
    const { diet } = await seeded(w)
    const openid = await joined(w, diet._id)
    await post(w, openid, diet._id, true)
    w.advanceDays(1)
    const photoFileIds = [await w.photo(openid)]
    return (await w.measure('checkin', 'postCheckin', { challengeId: diet._id, text: TEXT, photoFileIds }, openid)).usage
  }),
  scenario('checkin.postCheckin.streakBonus', 'checkin', async (w) => {
    const { diet } = await seeded(w)
    const bonusDay = Math.min(...diet.streakBonuses.map((b) => b.day))
    const openid = await joined(w, diet._id)
    for (let day = 1; day < bonusDay; day++) {
      await post(w, openid, diet._id)
      w.advanceDays(1)
    }
    return (await w.measure('checkin', 'postCheckin', { challengeId: diet._id, text: TEXT, photoFileIds: [] }, openid)).usage
  }),
  scenario('checkin.makeupCheckin.first', 'checkin', async (w) => {
    // Joined yesterday and missed it: a card fills only days since joining.
    const { diet } = await seeded(w)
    const openid = await joined(w, diet._id)
    w.advanceDays(1)
    return (await w.measure('checkin', 'makeupCheckin', { challengeId: diet._id, date: w.today(-1), text: TEXT, photoFileIds: [] }, openid)).usage
  }),
  scenario('checkin.makeupCheckin.nextDay', 'checkin', async (w) => {
    const { diet } = await seeded(w)
    const openid = await joined(w, diet._id)
    await post(w, openid, diet._id)
    w.advanceDays(2)
    return (await w.measure('checkin', 'makeupCheckin', { challengeId: diet._id, date: w.today(-1), text: TEXT, photoFileIds: [] }, openid)).usage
  }),
  scenario('checkin.makeupCheckin.streakBonus', 'checkin', async (w) => {
    // Checked in every day but the one before today; making it up completes the bonus streak.
    const { diet } = await seeded(w)
    const bonusDay = Math.min(...diet.streakBonuses.map((b) => b.day))
    const openid = await joined(w, diet._id)
    for (let day = 1; day <= bonusDay; day++) {
      if (day !== bonusDay - 1) await post(w, openid, diet._id)
      if (day < bonusDay) w.advanceDays(1)
    }
    return (await w.measure('checkin', 'makeupCheckin', { challengeId: diet._id, date: w.today(-1), text: TEXT, photoFileIds: [] }, openid)).usage
  })
]

// ---------------------------------------------------------------- the feed

export const FEED_SCENARIOS: Scenario[] = [
  scenario('checkin.feed.all', 'feed', async (w) => {
    await fullFeed(w, false)
    return (await w.measure('checkin', 'feed', { scope: 'all' }, XIAOMEI)).usage
  }),
  scenario('checkin.feed.allNextPage', 'feed', async (w) => {
    await fullFeed(w, false)
    const first = await w.call('checkin', 'feed', { scope: 'all' }, XIAOMEI)
    if (!first.next) throw new Error('the feed has no second page')
    return (await w.measure('checkin', 'feed', { scope: 'all', after: first.next }, XIAOMEI)).usage
  }),
  scenario('checkin.feed.featured', 'feed', async (w) => {
    await fullFeed(w, true)
    return (await w.measure('checkin', 'feed', { scope: 'featured' }, XIAOMEI)).usage
  }),
  scenario('checkin.feed.featuredNextPage', 'feed', async (w) => {
    await fullFeed(w, true)
    const first = await w.call('checkin', 'feed', { scope: 'featured' }, XIAOMEI)
    if (!first.next) throw new Error('the featured feed has no second page')
    return (await w.measure('checkin', 'feed', { scope: 'featured', after: first.next }, XIAOMEI)).usage
  }),
  scenario('checkin.feed.challenge', 'feed', async (w) => {
    const { diet } = await seeded(w)
    return (await w.measure('checkin', 'feed', { scope: 'challenge', challengeId: diet._id }, XIAOMEI)).usage
  }),
  scenario('checkin.feed.member', 'feed', async (w) => (await w.measure('checkin', 'feed', { scope: 'member', authorOpenid: DAWEI }, XIAOMEI)).usage)
]

// ---------------------------------------------------------------- every other action

export const ACTION_SCENARIOS: Scenario[] = [
  // member
  member('member.me', async (w) => (await w.measure('member', 'me', {}, XIAOMEI)).usage),
  member('member.me.firstLoginInvited', async (w) => {
    const invite = await w.call('leaderboard', 'myInvite', {}, XIAOMEI)
    return (await w.measure('member', 'me', { inviteCode: invite.code }, newMember('invited'))).usage
  }),
  member('member.updateProfile', async (w) => (await w.measure('member', 'updateProfile', { nickname: '小美美' }, XIAOMEI)).usage),
  member('member.markProfilePrompted', async (w) => (await w.measure('member', 'markProfilePrompted', {}, newMember('prompted'))).usage),
  member('member.community', async (w) => (await w.measure('member', 'community', {}, XIAOMEI)).usage),
  host('member.updateCommunity', async (w) => (await w.measure('member', 'updateCommunity', { name: '林教练燃脂俱乐部' }, HOST)).usage),
  member('member.subscribeTemplates', async (w) => (await w.measure('member', 'subscribeTemplates', {}, XIAOMEI)).usage),
  member('member.recordSubscribeGrants', async (w) => {
    await w.call('member', 'recordSubscribeGrants', { requestId: 'budget-grant-0', accepted: ['eventReminder'] }, XIAOMEI)
    return (await w.measure('member', 'recordSubscribeGrants', { requestId: 'budget-grant-1', accepted: ['eventReminder', 'eventCancelled', 'waitlistPromoted'] }, XIAOMEI)).usage
  }),
  member('member.challengeReminder', async (w) => {
    const { diet } = await seeded(w)
    return (await w.measure('member', 'challengeReminder', { challengeId: diet._id }, XIAOMEI)).usage
  }),
  member('member.setChallengeReminder', async (w) => {
    const { diet } = await seeded(w)
    return (await w.measure('member', 'setChallengeReminder', { challengeId: diet._id, daily: true, streak: true, hour: 7 }, XIAOMEI)).usage
  }),

  // checkin, members
  member('checkin.listChallenges', async (w) => (await w.measure('checkin', 'listChallenges', { phase: 'running' }, XIAOMEI)).usage),
  member('checkin.getChallenge', async (w) => (await w.measure('checkin', 'getChallenge', { challengeId: (await seeded(w)).diet._id }, XIAOMEI)).usage),
  member('checkin.joinChallenge', async (w) => {
    const openid = newMember('join')
    await w.call('member', 'me', {}, openid)
    return (await w.measure('checkin', 'joinChallenge', { challengeId: (await seeded(w)).early._id }, openid)).usage
  }),
  member('checkin.getCheckin', async (w) => (await w.measure('checkin', 'getCheckin', { checkinId: (await seeded(w)).xiaomeiCheckin._id }, DAWEI)).usage),
  // A member who has not paid opens a shared card: the analytics touch (a read and an insert) rides on the view.
  member('checkin.getCheckin.touch', async (w) => {
    const viewer = newMember('viewer')
    await w.call('member', 'me', {}, viewer)
    return (await w.measure('checkin', 'getCheckin', { checkinId: (await seeded(w)).xiaomeiCheckin._id, via: 'share' }, viewer)).usage
  }),
  member('checkin.toggleLike', async (w) => {
    const openid = newMember('fan')
    await w.call('member', 'me', {}, openid)
    return (await w.measure('checkin', 'toggleLike', { checkinId: (await seeded(w)).xiaomeiCheckin._id }, openid)).usage
  }),
  member('checkin.addComment', async (w) => (await w.measure('checkin', 'addComment', { checkinId: (await seeded(w)).xiaomeiCheckin._id, text: '太棒了，一起加油！' }, DAWEI)).usage),
  member('checkin.addComment.reply', async (w) => {
    const checkinId = (await seeded(w)).xiaomeiCheckin._id
    const top = await w.call('checkin', 'addComment', { checkinId, text: '请问晚饭吃什么？' }, DAWEI)
    return (await w.measure('checkin', 'addComment', { checkinId, text: '鸡胸肉和青菜', parentId: top.id }, XIAOMEI)).usage
  }),
  member('checkin.deleteComment', async (w) => {
    const comment = await w.call('checkin', 'addComment', { checkinId: (await seeded(w)).xiaomeiCheckin._id, text: '发错了' }, DAWEI)
    return (await w.measure('checkin', 'deleteComment', { commentId: comment.id }, DAWEI)).usage
  }),
  member('checkin.listComments', async (w) => (await w.measure('checkin', 'listComments', { checkinId: (await seeded(w)).xiaomeiCheckin._id }, DAWEI)).usage),
  member('checkin.report', async (w) => (await w.measure('checkin', 'report', { targetType: 'checkin', targetId: (await seeded(w)).xiaomeiCheckin._id, reason: '广告' }, DAWEI)).usage),

  // checkin, host
  host('challenges.createChallenge', async (w) => (await w.measure('challenges', 'createChallenge', newChallenge(w), HOST)).usage),
  host('challenges.updateChallenge', async (w) => (await w.measure('challenges', 'updateChallenge', { challengeId: (await seeded(w)).diet._id, title: '21 天减脂打卡·第二期' }, HOST)).usage),
  host('challenges.archiveChallenge', async (w) => (await w.measure('challenges', 'archiveChallenge', { challengeId: (await seeded(w)).early._id }, HOST)).usage),
  host('challenges.featureCheckin', async (w) => {
    const checkin = await w.doc<{ _id: string }>('checkins', { status: 'visible', featured: false })
    return (await w.measure('challenges', 'featureCheckin', { checkinId: checkin._id, featured: true }, HOST)).usage
  }),
  host('challenges.hideCheckin', async (w) => (await w.measure('challenges', 'hideCheckin', { checkinId: (await seeded(w)).xiaomeiCheckin._id, hidden: true }, HOST)).usage),
  host('challenges.hideComment', async (w) => {
    const comment = await w.doc<{ _id: string }>('comments', {})
    return (await w.measure('challenges', 'hideComment', { commentId: comment._id }, HOST)).usage
  }),
  host('challenges.moderationQueue', async (w) => {
    const { xiaomeiCheckin } = await seeded(w)
    for (const reporter of [DAWEI, AJIE]) await w.call('checkin', 'report', { targetType: 'checkin', targetId: xiaomeiCheckin._id, reason: '广告' }, reporter)
    return (await w.measure('challenges', 'moderationQueue', {}, HOST)).usage
  }),
  host('challenges.resolveReport', async (w) => {
    const { xiaomeiCheckin } = await seeded(w)
    await w.call('checkin', 'report', { targetType: 'checkin', targetId: xiaomeiCheckin._id, reason: '广告' }, DAWEI)
    const queue = await w.call('challenges', 'moderationQueue', {}, HOST)
    return (await w.measure('challenges', 'resolveReport', { reportId: queue.items[0].id, resolution: 'hide' }, HOST)).usage
  }),
  // A check-in the photo integrity job held (another member's photo): the host rejects it.
  host('challenges.resolveReport.integrityHeld', async (w) => {
    const { diet } = await seeded(w)
    const photo = jpeg(scene(7), 85)
    for (const openid of [await joined(w, diet._id), await joined(w, diet._id)]) {
      const fileId = (await w.runtime.files.save(openid, photo, 'image/jpeg')).fileId
      await w.call('checkin', 'postCheckin', { challengeId: diet._id, text: TEXT, photoFileIds: [fileId] }, openid)
      // The seeded wall's photos wait too: run the job until nothing is left.
      for (let run = 0; run < 20; run++) if ((await w.call('photoCheck', 'run', { jobs: ['checkPhotoIntegrity'] }, HOST)).jobs[0].counts.checkins === 0) break
    }
    const queue = await w.call('challenges', 'moderationQueue', {}, HOST)
    const held = queue.items.find((r) => r.matches && r.matches.length > 0)!
    return (await w.measure('challenges', 'resolveReport', { reportId: held.id, resolution: 'hide' }, HOST)).usage
  }),
  // 点评 不合格 (the heavier grade: the day leaves the progress, the points go back) on a challenge with host review.
  host('challenges.reviewCheckin', async (w) => {
    const challenge = await w.call('challenges', 'createChallenge', { ...newChallenge(w), hostReview: true }, HOST)
    const openid = await joined(w, challenge.id)
    const { checkin } = await post(w, openid, challenge.id)
    return (await w.measure('challenges', 'reviewCheckin', { checkinId: checkin.id, grade: 'fail', comment: '照片看不出完成了训练' }, HOST)).usage
  }),

  // growth, members
  member('growth.summary', async (w) => (await w.measure('growth', 'summary', {}, XIAOMEI)).usage),
  member('growth.ledger', async (w) => (await w.measure('growth', 'ledger', {}, XIAOMEI)).usage),
  member('growth.acknowledgeCelebration', async (w) => (await w.measure('growth', 'acknowledgeCelebration', {}, XIAOMEI)).usage),
  member('growth.mallItems', async (w) => (await w.measure('growth', 'mallItems', {}, XIAOMEI)).usage),
  member('growth.redeem', async (w) => {
    await grantPoints(w, XIAOMEI, 100)
    return (await w.measure('growth', 'redeem', { itemId: (await seeded(w)).makeupCard._id, requestId: 'redeem-budget-0001' }, XIAOMEI)).usage
  }),
  member('growth.redeem.physical', async (w) => {
    await grantPoints(w, XIAOMEI, 400)
    const address = { name: '小美', phone: '13800000000', address: '上海市徐汇区龙腾大道 1 号' }
    return (await w.measure('growth', 'redeem', { itemId: (await seeded(w)).physical._id, requestId: 'redeem-budget-0002', address }, XIAOMEI)).usage
  }),
  member('growth.myRedemptions', async (w) => {
    await grantPoints(w, XIAOMEI, 100)
    await w.call('growth', 'redeem', { itemId: (await seeded(w)).makeupCard._id, requestId: 'redeem-budget-0003' }, XIAOMEI)
    return (await w.measure('growth', 'myRedemptions', {}, XIAOMEI)).usage
  }),

  // growth, host
  host('growth.settings', async (w) => (await w.measure('growth', 'settings', {}, HOST)).usage),
  host('growth.updateSettings', async (w) => (await w.measure('growth', 'updateSettings', { pointsExpireMonths: 24 }, HOST)).usage),
  host('growth.adjustPoints', async (w) => (await w.measure('growth', 'adjustPoints', { memberOpenid: DAWEI, points: 20, reason: '线下活动奖励', requestId: 'adj-budget-0001' }, HOST)).usage),
  host(
    'growth.createMallItem',
    async (w) =>
      (
        await w.measure(
          'growth',
          'createMallItem',
          {
            name: '运动毛巾',
            description: '速干',
            imageFileId: '',
            kind: 'physical',
            pricePoints: 100,
            stock: 50,
            minTierLevel: 1,
            perMemberLimit: 1
          },
          HOST
        )
      ).usage
  ),
  host('growth.updateMallItem', async (w) => (await w.measure('growth', 'updateMallItem', { itemId: (await seeded(w)).physical._id, stock: 30 }, HOST)).usage),
  host('growth.listRedemptions', async (w) => (await w.measure('growth', 'listRedemptions', { status: 'awaitingShipment' }, HOST)).usage),
  host('growth.shipRedemption', async (w) => {
    await grantPoints(w, LILY, 400)
    const address = { name: 'Lily', phone: '13900000000', address: '上海市静安区南京西路 1 号' }
    const redemption = await w.call('growth', 'redeem', { itemId: (await seeded(w)).physical._id, requestId: 'redeem-budget-0004', address }, LILY)
    return (await w.measure('growth', 'shipRedemption', { redemptionId: redemption.id, trackingNo: 'SF1234567890' }, HOST)).usage
  }),
  host('growth.segments', async (w) => (await w.measure('growth', 'segments', {}, HOST)).usage),

  // membership, members
  member('membership.listCircles', async (w) => (await w.measure('membership', 'listCircles', {}, XIAOMEI)).usage),
  member('membership.getCircle', async (w) => (await w.measure('membership', 'getCircle', { circleId: (await seeded(w)).camp._id }, XIAOMEI)).usage),
  member('membership.joinFree', async (w) => (await w.measure('membership', 'joinFree', { circleId: (await seeded(w)).runners._id, answers: ['每周三次'] }, XIAOMEI)).usage),
  member('membership.startTrial', async (w) => (await w.measure('membership', 'startTrial', { circleId: (await seeded(w)).breakfast._id }, XIAOMEI)).usage),
  member('membership.createOrder', async (w) => {
    const { camp } = await seeded(w)
    return (await w.measure('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id }, XIAOMEI)).usage
  }),
  member('membership.createOrder.withCoupon', async (w) => {
    const { camp, amountOff } = await seeded(w)
    const coupon = await w.call('rewards', 'claimCoupon', { campaignId: amountOff._id }, XIAOMEI)
    return (await w.measure('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id, couponId: coupon.id }, XIAOMEI)).usage
  }),
  member('membership.getOrder', async (w) => {
    const { camp } = await seeded(w)
    const { order } = await w.call('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id }, XIAOMEI)
    return (await w.measure('membership', 'getOrder', { orderId: order.id }, XIAOMEI)).usage
  }),
  member('membership.myOrders', async (w) => {
    await paidOrder(w, XIAOMEI)
    return (await w.measure('membership', 'myOrders', {}, XIAOMEI)).usage
  }),
  member('membership.myMemberships', async (w) => {
    await paidOrder(w, XIAOMEI)
    return (await w.measure('membership', 'myMemberships', {}, XIAOMEI)).usage
  }),
  member('membership.createOrder.resumed', async (w) => {
    // Back from the pay page, 立即支付 again: the open order answered again.
    const { camp } = await seeded(w)
    await w.call('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id }, XIAOMEI)
    return (await w.measure('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id }, XIAOMEI)).usage
  }),
  member('membership.createOrder.replaced', async (w) => {
    // The open order replaced with a coupon: closed at the provider and here first.
    const { camp, amountOff } = await seeded(w)
    await w.call('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id }, XIAOMEI)
    const coupon = await w.call('rewards', 'claimCoupon', { campaignId: amountOff._id }, XIAOMEI)
    return (await w.measure('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id, couponId: coupon.id }, XIAOMEI)).usage
  }),
  member('membership.cancelOrder', async (w) => {
    const { camp } = await seeded(w)
    const { order } = await w.call('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id }, XIAOMEI)
    return (await w.measure('membership', 'cancelOrder', { orderId: order.id }, XIAOMEI)).usage
  }),
  member('membership.requestRefund', async (w) => {
    const orderId = await paidOrder(w, XIAOMEI)
    return (await w.measure('membership', 'requestRefund', { orderId }, XIAOMEI)).usage
  }),

  // payNotify: the paid membership order's payment notify, through the sandbox
  scenario('payNotify.notify.membership', 'member', async (w) => {
    const { camp } = await seeded(w)
    const { order } = await w.call('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id }, XIAOMEI)
    const notify = await w.runtime.payments.pay(order.id)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  }),
  scenario('payNotify.notify.secondPayment', 'member', async (w) => {
    // A member's second payment (the first-payment fact already exists).
    await paidOrder(w, XIAOMEI)
    const { camp } = await seeded(w)
    const { order } = await w.call('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[1].id }, XIAOMEI)
    const notify = await w.runtime.payments.pay(order.id)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  }),

  // membership, host
  host('membership.createCircle', async (w) => (await w.measure('membership', 'createCircle', circleInput(), HOST)).usage),
  host('membership.updateCircle', async (w) => (await w.measure('membership', 'updateCircle', { circleId: (await seeded(w)).camp._id, name: '减脂私教营·冬季' }, HOST)).usage),
  host('membership.archiveCircle', async (w) => (await w.measure('membership', 'archiveCircle', { circleId: (await seeded(w)).breakfast._id }, HOST)).usage),
  host('membership.listOrders', async (w) => {
    await paidOrder(w, XIAOMEI)
    return (await w.measure('membership', 'listOrders', { kind: 'membership' }, HOST)).usage
  }),
  host('membership.refundOrder', async (w) => {
    const orderId = await paidOrder(w, DAWEI)
    return (await w.measure('membership', 'refundOrder', { orderId, amountFen: 1000, requestId: 'refund-budget-01', reason: '协商退款' }, HOST)).usage
  }),
  host('membership.refundOrder.cancelSignup', async (w) => {
    // 退款并取消报名: a paid seat refunded and freed, the waitlist moved up.
    const { hike } = await seeded(w)
    const opener = newMember('seat')
    await w.call('events', 'signup', { eventId: hike._id }, opener)
    const { orderId } = (await w.runtime.store.collection<{ _id: string; orderId: string }>('signups').get(`${hike._id}:${opener}`))!
    const notify = await w.runtime.payments.pay(orderId)
    await payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false })
    return (await w.measure('membership', 'refundOrder', { orderId, amountFen: 1000, requestId: 'refund-seat-01', reason: '无法参加', cancelSignup: true }, HOST)).usage
  }),
  host('membership.flaggedPayments', async (w) => (await w.measure('membership', 'flaggedPayments', {}, HOST)).usage),

  // events, members
  member('events.listEvents', async (w) => (await w.measure('events', 'listEvents', { when: 'upcoming' }, XIAOMEI)).usage),
  member('events.listEvents.past', async (w) => (await w.measure('events', 'listEvents', { when: 'past' }, XIAOMEI)).usage),
  member('events.getEvent', async (w) => (await w.measure('events', 'getEvent', { eventId: (await seeded(w)).hike._id }, XIAOMEI)).usage),
  member('events.signup', async (w) => (await w.measure('events', 'signup', { eventId: (await seeded(w)).online._id }, AJIE)).usage),
  member('events.signup.paid', async (w) => (await w.measure('events', 'signup', { eventId: (await seeded(w)).hike._id }, AJIE)).usage),
  member('events.paySeat', async (w) => {
    const { hike } = await seeded(w)
    await w.call('events', 'signup', { eventId: hike._id }, AJIE)
    return (await w.measure('events', 'paySeat', { eventId: hike._id }, AJIE)).usage
  }),
  member('events.cancelSignup', async (w) => (await w.measure('events', 'cancelSignup', { eventId: (await seeded(w)).hike._id }, XIAOMEI)).usage),
  member('events.myTickets', async (w) => (await w.measure('events', 'myTickets', {}, XIAOMEI)).usage),

  // events, host
  host('events.createEvent', async (w) => (await w.measure('events', 'createEvent', futureEvent(w), HOST)).usage),
  host('events.updateEvent', async (w) => (await w.measure('events', 'updateEvent', { eventId: (await seeded(w)).hike._id, capacity: 30 }, HOST)).usage),
  scenario('events.cancelEvent', 'batch', async (w) => (await w.measure('events', 'cancelEvent', { eventId: (await seeded(w)).hike._id }, HOST)).usage),
  host('events.attendees', async (w) => (await w.measure('events', 'attendees', { eventId: (await seeded(w)).hike._id }, HOST)).usage),
  host('events.exportAttendees', async (w) => (await w.measure('events', 'exportAttendees', { eventId: (await seeded(w)).hike._id }, HOST)).usage),
  host('events.checkInTicket', async (w) => {
    const { hike } = await seeded(w)
    const view = await w.call('events', 'getEvent', { eventId: hike._id }, XIAOMEI)
    if (!view.mySignup?.ticketCode) throw new Error('小美 has no ticket for the hike')
    w.clock.set(view.checkinOpensAt) // the door opens
    return (await w.measure('events', 'checkInTicket', { eventId: hike._id, ticketCode: view.mySignup.ticketCode }, HOST)).usage
  }),
  // Typed at the door: the short code, for a paid hike whose fee is refunded on attendance.
  host('events.checkInTicket.shortCode', async (w) => {
    const { hike } = await seeded(w)
    const view = await w.call('events', 'getEvent', { eventId: hike._id }, XIAOMEI)
    if (!view.mySignup?.shortCode) throw new Error('小美 has no short code for the hike')
    w.clock.set(view.startAt)
    return (await w.measure('events', 'checkInTicket', { eventId: hike._id, ticketCode: view.mySignup.shortCode.toLowerCase() }, HOST)).usage
  }),
  host('events.checkInAttendee', async (w) => {
    const { hike } = await seeded(w)
    const view = await w.call('events', 'getEvent', { eventId: hike._id }, DAWEI)
    if (view.mySignup?.status !== 'confirmed') throw new Error('大伟 has no confirmed seat in the hike')
    w.clock.set(view.startAt)
    return (await w.measure('events', 'checkInAttendee', { eventId: hike._id, signupId: view.mySignup.id }, HOST)).usage
  }),

  // leaderboard
  member('leaderboard.board', async (w) => (await w.measure('leaderboard', 'board', { kind: 'pointsWeek' }, XIAOMEI)).usage),
  member('leaderboard.board.month', async (w) => (await w.measure('leaderboard', 'board', { kind: 'pointsMonth' }, XIAOMEI)).usage),
  member('leaderboard.board.all', async (w) => (await w.measure('leaderboard', 'board', { kind: 'pointsAll' }, XIAOMEI)).usage),
  member('leaderboard.board.newcomers', async (w) => (await w.measure('leaderboard', 'board', { kind: 'pointsWeek', newcomers: true }, XIAOMEI)).usage),
  member('leaderboard.board.previousWeek', async (w) => (await w.measure('leaderboard', 'board', { kind: 'pointsWeek', period: 'previous' }, XIAOMEI)).usage),
  member('leaderboard.board.challengeCheckins', async (w) => (await w.measure('leaderboard', 'board', { kind: 'challengeCheckins', challengeId: (await seeded(w)).diet._id }, XIAOMEI)).usage),
  member('leaderboard.board.challengeStreak', async (w) => (await w.measure('leaderboard', 'board', { kind: 'challengeStreak', challengeId: (await seeded(w)).diet._id }, XIAOMEI)).usage),
  member('leaderboard.board.contest', async (w) => (await w.measure('leaderboard', 'board', { kind: 'contestInvites', contestId: (await seeded(w)).contest._id }, XIAOMEI)).usage),
  member('leaderboard.myInvite', async (w) => (await w.measure('leaderboard', 'myInvite', {}, XIAOMEI)).usage),
  member('leaderboard.myInvitees', async (w) => {
    const invite = await w.call('leaderboard', 'myInvite', {}, XIAOMEI)
    await w.call('member', 'me', { inviteCode: invite.code }, newMember('invited'))
    return (await w.measure('leaderboard', 'myInvitees', {}, XIAOMEI)).usage
  }),
  member('leaderboard.contests', async (w) => (await w.measure('leaderboard', 'contests', {}, XIAOMEI)).usage),
  host(
    'leaderboard.createContest',
    async (w) =>
      (
        await w.measure(
          'leaderboard',
          'createContest',
          {
            title: '12 月邀请赛',
            startAt: w.now() + 8 * DAY,
            endAt: w.now() + 38 * DAY,
            prizes: [
              { points: 500, couponCampaignId: null },
              { points: 300, couponCampaignId: null },
              { points: 100, couponCampaignId: null }
            ]
          },
          HOST
        )
      ).usage
  ),
  host('leaderboard.updateContest', async (w) => {
    const contest = await upcomingContest(w)
    return (await w.measure('leaderboard', 'updateContest', { ...contest, title: '下月邀请赛（改）' }, HOST)).usage
  }),
  host('leaderboard.cancelContest', async (w) => {
    const { contestId } = await upcomingContest(w)
    return (await w.measure('leaderboard', 'cancelContest', { contestId }, HOST)).usage
  }),
  host('leaderboard.setBoardRewards', async (w) => (await w.measure('leaderboard', 'setBoardRewards', { weekly: [100, 60, 30], monthly: [300, 200, 100] }, HOST)).usage),

  // rewards
  member('rewards.campaigns', async (w) => (await w.measure('rewards', 'campaigns', {}, XIAOMEI)).usage),
  member('rewards.claimCoupon', async (w) => (await w.measure('rewards', 'claimCoupon', { campaignId: (await seeded(w)).amountOff._id }, XIAOMEI)).usage),
  member('rewards.myCoupons', async (w) => {
    await w.call('rewards', 'claimCoupon', { campaignId: (await seeded(w)).amountOff._id }, XIAOMEI)
    return (await w.measure('rewards', 'myCoupons', { usableFor: 'membership' }, XIAOMEI)).usage
  }),
  host(
    'rewards.createCampaign',
    async (w) =>
      (
        await w.measure(
          'rewards',
          'createCampaign',
          {
            name: '周末立减 10 元',
            kind: 'amountOff',
            amountOffFen: 1000,
            percentOff: 0,
            minSpendFen: 3000,
            validFrom: w.now(),
            validTo: w.now() + 30 * DAY,
            appliesTo: ['membership', 'event'],
            stock: 100
          },
          HOST
        )
      ).usage
  ),

  host('rewards.hostCampaigns', async (w) => (await w.measure('rewards', 'hostCampaigns', {}, HOST)).usage),
  host('rewards.updateCampaign', async (w) => (await w.measure('rewards', 'updateCampaign', { campaignId: (await seeded(w)).amountOff._id, name: '新人立减 30 元', stock: 500 }, HOST)).usage),
  host('rewards.stopCampaign', async (w) => (await w.measure('rewards', 'stopCampaign', { campaignId: (await seeded(w)).amountOff._id }, HOST)).usage),

  // host: exports
  host('host.startExport', async (w) => (await w.measure('host', 'startExport', { kind: 'orders' }, HOST)).usage),
  host('host.exports', async (w) => {
    await w.call('host', 'startExport', { kind: 'members' }, HOST)
    await w.call('insights', 'run', { jobs: ['writeExports'] }, HOST)
    await w.call('host', 'startExport', { kind: 'points' }, HOST)
    return (await w.measure('host', 'exports', {}, HOST)).usage
  }),

  // host: analytics (reports precomputed by cron; the check-ins that brought first payments)
  host('marketing.analytics', async (w) => {
    await w.call('insights', 'run', { jobs: ['refreshAnalytics'] }, HOST)
    return (await w.measure('marketing', 'analytics', { period: 30 }, HOST)).usage
  }),
  host('marketing.topConverting', async (w) => {
    await converted(w, 5)
    await w.call('insights', 'run', { jobs: ['attributeConversions'] }, HOST)
    return (await w.measure('marketing', 'topConverting', {}, HOST)).usage
  }),

  // host: the team
  host('host.team', async (w) => {
    await w.call('host', 'createStaffInvite', { role: 'moderator' }, HOST)
    return (await w.measure('host', 'team', {}, HOST)).usage
  }),
  host('host.createStaffInvite', async (w) => (await w.measure('host', 'createStaffInvite', { role: 'admin' }, HOST)).usage),
  host('host.revokeStaffInvite', async (w) => {
    const invite = await w.call('host', 'createStaffInvite', { role: 'admin' }, HOST)
    return (await w.measure('host', 'revokeStaffInvite', { token: invite.token }, HOST)).usage
  }),
  host('host.removeStaff', async (w) => {
    const invite = await w.call('host', 'createStaffInvite', { role: 'moderator' }, HOST)
    await w.call('host', 'acceptStaffInvite', { token: invite.token }, XIAOMEI)
    return (await w.measure('host', 'removeStaff', { memberId: XIAOMEI }, HOST)).usage
  }),
  member('host.previewStaffInvite', async (w) => {
    const invite = await w.call('host', 'createStaffInvite', { role: 'moderator' }, HOST)
    return (await w.measure('host', 'previewStaffInvite', { token: invite.token }, XIAOMEI)).usage
  }),
  member('host.acceptStaffInvite', async (w) => {
    const invite = await w.call('host', 'createStaffInvite', { role: 'moderator' }, HOST)
    return (await w.measure('host', 'acceptStaffInvite', { token: invite.token }, XIAOMEI)).usage
  }),
  // host: the console's numbers (precomputed by cron; held to 10 requests by test/console/aggregates.test.ts)
  host('host.dashboard', async (w) => {
    await w.call('insights', 'run', { jobs: ['refreshDailyStats'] }, HOST)
    return (await w.measure('host', 'dashboard', {}, HOST)).usage
  }),

  // host: the member CRM
  host('host.members', async (w) => (await w.measure('host', 'members', {}, HOST)).usage),
  host('host.members.silentSearch', async (w) => (await w.measure('host', 'members', { segment: 'silent', q: '小', active: 'over30d' }, HOST)).usage),
  host('host.members.tagAndCircle', async (w) => {
    const tag = await w.call('host', 'createTag', { name: '高意向', color: 'orange' }, HOST)
    await w.call('host', 'tagMembers', { memberIds: [XIAOMEI, DAWEI], tagId: tag.id, op: 'add' }, HOST)
    return (await w.measure('host', 'members', { tagId: tag.id, circleId: (await seeded(w)).camp._id, tier: 1 }, HOST)).usage
  }),
  host('host.memberDetail', async (w) => {
    await paidOrder(w, XIAOMEI)
    await w.call('host', 'addMemberNote', { memberId: XIAOMEI, text: '老朋友' }, HOST)
    return (await w.measure('host', 'memberDetail', { memberId: XIAOMEI }, HOST)).usage
  }),
  host('host.tags', async (w) => (await w.measure('host', 'tags', {}, HOST)).usage),
  host('host.createTag', async (w) => (await w.measure('host', 'createTag', { name: '高意向', color: 'orange' }, HOST)).usage),
  host('host.updateTag', async (w) => {
    const tag = await w.call('host', 'createTag', { name: '高意向', color: 'orange' }, HOST)
    return (await w.measure('host', 'updateTag', { tagId: tag.id, name: '老朋友', color: 'blue' }, HOST)).usage
  }),
  host('host.deleteTag', async (w) => {
    const tag = await w.call('host', 'createTag', { name: '高意向', color: 'orange' }, HOST)
    return (await w.measure('host', 'deleteTag', { tagId: tag.id }, HOST)).usage
  }),
  scenario('host.tagMembers', 'batch', async (w) => {
    const tag = await w.call('host', 'createTag', { name: '高意向', color: 'orange' }, HOST)
    return (await w.measure('host', 'tagMembers', { memberIds: [XIAOMEI, DAWEI, AJIE, LILY], tagId: tag.id, op: 'add' }, HOST)).usage
  }),
  host('host.addMemberNote', async (w) => (await w.measure('host', 'addMemberNote', { memberId: XIAOMEI, text: '线下活动认识' }, HOST)).usage),
  host('host.setMemberSegment', async (w) => (await w.measure('host', 'setMemberSegment', { memberId: XIAOMEI, segment: 'core' }, HOST)).usage),
  host('host.removeFromCircle', async (w) => {
    await paidOrder(w, XIAOMEI)
    return (await w.measure('host', 'removeFromCircle', { memberId: XIAOMEI, circleId: (await seeded(w)).camp._id, block: true, refund: 'full' }, HOST)).usage
  }),
  host('host.joinApplications', async (w) => (await w.measure('host', 'joinApplications', {}, HOST)).usage),
  host('host.reviewJoin', async (w) => {
    const circle = await w.call(
      'membership',
      'createCircle',
      { name: '审核圈', description: '', coverFileId: '', kind: 'free', trialDays: 7, joinQuestions: ['为什么加入？'], plans: [], fullRefundDays: 0, refundAfter: 'none', reviewRequired: true },
      HOST
    )
    await w.call('membership', 'joinFree', { circleId: circle.id, answers: ['想学习'] }, XIAOMEI)
    return (await w.measure('host', 'reviewJoin', { applicationId: `${circle.id}:${XIAOMEI}`, decision: 'approve' }, HOST)).usage
  }),

  // the message centre, recall campaigns and automations (recall-scenarios.ts)
  ...RECALL_SCENARIOS,
  ...COMPLETION_SCENARIOS,

  // a circle's posts and announcements (post-scenarios.ts)
  ...POST_SCENARIOS,

  // Q&A in a circle (question-scenarios.ts)
  ...QUESTION_SCENARIOS,
  ...FLASH_SALE_SCENARIOS,
  ...GROUP_BUY_SCENARIOS,
  ...HELP_SCENARIOS,
  ...GIFT_SCENARIOS,
  ...BARGAIN_SCENARIOS,
  ...DEPOSIT_SCENARIOS,

  // each timer function, by hand: the host's "run now" (every job of it) on the seeded community
  ...TIMER_FUNCTION_NAMES.map((fn) => scenario(`${fn}.run`, 'cron', async (w) => (await w.measure(fn, 'run', {}, HOST)).usage))
]

// ---------------------------------------------------------------- cron jobs

/** What makes work for each job, through real actions (not counted). */
const BACKLOG: Record<string, (w: World) => Promise<void>> = {
  ...RECALL_BACKLOG,
  ...QUESTION_BACKLOG,
  ...GROUP_BUY_BACKLOG,
  ...GIFT_BACKLOG,
  ...DEPOSIT_BACKLOG,
  ...COMPLETION_BACKLOG,
  async attributeConversions(w) {
    // 30 new members each read two check-ins, then paid for the camp.
    await converted(w, 30)
  },
  async refreshAnalytics(w) {
    // The seeded community plus 40 members who joined, checked in and paid: a full walk of every source.
    const { diet } = await seeded(w)
    for (let i = 0; i < 40; i++) await post(w, await joined(w, diet._id), diet._id)
    await converted(w, 10)
  },
  async checkPhotoIntegrity(w) {
    // Twelve members post a photo each, the last four copies of the first ones (held), all waiting for the job.
    const { diet } = await seeded(w)
    for (let i = 0; i < 12; i++) {
      const openid = await joined(w, diet._id)
      const fileId = (await w.runtime.files.save(openid, jpeg(scene(i < 8 ? 300 + i : 300 + i - 8), 80), 'image/jpeg')).fileId
      await w.call('checkin', 'postCheckin', { challengeId: diet._id, text: TEXT, photoFileIds: [fileId] }, openid)
    }
  },
  async applyFacts(w) {
    // Comments and features make facts for the authors, applied by cron.
    const checkins = await w.docs<{ _id: string; openid: string }>('checkins', { status: 'visible' })
    for (const [i, checkin] of checkins.slice(0, 12).entries()) {
      const commenter = [XIAOMEI, DAWEI, AJIE, LILY].find((o) => o !== checkin.openid)!
      await w.call('checkin', 'addComment', { checkinId: checkin._id, text: `第 ${i + 1} 条：加油！` }, commenter)
      await w.call('challenges', 'featureCheckin', { checkinId: checkin._id, featured: true }, HOST)
    }
  },
  async refreshDailyStats(w) {
    // A morning on the wall: 60 members check in, a dozen comments and likes, five payments (the payers' day too).
    const { diet } = await seeded(w)
    const posted: string[] = []
    for (let i = 0; i < 60; i++) {
      const openid = await joined(w, diet._id)
      posted.push((await post(w, openid, diet._id)).checkin.id)
    }
    for (const [i, checkinId] of posted.slice(0, 12).entries()) {
      await w.call('checkin', 'addComment', { checkinId, text: `第 ${i + 1} 条：加油！` }, XIAOMEI)
      await w.call('checkin', 'toggleLike', { checkinId }, DAWEI)
    }
    for (let i = 0; i < 5; i++) await paidOrder(w, newMember('stats'))
    w.clock.advance(3 * 60_000)
  },
  async expirePoints(w) {
    // Every seeded grant expires after 12 months.
    w.advanceDays(370)
  },
  async refreshSegments(w) {
    w.advanceDays(1)
  },
  async closeUnpaidOrders(w) {
    // Unpaid orders of both kinds: plans, and event seats whose holds lapse with them (the seats back to the waitlist).
    const { camp, hike } = await seeded(w)
    for (let i = 0; i < 10; i++) await w.call('membership', 'createOrder', { circleId: camp._id, planId: camp.plans[0].id }, newMember('order'))
    for (let i = 0; i < 10; i++) await w.call('events', 'signup', { eventId: hike._id }, newMember('hold'))
    w.clock.advance(31 * 60_000)
  },
  async reconcileRefunds(w) {
    // Ten refunds whose provider call timed out after WeChat took them: still processing a minute later.
    const refund = w.runtime.payments.refund.bind(w.runtime.payments)
    w.runtime.payments.refund = async (request) => {
      await refund(request)
      throw new Error('WeChat Pay 0 TIMEOUT')
    }
    for (let i = 0; i < 10; i++) {
      const orderId = await paidOrder(w, newMember('refund'))
      await w.call('membership', 'refundOrder', { orderId, amountFen: 1000, requestId: `budget-${i}0000`, reason: '协商退款' }, HOST)
    }
    w.runtime.payments.refund = refund
    w.clock.advance(2 * 60_000)
  },
  async remindMembershipEnds(w) {
    const { breakfast } = await seeded(w)
    for (let i = 0; i < 10; i++) await w.call('membership', 'startTrial', { circleId: breakfast._id }, newMember('trial'))
    w.advanceDays(5)
  },
  async remindEvents(w) {
    const { online } = await seeded(w)
    for (let i = 0; i < 10; i++) await w.call('events', 'signup', { eventId: online._id }, newMember('online'))
    w.advanceDays(1.5)
  },
  async moveBoards(w) {
    // A morning rush: 60 members check in, and cron has applied their facts to points; the boards are still to move.
    const { diet } = await seeded(w)
    for (let i = 0; i < 60; i++) await post(w, await joined(w, diet._id), diet._id)
    await drainPoints(w)
  },
  async settleBoards(w) {
    // Every fact on its boards, then past the end of this week and of the invite contest.
    await drainPoints(w)
    for (let run = 0; run < 20; run++) {
      const { data } = await w.measure('cron', 'run', { jobs: ['moveBoards'] }, HOST)
      if (workDone(data.jobs[0].counts) === 0) break
    }
    w.advanceDays(12)
  },
  async remindCheckins(w) {
    // 120 members of the diet challenge opted in and granted; the next morning at the window start (05:00).
    const { diet } = await seeded(w)
    for (let i = 0; i < 120; i++) await optedIn(w, await joined(w, diet._id), diet._id, i)
    w.clock.set(chinaMorning(w, 1, 5 * 60))
  },
  async remindStreaks(w) {
    // 30 members checked in two days running and opted in; the third evening at 21:00 they have not yet.
    const { diet } = await seeded(w)
    const members: string[] = []
    for (let i = 0; i < 30; i++) {
      const openid = await joined(w, diet._id)
      await post(w, openid, diet._id)
      await optedIn(w, openid, diet._id, i)
      members.push(openid)
    }
    w.advanceDays(1)
    for (const openid of members) await post(w, openid, diet._id)
    w.clock.set(chinaMorning(w, 1, 21 * 60))
  },
  async writeExports(w) {
    // Two exports waiting: the members and the orders with their refunds.
    for (let i = 0; i < 3; i++) await paidOrder(w, newMember('export'))
    await w.call('host', 'startExport', { kind: 'members' }, HOST)
    await w.call('host', 'startExport', { kind: 'orders' }, HOST)
  },
  async drainOutbox(w) {
    const { online } = await seeded(w)
    for (let i = 0; i < 10; i++) await w.call('events', 'signup', { eventId: online._id }, newMember('remind'))
    w.advanceDays(1.5)
    await w.call('cron', 'run', { jobs: ['remindEvents'] }, HOST)
  }
}

/** A contest starting next week with a coupon prize set aside (setup). */
async function upcomingContest(w: World) {
  const prizes = [
    { points: 500, couponCampaignId: (await seeded(w)).amountOff._id },
    { points: 300, couponCampaignId: null },
    { points: 100, couponCampaignId: null }
  ] as [{ points: number; couponCampaignId: string | null }, { points: number; couponCampaignId: string | null }, { points: number; couponCampaignId: string | null }]
  const input = { title: '下月邀请赛', startAt: w.now() + 7 * DAY, endAt: w.now() + 14 * DAY, prizes }
  const contest = await w.call('leaderboard', 'createContest', input, HOST)
  return { contestId: contest.id, ...input }
}

/** New members who read two visible check-ins (one from a share card) and then paid (setup). */
async function converted(w: World, count: number): Promise<void> {
  const checkins = (await w.docs<{ _id: string }>('checkins', { status: 'visible' })).slice(0, 2)
  for (let i = 0; i < count; i++) {
    const payer = newMember('payer')
    await w.call('checkin', 'getCheckin', { checkinId: checkins[0]._id, via: 'share' }, payer)
    await w.call('checkin', 'getCheckin', { checkinId: checkins[1]._id }, payer)
    await paidOrder(w, payer)
  }
}

/** Opts a member into both check-in reminders and grants both templates (setup). */
async function optedIn(w: World, openid: string, challengeId: string, i: number): Promise<void> {
  await w.call('member', 'setChallengeReminder', { challengeId, daily: true, streak: true }, openid)
  await w.call('member', 'recordSubscribeGrants', { requestId: `budget-remind-${i}-${openid.length}`, accepted: ['checkinReminder', 'streakReminder'] }, openid)
}

/** A China day `days` from the world's today, at `minute` past midnight (China time). */
function chinaMorning(w: World, days: number, minute: number): number {
  const date = new Date(w.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10)
  return Date.parse(`${date}T00:00:00+08:00`) + minute * 60_000
}

function workDone(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0)
}

/** Cron's points step until nothing is left (setup, not measured). */
async function drainPoints(w: World): Promise<void> {
  for (let run = 0; run < 50; run++) {
    const { data } = await w.measure('cron', 'run', { jobs: ['applyFacts'] }, HOST)
    if (workDone(data.jobs[0].counts) === 0) return
  }
}

export const CRON_SCENARIOS: Scenario[] = JOBS.map((job) => ({
  id: `cron.job.${job.name}`,
  fn: timerFunctionOf(job.name),
  action: job.name,
  kind: 'cron' as const,
  job: job.name,
  async run(w: World) {
    const prepare = BACKLOG[job.name]
    if (!prepare) throw new Error(`no backlog scenario for cron job ${job.name}`)
    await prepare(w)
    const { data, usage } = await w.measure(timerFunctionOf(job.name), 'run', { jobs: [job.name] }, HOST)
    const report = data.jobs[0]
    if (!report.ok) throw new Error(`cron job ${job.name} failed: ${report.error}`)
    return { ...usage, work: workDone(report.counts) }
  }
}))

export const ALL_SCENARIOS: Scenario[] = [...CHECKIN_SCENARIOS, ...FEED_SCENARIOS, ...ACTION_SCENARIOS, ...CRON_SCENARIOS]

// ---------------------------------------------------------------- running

/** Runs one scenario in a fresh world; a cron job is then run again to see it pick up where it left off. */
export async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const world = await World.open()
  const base = { id: scenario.id, fn: scenario.fn, action: scenario.action, kind: scenario.kind, limit: limitOf(scenario) }
  try {
    const usage = await scenario.run(world)
    const result: ScenarioResult = { ...base, ...usage, worldQueries: world.runtime.store.queries }
    if (scenario.job) {
      result.reruns = []
      for (let run = 0; run < 5; run++) {
        const again = await world.measure(timerFunctionOf(scenario.job), 'run', { jobs: [scenario.job] }, HOST)
        const report = again.data.jobs[0]
        if (!report.ok) throw new Error(`cron job ${scenario.job} failed when run again: ${report.error}`)
        result.reruns.push({ requests: again.usage.requests, work: workDone(report.counts) })
        if (workDone(report.counts) === 0) break
      }
    }
    return result
  } catch (error) {
    return {
      ...base,
      requests: NaN,
      transactions: NaN,
      largestTx: NaN,
      insideTx: NaN,
      byOp: {},
      queries: [],
      worldQueries: world.runtime.store.queries,
      error: error instanceof Error ? error.message : String(error)
    }
  } finally {
    await world.close()
  }
}

export async function runScenarios(scenarios: Scenario[] = ALL_SCENARIOS): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = []
  for (const scenario of scenarios) results.push(await runScenario(scenario))
  return results
}

/** One JSON line per scenario, for the lead's table. */
export function tableLine(result: ScenarioResult): string {
  return JSON.stringify({
    action: result.id,
    requests: result.requests,
    transactions: result.transactions,
    largestTx: result.largestTx,
    limit: result.limit.requests,
    ...(result.work !== undefined ? { work: result.work, requestsPerItem: result.work > 0 ? Number((result.requests / result.work).toFixed(1)) : null, reruns: result.reruns } : {}),
    ...(result.error ? { error: result.error } : {})
  })
}

export function overBudget(result: ScenarioResult): string[] {
  const problems: string[] = []
  if (result.error) return [`${result.id}: scenario failed: ${result.error}`]
  if (result.requests > result.limit.requests) problems.push(`${result.id}: ${result.requests} requests, budget ${result.limit.requests} (over by ${result.requests - result.limit.requests})`)
  if (result.limit.largestTx !== undefined && result.largestTx > result.limit.largestTx) {
    problems.push(`${result.id}: largest transaction ${result.largestTx} document operations, budget ${result.limit.largestTx}`)
  }
  return problems
}

export { formatQuery }
