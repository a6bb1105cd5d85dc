// Checking in at the door — by the signed ticket, its short code, or by name
// from the attendee list — inside the event's window, each ticket used once.
// Attendance is a growth fact, and returns the fee when the event says so.
import type { AttendeeView } from '../../../types/events'
import { AppError } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { chinaTime } from '../../ports/clock'
import type { BaseDoc } from '../../ports/store'
import { recordFact, type FactWriter } from '../facts/facts'
import { MEMBERS, defaultNickname, type MemberDoc } from '../members/member'
import { grant } from '../growth/ledger'
import { loadSettings } from '../growth/settings'
import { ORDERS, type OrderDoc } from '../orders/order'
import { refundKnownOrder } from '../orders/refunds'
import { SIGNUPS, checkinOpensAt, loadEvent, type EventDoc, type SignupDoc } from './event'
import { assertShortCodeShape, normalizeShortCode, signupIdForShortCode } from './short-codes'
import { readTicket } from './tickets'

/** Fee returned as points: ¥1 = 10 points. */
export const POINTS_PER_YUAN = 10

/**
 * The door is open from the event's check-in window before the start until its
 * end. Outside it every way in is refused before anything is written.
 */
export function assertDoorOpen(event: EventDoc, now: number): void {
  if (event.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消')
  const opensAt = checkinOpensAt(event)
  if (now < opensAt) throw new AppError('CHECKIN_CLOSED', `活动未开始，${chinaTime(opensAt).format('MM-DD HH:mm')} 起可签到`)
  if (now > event.endAt) throw new AppError('CHECKIN_CLOSED', '活动已结束，不能签到')
}

/** What the scanner read or the host typed: the signed ticket (T1.…) or its 6-character short code. */
export async function checkInTicket(runtime: Runtime, eventId: string, ticketCode: string, now: number): Promise<AttendeeView> {
  const typed = ticketCode.trim()
  if (typed.startsWith('T1.')) {
    const claims = readTicket(typed, runtime.config.ticketSecret)
    if (!claims) throw new AppError('INVALID_INPUT', '无效的票：签名不正确', 'ticketCode')
    if (claims.eventId !== eventId) throw new AppError('CONFLICT', '这张票不是本场活动的')
    const event = await loadEvent(runtime, eventId)
    assertDoorOpen(event, now)
    return admit(runtime, event, claims.signupId, now)
  }
  const code = normalizeShortCode(typed)
  assertShortCodeShape(code)
  const [event, signupId] = await Promise.all([loadEvent(runtime, eventId), signupIdForShortCode(runtime, eventId, code)])
  assertDoorOpen(event, now)
  if (!signupId) throw new AppError('NOT_FOUND', '没有这个票码，请核对是否是本场活动的票')
  return admit(runtime, event, signupId, now, code)
}

/** The host checks a confirmed attendee in by name (the attendee list's 签到). */
export async function checkInAttendee(runtime: Runtime, eventId: string, signupId: string, now: number): Promise<AttendeeView> {
  const event = await loadEvent(runtime, eventId)
  assertDoorOpen(event, now)
  return admit(runtime, event, signupId, now)
}

/** The one door rule after the window: a confirmed signup of this event, used once, even when two scanners read it at the same moment. */
async function admit(runtime: Runtime, event: EventDoc, signupId: string, now: number, shortCode?: string): Promise<AttendeeView> {
  const eventId = event._id
  const signups = runtime.store.collection<SignupDoc>(SIGNUPS)
  const signup = await signups.get(signupId)
  if (!signup || signup.eventId !== eventId) throw new AppError('NOT_FOUND', '没有这张票对应的报名')
  // A code from before the member cancelled and signed up again no longer admits.
  if (shortCode !== undefined && signup.shortCode !== shortCode) throw new AppError('CONFLICT', '票码已失效（报名已重新办理），请让成员出示最新的票')
  if (signup.status === 'attended') throw new AppError('CONFLICT', `票已核销（${chinaTime(signup.attendedAt!).format('HH:mm')} 已签到）`)
  if (signup.status !== 'confirmed') throw new AppError('CONFLICT', '报名未确认，不能签到')
  const used = await signups.updateIf(signup._id, { status: 'confirmed' }, { set: { status: 'attended', attendedAt: now, updatedAt: now } })
  if (!used) throw new AppError('CONFLICT', '票已核销')
  // This call just used the ticket, so the attendance fact cannot exist yet (a crashed earlier attempt's is
  // caught by the insert's conflict): write it without reading first, one request instead of two.
  const insertOnly: FactWriter = {
    collection: <T extends BaseDoc>(name: string) => ({ get: async () => null, insert: (doc: Omit<T, '_id'> & { _id?: string }) => runtime.store.collection<T>(name).insert(doc) })
  }
  await recordFact(insertOnly, { type: 'event.attended', key: signup._id, openid: signup.openid, refId: eventId, payload: { eventTitle: event.title }, at: now })
  await returnFee(runtime, event, signup, now)
  // Name and face for the host's screen: the member document alone (no tier badge here, so no settings read).
  const member = await runtime.store.collection<MemberDoc>(MEMBERS).get(signup.openid)
  return {
    signupId: signup._id,
    openid: signup.openid,
    nickname: member?.nickname ?? defaultNickname(signup.openid),
    avatarUrl: member?.avatarFileId ? runtime.files.urlFor(member.avatarFileId) : '',
    status: 'attended',
    priceFen: signup.priceFen,
    createdAt: signup.createdAt,
    attendedAt: now,
    waitlistPosition: null
  }
}

async function returnFee(runtime: Runtime, event: EventDoc, signup: SignupDoc, now: number): Promise<void> {
  if (event.feeReturn === 'none' || signup.priceFen === 0 || !signup.orderId) return
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(signup.orderId)
  if (!order || order.status !== 'fulfilled') return
  if (event.feeReturn === 'refund') {
    await refundKnownOrder(runtime, order, { amountFen: order.amountFen - order.refundedFen, requestId: 'attended', reason: '到场返还报名费' })
    return
  }
  const settings = await loadSettings(runtime)
  await runtime.store.transaction((tx) =>
    grant(
      tx,
      {
        openid: signup.openid,
        rule: 'refund',
        refId: `attendance:${signup._id}`,
        reason: `到场返还「${event.title}」报名费`,
        points: Math.round((order.amountFen / 100) * POINTS_PER_YUAN),
        growth: 0,
        dailyCap: null,
        expireMonths: settings.pointsExpireMonths,
        now
      },
      settings.tiers
    )
  )
}
