// Checking tickets at the door: a signed ticket for this event, used once.
// Attendance is a growth fact, and returns the fee when the event says so.
import type { AttendeeView } from '../../../types/events'
import { AppError } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { chinaTime } from '../../ports/clock'
import { recordDomainEvent } from '../events/domain-events'
import { authorsOf } from '../checkin/views'
import { grant } from '../growth/ledger'
import { loadSettings } from '../growth/settings'
import { ORDERS, type OrderDoc } from '../membership/order'
import { refundKnownOrder } from '../membership/refunds'
import { SIGNUPS, loadMeetup, type MeetupDoc, type SignupDoc } from './event'
import { readTicket } from './tickets'

/** Fee returned as points: ¥1 = 10 points. */
export const POINTS_PER_YUAN = 10

export async function checkInTicket(runtime: Runtime, eventId: string, ticketCode: string, now: number): Promise<AttendeeView> {
  const claims = readTicket(ticketCode, runtime.config.ticketSecret)
  if (!claims) throw new AppError('INVALID_INPUT', '无效的票：签名不正确', 'ticketCode')
  if (claims.eventId !== eventId) throw new AppError('CONFLICT', '这张票不是本场活动的')
  const meetup = await loadMeetup(runtime, eventId)
  if (meetup.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消')
  const signups = runtime.store.collection<SignupDoc>(SIGNUPS)
  const signup = await signups.get(claims.signupId)
  if (!signup || signup.eventId !== eventId) throw new AppError('NOT_FOUND', '没有这张票对应的报名')
  if (signup.status === 'attended') throw new AppError('CONFLICT', `票已核销（${chinaTime(signup.attendedAt!).format('HH:mm')} 已签到）`)
  if (signup.status !== 'confirmed') throw new AppError('CONFLICT', '报名未确认，不能签到')
  // Used once, even when two scanners read it at the same moment.
  const used = await signups.updateIf(signup._id, { status: 'confirmed' }, { set: { status: 'attended', attendedAt: now, updatedAt: now } })
  if (!used) throw new AppError('CONFLICT', '票已核销')
  await recordDomainEvent(runtime.store, { type: 'event.attended', key: signup._id, openid: signup.openid, refId: eventId, payload: { eventTitle: meetup.title }, at: now })
  await returnFee(runtime, meetup, signup, now)
  const author = (await authorsOf(runtime, [signup.openid])).get(signup.openid)!
  return { signupId: signup._id, openid: signup.openid, nickname: author.nickname, avatarUrl: author.avatarUrl, status: 'attended', priceFen: signup.priceFen, createdAt: signup.createdAt, attendedAt: now, waitlistPosition: null }
}

async function returnFee(runtime: Runtime, meetup: MeetupDoc, signup: SignupDoc, now: number): Promise<void> {
  if (meetup.feeReturn === 'none' || signup.priceFen === 0 || !signup.orderId) return
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(signup.orderId)
  if (!order || order.status !== 'fulfilled') return
  if (meetup.feeReturn === 'refund') {
    await refundKnownOrder(runtime, order, { amountFen: order.amountFen - order.refundedFen, requestId: 'attended', reason: '到场返还报名费' })
    return
  }
  const settings = await loadSettings(runtime)
  await runtime.store.transaction((tx) => grant(tx, {
    openid: signup.openid, rule: 'refund', refId: `attendance:${signup._id}`, reason: `到场返还「${meetup.title}」报名费`,
    points: Math.round((order.amountFen / 100) * POINTS_PER_YUAN), growth: 0, dailyCap: null, expireMonths: settings.pointsExpireMonths, now
  }, settings.tiers))
}
