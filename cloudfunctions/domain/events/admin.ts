// Hosts create, edit and cancel events, and see who is coming.
import { randomUUID } from 'node:crypto'
import type { AttendeeList, AttendeeView, EventInput, EventView, UpdateEventInput } from '../../../types/events'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { assertCircleExists } from '../circles/access'
import { authorsOf } from '../checkin/views'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { eventCancelledMessage } from '../notifications/messages'
import { ORDERS, orderStatusText, type OrderDoc } from '../orders/order'
import { refundKnownOrder } from '../orders/refunds'
import { freeTicketHolder, returnCoupon } from '../rewards/coupons'
import { chinaTime } from '../../ports/clock'
import { csvDocument, yuan } from '../exports/csv'
import { EVENTS, SIGNUPS, loadEvent, type EventDoc, type SignupDoc } from './event'
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
  const doc: EventDoc = { ...input, _id: randomUUID(), status: 'scheduled', seatsTaken: 0, createdBy: caller.openid, createdAt: now, updatedAt: now }
  await runtime.store.collection<EventDoc>(EVENTS).insert(doc)
  return eventView(runtime, caller, doc, now)
}

export async function updateEvent(runtime: Runtime, caller: Caller, input: UpdateEventInput, now: number): Promise<EventView> {
  const { eventId, ...changes } = input
  const current = await loadEvent(runtime, eventId)
  if (current.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消，不能修改')
  const { _id, status: _s, seatsTaken, createdBy: _b, createdAt: _c, updatedAt: _u, ...editable } = current
  const next: EventInput = { ...editable, ...changes }
  checkTimes(next)
  if (changes.capacity !== undefined && changes.capacity < seatsTaken) throw new AppError('INVALID_INPUT', `已有 ${seatsTaken} 人占用名额，名额不能少于这个数`, 'capacity')
  if (changes.feeFen !== undefined && changes.feeFen !== current.feeFen && seatsTaken > 0) throw new AppError('CONFLICT', '已有人报名，不能修改费用')
  if (changes.circleId !== undefined) await assertCircleExists(runtime, changes.circleId)
  await runtime.store.collection<EventDoc>(EVENTS).update(eventId, { set: { ...changes, updatedAt: now } })
  // More seats may let the waitlist in.
  if (changes.capacity !== undefined && changes.capacity > current.capacity) await promoteFromWaitlist(runtime, eventId)
  return eventView(runtime, caller, await loadEvent(runtime, eventId), now)
}

/** Cancelling refunds every paid signup and tells everyone who signed up. */
export async function cancelEvent(runtime: Runtime, caller: Caller, eventId: string, now: number): Promise<EventView> {
  const event = await loadEvent(runtime, eventId)
  await runtime.store.collection<EventDoc>(EVENTS).update(eventId, { set: { status: 'cancelled', seatsTaken: 0, updatedAt: now } })
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
          await refundKnownOrder(runtime, order, { amountFen: order.amountFen - order.refundedFen, requestId: 'eventcancel', reason: '活动取消退款' })
        }
      }
      await enqueueSubscribeMessage(runtime.store, {
        key: `eventCancelled:${signup._id}`,
        now,
        message: eventCancelledMessage(signup.openid, { id: eventId, title: event.title, startAt: event.startAt })
      })
    }
    after = page.next
  } while (after)
  return eventView(runtime, caller, await loadEvent(runtime, eventId), now)
}

/** Every signup of the event, oldest first (100 a request). */
async function allSignups(runtime: Runtime, eventId: string): Promise<SignupDoc[]> {
  const all: SignupDoc[] = []
  let after: string | null = null
  do {
    const page: { items: SignupDoc[]; next: string | null } = await runtime.store.collection<SignupDoc>(SIGNUPS).find({ eventId }, { sort: [['createdAt', 'asc']], limit: 100, after })
    all.push(...page.items)
    after = page.next
  } while (after)
  return all
}

function attendeeList(all: SignupDoc[], authors: Map<string, { nickname: string; avatarUrl: string }>): AttendeeList {
  const waitlist = all.filter((s) => s.status === 'waitlisted').sort((a, b) => (a.waitlistedAt ?? 0) - (b.waitlistedAt ?? 0))
  const items: AttendeeView[] = all
    .filter((s) => s.status !== 'cancelled' && s.status !== 'expired')
    .map((s) => ({
      signupId: s._id,
      openid: s.openid,
      nickname: authors.get(s.openid)?.nickname ?? s.openid,
      avatarUrl: authors.get(s.openid)?.avatarUrl ?? '',
      status: s.status,
      priceFen: s.priceFen,
      createdAt: s.createdAt,
      attendedAt: s.attendedAt,
      waitlistPosition: s.status === 'waitlisted' ? waitlist.indexOf(s) + 1 : null
    }))
  const count = (status: string) => all.filter((s) => s.status === status).length
  return { confirmed: count('confirmed') + count('attended'), held: count('held') + count('offered'), waitlisted: count('waitlisted'), attended: count('attended'), items }
}

export async function attendees(runtime: Runtime, eventId: string): Promise<AttendeeList> {
  await loadEvent(runtime, eventId)
  const all = await allSignups(runtime, eventId)
  return attendeeList(all, await authorsOf(runtime, all.map((s) => s.openid).slice(0, 100)))
}

const STATUS_TEXT: Record<string, string> = { confirmed: '已确认', held: '待支付', offered: '候补待支付', waitlisted: '候补中', attended: '已签到', cancelled: '已取消', expired: '已过期' }

/** The orders behind these signups, read 100 at a time by id. */
async function ordersOf(runtime: Runtime, signups: SignupDoc[]): Promise<Map<string, OrderDoc>> {
  const ids = [...new Set(signups.map((s) => s.orderId).filter((id): id is string => Boolean(id)))]
  const found = new Map<string, OrderDoc>()
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100)
    for (const order of (await runtime.store.collection<OrderDoc>(ORDERS).find({ _id: { $in: chunk } }, { limit: chunk.length })).items) found.set(order._id, order)
  }
  return found
}

/**
 * The sheet a host reconciles with: every current signup, plus cancelled ones
 * whose order was paid (refunded or not), with what was paid and refunded.
 */
export async function exportAttendees(runtime: Runtime, eventId: string): Promise<{ filename: string; csv: string }> {
  const event = await loadEvent(runtime, eventId)
  const all = await allSignups(runtime, eventId)
  const [orders, authors] = await Promise.all([ordersOf(runtime, all), authorsOf(runtime, all.map((s) => s.openid).slice(0, 100))])
  const list = attendeeList(all, authors)
  const bySignup = new Map(all.map((s) => [s._id, s]))
  const paid = (s: SignupDoc) => Boolean(s.orderId && orders.get(s.orderId)?.paidAt)
  const header = ['昵称', '状态', '报名时间', '费用（元）', '实付（元）', '退款（元）', '订单状态', '订单号', '签到时间', '候补位置']
  const rows: string[][] = []
  const row = (s: SignupDoc, nickname: string, waitlistPosition: number | null) => {
    const order = s.orderId ? orders.get(s.orderId) : undefined
    rows.push(
      [
        nickname,
        STATUS_TEXT[s.status] ?? s.status,
        chinaTime(s.createdAt).format('YYYY-MM-DD HH:mm'),
        yuan(s.priceFen),
        yuan(order?.paidAt ? order.amountFen : 0),
        yuan(order?.refundedFen ?? 0),
        order ? orderStatusText(order) : '',
        order?._id ?? '',
        s.attendedAt ? chinaTime(s.attendedAt).format('YYYY-MM-DD HH:mm') : '',
        waitlistPosition ?? ''
      ].map(String)
    )
  }
  for (const a of list.items) row(bySignup.get(a.signupId)!, a.nickname, a.waitlistPosition)
  for (const s of all) {
    if ((s.status === 'cancelled' || s.status === 'expired') && paid(s)) row(s, authors.get(s.openid)?.nickname ?? s.openid, null)
  }
  // A BOM so Excel opens the UTF-8 file with Chinese intact (csv.ts).
  const csv = csvDocument(header, rows)
  return { filename: `${event.title}-报名名单.csv`, csv }
}
