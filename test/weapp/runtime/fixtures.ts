// What wx.cloud.callFunction answers in the runtime suite: each function's own
// envelope ({ ok, data } / { ok: false, error }) inside `result`, the data typed
// by the contract in types/ so a changed shape breaks this file, not the page.
import type { ActionName, ActionOutput, FunctionName } from '../../../types/api'
import type { ApiResult } from '../../../types/result'
import type { Challenge, CheckinView } from '../../../types/checkin'
import type { Circle, OrderView } from '../../../types/membership'
import type { Tier } from '../../../types/growth'

type Fixtures = { [F in FunctionName]?: { [A in ActionName<F>]?: (input: Record<string, unknown>) => ActionOutput<F, A> } }

const NOW = Date.UTC(2025, 4, 20, 2, 0, 0)
const author = { openid: 'o-xiaomei', nickname: '小美', avatarUrl: '', badge: '' }

export const challenge: Challenge = {
  id: 'ch1',
  title: '21天晨跑挑战',
  description: '每天早上跑步打卡',
  coverFileId: '',
  coverUrl: '',
  startDate: '2025-05-10',
  days: 21,
  endDate: '2025-05-30',
  windowStart: '05:00',
  windowEnd: '10:00',
  minTextLength: 0,
  minPhotos: 0,
  maxPhotos: 9,
  pointsPerCheckin: 5,
  streakBonuses: [],
  makeupCardsPerMember: 2,
  circleId: null,
  minTierLevel: 0,
  completionDays: 21,
  makeupsCount: true,
  phase: 'running',
  archived: false,
  participantCount: 128,
  checkinCount: 860,
  createdAt: NOW - 10 * 86400e3
}

export const checkin: CheckinView = {
  id: 'ck1',
  challengeId: 'ch1',
  challengeTitle: challenge.title,
  author,
  date: '2025-05-20',
  dayNumber: 11,
  text: '今天跑了五公里，状态很好',
  photos: [],
  location: '',
  createdAt: NOW,
  makeup: false,
  featured: true,
  status: 'visible',
  likeCount: 7,
  commentCount: 2,
  likedByMe: false,
  mine: false
}

const tiers: Tier[] = [
  { level: 1, name: '新芽', minGrowth: 0, perks: {} as Tier['perks'] },
  { level: 2, name: '常青', minGrowth: 100, perks: {} as Tier['perks'] }
]

export const circle: Circle = {
  id: 'c1',
  name: '晨跑私教圈',
  description: '教练每周点评',
  coverFileId: '',
  coverUrl: '',
  kind: 'paid',
  trialDays: 7,
  joinQuestions: [],
  plans: [{ id: 'p1', name: '月卡', days: 30, priceFen: 9900 }],
  fullRefundDays: 3,
  refundAfter: 'prorata',
  memberCount: 42,
  archived: false,
  createdAt: NOW
}

export const order: OrderView = {
  id: 'o1',
  kind: 'membership',
  eventId: null,
  circleId: 'c1',
  circleName: circle.name,
  planId: 'p1',
  planName: '月卡',
  days: 30,
  amountFen: 9900,
  listPriceFen: 9900,
  discountFen: 0,
  couponId: null,
  refundedFen: 0,
  status: 'created',
  createdAt: NOW,
  paidAt: null,
  payBefore: NOW + 15 * 60e3,
  refundableFen: 0,
  closedReason: null,
  paidAfterClose: false,
  member: { openid: 'o-xiaomei', nickname: '小美' }
} as OrderView

/** The server-signed parameters the app must hand to wx.requestPayment unchanged. */
export const payment = {
  provider: 'wechat',
  timeStamp: '1747706400',
  nonceStr: 'fixture-nonce-5K8264ILTKCH16CQ',
  package: 'prepay_id=wx20fixture',
  signType: 'RSA',
  paySign: 'fixture-signature=='
} as const

export const fixtures: Fixtures = {
  member: {
    me: () => ({ openid: 'o-xiaomei', nickname: '小美', avatarUrl: '', role: 'member', joinedAt: NOW - 30 * 86400e3, askProfile: false })
  },
  checkin: {
    feed: () => ({ items: [checkin], next: null }),
    listChallenges: () => ({ items: [challenge], next: null })
  },
  growth: {
    summary: () => ({ points: 320, growth: 150, tier: tiers[1], nextTier: null, growthToNext: 0, expiringSoon: 0, makeupCards: 1, celebrateTier: null, tiers }) as ActionOutput<'growth', 'summary'>
  },
  membership: {
    getCircle: () => ({ circle, membership: { circleId: 'c1', status: 'none', startedAt: null, endsAt: null, trialUsed: false } }),
    createOrder: () => ({ order, payment, resumed: false }),
    getOrder: () => order
  },
  leaderboard: {
    myInvite: () => ({ code: 'XM8K2Q', shareUrl: 'pages/feed/index?invite=XM8K2Q', qrImage: '', invitedCount: 3, activatedCount: 2, rewardPoints: 40, poster: null })
  }
}

/**
 * Actions whose contract is still being written by others (subscribe messages):
 * answered without the compile-time link so this file keeps compiling either way.
 */
export const untypedFixtures: Record<string, (input: Record<string, unknown>) => unknown> = {
  'member.subscribeTemplates': () => ({
    mode: 'wechat',
    templates: {
      welcome: 'TPL-welcome',
      membershipActive: 'TPL-membershipActive',
      renewalReminder: 'TPL-renewalReminder',
      eventReminder: 'TPL-eventReminder',
      waitlistPromoted: 'TPL-waitlistPromoted',
      checkinReminder: 'TPL-checkinReminder',
      streakReminder: 'TPL-streakReminder',
      prizeWon: 'TPL-prizeWon',
      eventCancelled: 'TPL-eventCancelled'
    },
    grants: {}
  }),
  'member.recordSubscribeGrants': () => ({ grants: {} })
}

/** The cloud: a fixture's data, else NOT_FOUND (pages must show an error state, not crash). */
export function answer(name: string, data: Record<string, unknown>): ApiResult<unknown> {
  const action = String(data.action)
  const typed = (fixtures as Record<string, Record<string, (input: Record<string, unknown>) => unknown> | undefined>)[name]?.[action]
  const fixture = typed ?? untypedFixtures[`${name}.${action}`]
  if (fixture) return { ok: true, data: fixture(data) }
  return { ok: false, error: { code: 'NOT_FOUND', message: `没有找到（fixture: ${name}.${action}）` } }
}
