// Every subscribe message the product sends, one builder per template: what
// each field says and which page the message opens, in one place. The field
// formats (thing ≤ 20 characters, time with the year, amount from fen) are
// format.ts's business; callers only say what happened.
import type { SubscribeMessage } from '../../ports/notifier'
import { subscribeMessage } from './format'

const CIRCLE_PAGE = (circleId: string) => `packages/membership/circle/index?id=${circleId}`
const EVENT_PAGE = (eventId: string) => `packages/events/detail/index?id=${eventId}`
export const CHALLENGE_PAGE = (challengeId: string) => `packages/challenge/detail/index?id=${challengeId}`

/** A member's first call: the owner's welcome (its first line, cut to a thing's length), else 欢迎加入{community}. Takes the settings, or just the name. */
export const welcomeMessage = (openid: string, community: string | { name: string; welcome?: string }, at: number): SubscribeMessage =>
  subscribeMessage({ openid, template: 'welcome', page: 'pages/me/index', data: { thing1: welcomeLine(typeof community === 'string' ? { name: community } : community), time2: at } })

function welcomeLine(community: { name: string; welcome?: string }): string {
  const first = (community.welcome ?? '').split('\n').find((line) => line.trim() !== '')
  return first ? first.trim() : `欢迎加入${community.name}`
}

/** Growth value reached a new tier. */
export const tierUpMessage = (openid: string, tier: { level: number; name: string }, at: number): SubscribeMessage =>
  subscribeMessage({ openid, template: 'tierUp', page: 'packages/growth/center/index', data: { thing1: `升级为 Lv${tier.level} ${tier.name}`, time2: at } })

/** A refund settled: what it was for (the order kind's own words and page), how much, when. */
export const refundResultMessage = (openid: string, about: { title: string; page: string }, amountFen: number, at: number): SubscribeMessage =>
  subscribeMessage({ openid, template: 'refundResult', page: about.page, data: { thing1: about.title, amount2: amountFen, time3: at } })

interface CircleRef {
  circleId: string
  circleName: string
}

/** A paid or renewed membership is active until `endsAt`. */
export const membershipActiveMessage = (openid: string, circle: CircleRef, endsAt: number): SubscribeMessage =>
  subscribeMessage({ openid, template: 'membershipActive', page: CIRCLE_PAGE(circle.circleId), data: { thing1: circle.circleName, time2: endsAt } })

/** A host reviewed the member's application to join a circle: approved, or rejected with the host's reason. */
export const joinReviewedMessage = (openid: string, circle: CircleRef, approved: boolean, reason: string | null, at: number): SubscribeMessage =>
  subscribeMessage({
    openid,
    template: 'joinReviewed',
    page: CIRCLE_PAGE(circle.circleId),
    data: { thing1: circle.circleName, phrase2: approved ? '已通过' : '未通过', thing3: approved ? '欢迎加入，快来看看吧' : reason || '暂不符合加入条件', time4: at }
  })

/** A membership ends soon. */
export const renewalReminderMessage = (openid: string, circle: CircleRef, endsAt: number): SubscribeMessage =>
  subscribeMessage({ openid, template: 'renewalReminder', page: CIRCLE_PAGE(circle.circleId), data: { thing1: circle.circleName, time2: endsAt } })

/** A membership ended. */
export const membershipExpiredMessage = (openid: string, circle: CircleRef, endedAt: number): SubscribeMessage =>
  subscribeMessage({ openid, template: 'membershipExpired', page: CIRCLE_PAGE(circle.circleId), data: { thing1: circle.circleName, time2: endedAt } })

/** Today's check-in is not done yet; the window closes at `closes`. */
export const checkinReminderMessage = (openid: string, challenge: { id: string; title: string }, closes: number): SubscribeMessage =>
  subscribeMessage({ openid, template: 'checkinReminder', page: CHALLENGE_PAGE(challenge.id), data: { thing1: challenge.title, thing2: '今天还没打卡，记得来打卡哦', time3: closes } })

/** A streak breaks tonight unless the member checks in. */
export const streakReminderMessage = (openid: string, challenge: { id: string; title: string }, streak: number, closes: number): SubscribeMessage =>
  subscribeMessage({
    openid,
    template: 'streakReminder',
    page: CHALLENGE_PAGE(challenge.id),
    data: { thing1: challenge.title, number2: streak, thing3: `已连续${streak}天，今晚打卡不断签`, time4: closes }
  })

interface EventRef {
  id: string
  title: string
  startAt: number
}

/** The host cancelled an event the member signed up for. */
export const eventCancelledMessage = (openid: string, event: EventRef): SubscribeMessage =>
  subscribeMessage({ openid, template: 'eventCancelled', page: EVENT_PAGE(event.id), data: { thing1: event.title, time2: event.startAt, thing3: '活动已取消，费用将原路退回' } })

/** A waitlisted member got a seat: held for payment (paid events) or theirs. */
export const waitlistPromotedMessage = (openid: string, event: EventRef, paid: boolean): SubscribeMessage =>
  subscribeMessage({
    openid,
    template: 'waitlistPromoted',
    page: EVENT_PAGE(event.id),
    data: { thing1: event.title, thing2: paid ? '候补成功，请在 15 分钟内完成支付' : '候补成功，已为你保留名额', time3: event.startAt }
  })

/** An event the member signed up for starts soon, here. */
export const eventReminderMessage = (openid: string, event: EventRef & { where: string }): SubscribeMessage =>
  subscribeMessage({ openid, template: 'eventReminder', page: EVENT_PAGE(event.id), data: { thing1: event.title, time2: event.startAt, thing3: event.where } })

/** A board or contest prize: the member's place, the coupon in their wallet. */
export const prizeWonMessage = (openid: string, boardTitle: string, place: number): SubscribeMessage =>
  subscribeMessage({ openid, template: 'prizeWon', page: 'packages/rewards/coupons/index', data: { thing1: `${boardTitle}第 ${place} 名`, thing2: '奖品券已放入你的卡券' } })

/** The message centre's page: where every community notice opens. */
export const INBOX_PAGE = 'packages/inbox/index/index'

/** A community notice (a recall campaign, an automation): the title and the first words of the message, as in 消息. */
export const communityNoticeMessage = (openid: string, notice: { title: string; body: string }, at: number): SubscribeMessage =>
  subscribeMessage({ openid, template: 'communityNotice', page: INBOX_PAGE, data: { thing1: notice.title, thing2: notice.body, time3: at } })
