// The door is open from a window before the start (2 hours unless the host
// says otherwise) until the end. Outside it a check-in — by the signed ticket,
// its short code or the attendee's name — is refused with the reason and the
// time it opens, and nothing is written: no attendance, no refund, no points.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import type { EventInput } from '../../types/events'
import { EVENT_START as START, EVENT_END as END, eventInput as sharedEventInput } from '../helpers/event'
import { payOrder } from '../helpers/pay'
import { SIGNUPS, type SignupDoc } from '../../cloudfunctions/domain/events/event'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const eventInput = (overrides: Partial<EventInput> = {}) => sharedEventInput({ feeFen: 2000, feeReturn: 'refund', ...overrides })
const create = async (overrides: Partial<EventInput> = {}) => ok(await call('events', 'createEvent', eventInput(overrides), HOST)).id
const pay = (orderId: string) => payOrder(runtime, orderId)

/** o_a signs up and pays; returns the ticket (token and short code) and the order. */
async function paidTicket(eventId: string) {
  const s = ok(await call('events', 'signup', { eventId }, 'o_a'))
  await pay(s.signup.orderId!)
  const mine = ok(await call('events', 'getEvent', { eventId }, 'o_a')).mySignup!
  return { token: mine.ticketCode, shortCode: mine.shortCode, orderId: s.signup.orderId!, signupId: mine.id }
}

describe('the door window', () => {
  test('days before the start, every way in is refused with the time it opens, and nothing is written', async () => {
    const eventId = await create()
    const ticket = await paidTicket(eventId)
    const before = runtime.store.fingerprint()
    const refused = { ok: false, error: { code: 'CHECKIN_CLOSED', message: '活动未开始，12-06 12:00 起可签到' } }
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: ticket.token }, HOST)).toMatchObject(refused)
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: ticket.shortCode }, HOST)).toMatchObject(refused)
    expect(await call('events', 'checkInAttendee', { eventId, signupId: ticket.signupId }, HOST)).toMatchObject(refused)
    // One minute before the window: still closed.
    runtime.clock.set(START - 2 * 3600_000 - 60_000)
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: ticket.token }, HOST)).toMatchObject(refused)
    expect(runtime.store.fingerprint()).toBe(before)
    expect((await runtime.store.collection<SignupDoc>(SIGNUPS).get(ticket.signupId))!.status).toBe('confirmed')
    expect(ok(await call('membership', 'getOrder', { orderId: ticket.orderId }, 'o_a')).refundedFen).toBe(0)
    expect(await runtime.store.collection(FACTS).count({ type: 'event.attended' })).toBe(0)
  })

  test('from 2 hours before the start the ticket is accepted, and the fee comes back', async () => {
    const eventId = await create()
    const ticket = await paidTicket(eventId)
    runtime.clock.set(START - 2 * 3600_000)
    expect(ok(await call('events', 'checkInTicket', { eventId, ticketCode: ticket.token }, HOST))).toMatchObject({ openid: 'o_a', status: 'attended' })
    expect(ok(await call('membership', 'getOrder', { orderId: ticket.orderId }, 'o_a')).refundedFen).toBe(2000)
    expect(await runtime.store.collection(FACTS).count({ type: 'event.attended' })).toBe(1)
  })

  test('after the end: "活动已结束，不能签到", nothing written; the last moment of the event is still inside', async () => {
    const eventId = await create({ feeReturn: 'points' })
    const ticket = await paidTicket(eventId)
    runtime.clock.set(END + 1)
    const before = runtime.store.fingerprint()
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: ticket.token }, HOST)).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '活动已结束，不能签到' } })
    expect(await call('events', 'checkInAttendee', { eventId, signupId: ticket.signupId }, HOST)).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '活动已结束，不能签到' } })
    expect(runtime.store.fingerprint()).toBe(before)
    runtime.clock.set(END)
    expect(ok(await call('events', 'checkInTicket', { eventId, ticketCode: ticket.shortCode }, HOST)).status).toBe('attended')
  })

  test('the host sets the window in the event (0–1440 minutes); the view says when the door opens', async () => {
    const eventId = await create({ checkinOpensMinutesBefore: 30 })
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_a'))).toMatchObject({ checkinOpensMinutesBefore: 30, checkinOpensAt: START - 30 * 60_000 })
    const ticket = await paidTicket(eventId)
    runtime.clock.set(START - 31 * 60_000)
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: ticket.token }, HOST)).toMatchObject({ ok: false, error: { message: '活动未开始，12-06 13:30 起可签到' } })
    // Widened to a day: the same ticket goes in at once.
    ok(await call('events', 'updateEvent', { eventId, checkinOpensMinutesBefore: 1440 }, HOST))
    expect(ok(await call('events', 'checkInTicket', { eventId, ticketCode: ticket.token }, HOST)).status).toBe('attended')
    // An event made without the setting opens 2 hours before.
    expect(ok(await call('events', 'getEvent', { eventId: await create() }, 'o_a'))).toMatchObject({ checkinOpensMinutesBefore: 120, checkinOpensAt: START - 2 * 3600_000 })
    for (const bad of [-1, 1441, 1.5]) {
      expect(await call('events', 'createEvent', eventInput({ checkinOpensMinutesBefore: bad }), HOST)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'checkinOpensMinutesBefore' }
      })
    }
  })
})
