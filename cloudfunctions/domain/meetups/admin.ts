// Hosts create, edit and cancel events, and see who is coming.
import { randomUUID } from 'node:crypto'
import type { AttendeeList, AttendeeView, EventInput, EventView, UpdateEventInput } from '../../../types/events'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { assertCircleExists } from '../circles/access'
import { authorsOf } from '../checkin/views'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { subscribeMessage } from '../notifications/format'
import { ORDERS, type OrderDoc } from '../membership/order'
import { hostRefund } from '../membership/refunds'
import { freeTicketHolder, returnCoupon } from '../rewards/coupons'
import { chinaTime } from '../../ports/clock'
import { MEETUPS, SIGNUPS, loadMeetup, type MeetupDoc, type SignupDoc } from './event'
import { eventView } from './signups'
import { promoteFromWaitlist } from './seats'

function checkTimes(input: EventInput): void {
  if (input.endAt <= input.startAt) throw new AppError('INVALID_INPUT', '结束时间需晚于开始时间', 'endAt')
  if (input.signupDeadline > input.startAt) throw new AppError('INVALID_INPUT', '报名截止时间不能晚于开始时间', 'signupDeadline')
  if (input.mode === 'offline' && !input.address.trim()) throw new AppError('INVALID_INPUT', '线下活动请填写地址', 'address')
  if (input.mode === 'online' && !/^https?:\/\//.test(input.onlineLink)) throw new AppError('INVALID_INPUT', '线上活动请填写 http(s) 链接', 'onlineLink')
  if (input.feeReturn !== 'none' && input.feeFen === 0) throw new AppError('INVALID_INPUT', '免费活动无需返还费用', 'feeReturn')
}

export async function createEvent(runtime: Runtime, caller: Caller, input: EventInput, now: number): Promise<EventView> {
  checkTimes(input)
  await assertCircleExists(runtime, input.circleId)
  if (input.coverFileId && !(await runtime.files.isUsableBy(input.coverFileId, caller.openid))) throw new AppError('INVALID_INPUT', '封面图片无效，请重新上传', 'coverFileId')
  const doc: MeetupDoc = { ...input, _id: randomUUID(), status: 'scheduled', seatsTaken: 0, createdBy: caller.openid, createdAt: now, updatedAt: now }
  await runtime.store.collection<MeetupDoc>(MEETUPS).insert(doc)
  return eventView(runtime, caller, doc, now)
}

export async function updateEvent(runtime: Runtime, caller: Caller, input: UpdateEventInput, now: number): Promise<EventView> {
  const { eventId, ...changes } = input
  const current = await loadMeetup(runtime, eventId)
  if (current.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消，不能修改')
  const { _id, status: _s, seatsTaken, createdBy: _b, createdAt: _c, updatedAt: _u, ...editable } = current
  const next: EventInput = { ...editable, ...changes }
  checkTimes(next)
  if (changes.capacity !== undefined && changes.capacity < seatsTaken) throw new AppError('INVALID_INPUT', `已有 ${seatsTaken} 人占用名额，名额不能少于这个数`, 'capacity')
  if (changes.feeFen !== undefined && changes.feeFen !== current.feeFen && seatsTaken > 0) throw new AppError('CONFLICT', '已有人报名，不能修改费用')
  if (changes.circleId !== undefined) await assertCircleExists(runtime, changes.circleId)
  await runtime.store.collection<MeetupDoc>(MEETUPS).update(eventId, { set: { ...changes, updatedAt: now } })
  // More seats may let the waitlist in.
  if (changes.capacity !== undefined && changes.capacity > current.capacity) await promoteFromWaitlist(runtime, eventId)
  return eventView(runtime, caller, await loadMeetup(runtime, eventId), now)
}

/** Cancelling refunds every paid signup and tells everyone who signed up. */
export async function cancelEvent(runtime: Runtime, caller: Caller, eventId: string, now: number): Promise<EventView> {
  const meetup = await loadMeetup(runtime, eventId)
  await runtime.store.collection<MeetupDoc>(MEETUPS).update(eventId, { set: { status: 'cancelled', seatsTaken: 0, updatedAt: now } })
  let after: string | null = null
  do {
    const page: { items: SignupDoc[]; next: string | null } = await runtime.store.collection<SignupDoc>(SIGNUPS).find({ eventId }, { sort: [['createdAt', 'asc']], limit: 100, after })
    for (const signup of page.items) {
      if (signup.status === 'cancelled' || signup.status === 'expired') continue
      await runtime.store.transaction(async (tx) => {
        await tx.collection<SignupDoc>(SIGNUPS).update(signup._id, { set: { status: 'cancelled', payBefore: null, couponId: null, updatedAt: now } })
        await returnCoupon(tx, signup.couponId, freeTicketHolder(signup._id))
      })
      if (signup.orderId) {
        const order = await runtime.store.collection<OrderDoc>(ORDERS).get(signup.orderId)
        if (order?.status === 'fulfilled' && order.amountFen > order.refundedFen) {
          await hostRefund(runtime, { orderId: order._id, amountFen: order.amountFen - order.refundedFen, requestId: 'eventcancel', reason: '活动取消退款' })
        }
      }
      await enqueueSubscribeMessage(runtime.store, {
        key: `eventCancelled:${signup._id}`, now,
        message: subscribeMessage({ openid: signup.openid, template: 'eventCancelled', page: `packages/events/detail/index?id=${eventId}`, data: { thing1: meetup.title, time2: meetup.startAt, thing3: '活动已取消，费用将原路退回' } })
      })
    }
    after = page.next
  } while (after)
  return eventView(runtime, caller, await loadMeetup(runtime, eventId), now)
}

export async function attendees(runtime: Runtime, eventId: string): Promise<AttendeeList> {
  await loadMeetup(runtime, eventId)
  const all: SignupDoc[] = []
  let after: string | null = null
  do {
    const page: { items: SignupDoc[]; next: string | null } = await runtime.store.collection<SignupDoc>(SIGNUPS).find({ eventId }, { sort: [['createdAt', 'asc']], limit: 100, after })
    all.push(...page.items)
    after = page.next
  } while (after)
  const authors = await authorsOf(runtime, all.map((s) => s.openid).slice(0, 100))
  const waitlist = all.filter((s) => s.status === 'waitlisted').sort((a, b) => (a.waitlistedAt ?? 0) - (b.waitlistedAt ?? 0))
  const items: AttendeeView[] = all.filter((s) => s.status !== 'cancelled' && s.status !== 'expired').map((s) => ({
    signupId: s._id, openid: s.openid, nickname: authors.get(s.openid)?.nickname ?? s.openid, avatarUrl: authors.get(s.openid)?.avatarUrl ?? '',
    status: s.status, priceFen: s.priceFen, createdAt: s.createdAt, attendedAt: s.attendedAt,
    waitlistPosition: s.status === 'waitlisted' ? waitlist.indexOf(s) + 1 : null
  }))
  const count = (status: string) => all.filter((s) => s.status === status).length
  return { confirmed: count('confirmed') + count('attended'), held: count('held') + count('offered'), waitlisted: count('waitlisted'), attended: count('attended'), items }
}

const STATUS_TEXT: Record<string, string> = { confirmed: '已确认', held: '待支付', offered: '候补待支付', waitlisted: '候补中', attended: '已签到' }

function csvCell(value: string | number): string {
  const text = String(value)
  // Neutralise spreadsheet formulas and quote when needed.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export async function exportAttendees(runtime: Runtime, eventId: string): Promise<{ filename: string; csv: string }> {
  const meetup = await loadMeetup(runtime, eventId)
  const list = await attendees(runtime, eventId)
  const rows = [['昵称', '状态', '报名时间', '费用（元）', '签到时间', '候补位置']]
  for (const a of list.items) {
    rows.push([a.nickname, STATUS_TEXT[a.status] ?? a.status, chinaTime(a.createdAt).format('YYYY-MM-DD HH:mm'), (a.priceFen / 100).toFixed(2), a.attendedAt ? chinaTime(a.attendedAt).format('YYYY-MM-DD HH:mm') : '', a.waitlistPosition ?? ''].map(String))
  }
  // A BOM so Excel opens the UTF-8 file with Chinese intact.
  const csv = '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
  return { filename: `${meetup.title}-报名名单.csv`, csv }
}
