// Events on the embedded database with the sandbox provider: never oversold
// under a 500-signup race, waitlist promotion for free and paid events, holds
// that lapse with a frozen clock, cancellation refunds, tickets at the door.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import type { EventInput } from '../../types/events'
import { EVENT_START as START, eventInput } from '../helpers/event'
import { payOrder } from '../helpers/pay'
import { SIGNUPS, EVENTS, type EventDoc, type SignupDoc } from '../../cloudfunctions/domain/events/event'
import { remindEvents } from '../../cloudfunctions/domain/events/jobs'
import { closeUnpaidOrders } from '../../cloudfunctions/domain/orders/close-unpaid'
import { issueTicket } from '../../cloudfunctions/domain/events/tickets'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'

// The books add up after every test here, the races included (test/helpers/money-invariants.ts).
let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const create = async (overrides: Partial<EventInput> = {}) => ok(await call('events', 'createEvent', eventInput(overrides), HOST)).id
const signup = (eventId: string, openid: string) => call('events', 'signup', { eventId }, openid)
const pay = (orderId: string) => payOrder(runtime, orderId)
const statuses = async (eventId: string) => (await runtime.store.collection<SignupDoc>(SIGNUPS).find({ eventId }, { limit: 100 })).items.map((s) => s.status)
async function seatsMatchRecords(eventId: string): Promise<boolean> {
  const event = (await runtime.store.collection<EventDoc>(EVENTS).get(eventId))!
  const taken = await runtime.store.collection(SIGNUPS).count({ eventId, status: { $in: ['held', 'offered', 'confirmed', 'attended'] } })
  return event.seatsTaken === taken && taken <= event.capacity
}

test('500 concurrent signups for 50 seats: exactly 50 seats, 450 waitlisted, counter equal to the records', async () => {
  const eventId = await create({ capacity: 50 })
  const results = await Promise.all(Array.from({ length: 500 }, (_, i) => signup(eventId, `o_${i}`)))
  const seats = results.map((r) => ok(r).signup.status)
  expect(seats.filter((s) => s === 'confirmed')).toHaveLength(50)
  expect(seats.filter((s) => s === 'waitlisted')).toHaveLength(450)
  expect(await seatsMatchRecords(eventId)).toBe(true)
  const view = ok(await call('events', 'getEvent', { eventId }, 'o_499'))
  expect(view).toMatchObject({ seatsLeft: 0, waitlistCount: 450 })
  expect(view.mySignup!.waitlistPosition).toBeGreaterThanOrEqual(1)
})

test('concurrent cancellations and promotions keep the counter equal to the records', async () => {
  const eventId = await create({ capacity: 10 })
  for (let i = 0; i < 30; i++) ok(await signup(eventId, `o_${i}`))
  await Promise.all(Array.from({ length: 10 }, (_, i) => call('events', 'cancelSignup', { eventId }, `o_${i}`)))
  expect(await seatsMatchRecords(eventId)).toBe(true)
  const s = await statuses(eventId)
  expect(s.filter((x) => x === 'confirmed')).toHaveLength(10)
  expect(s.filter((x) => x === 'waitlisted')).toHaveLength(10)
  // First come, first served: o_10 … o_19 were promoted.
  for (let i = 10; i < 20; i++) expect(ok(await call('events', 'getEvent', { eventId }, `o_${i}`)).mySignup!.status).toBe('confirmed')
})

test('signing up twice changes nothing', async () => {
  const eventId = await create({ capacity: 5 })
  await Promise.all(Array.from({ length: 10 }, () => signup(eventId, 'o_a')))
  expect(await runtime.store.collection(SIGNUPS).count({ eventId })).toBe(1)
  expect(await seatsMatchRecords(eventId)).toBe(true)
})

describe('paid events', () => {
  test('a held seat is confirmed by the payment notify; unpaid holds lapse at 15 minutes and pass to the waitlist', async () => {
    const eventId = await create({ capacity: 2, feeFen: 5000 })
    const a = ok(await signup(eventId, 'o_a'))
    const b = ok(await signup(eventId, 'o_b'))
    const c = ok(await signup(eventId, 'o_c'))
    expect([a.signup.status, b.signup.status, c.signup.status]).toEqual(['held', 'held', 'waitlisted'])
    expect(a.payment).toEqual({ provider: 'sandbox', payUrl: `/sandbox-pay?order=${a.signup.orderId}` })
    expect((await pay(a.signup.orderId!)).statusCode).toBe(200)
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_a')).mySignup).toMatchObject({
      status: 'confirmed',
      ticketCode: expect.stringMatching(/^T1\./)
    })
    runtime.clock.advance(14 * 60_000)
    // The one job that closes unpaid orders ends the hold with its order.
    expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 0, settled: 0 })
    runtime.clock.advance(60_000)
    expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 1, settled: 0 })
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_b')).mySignup!.status).toBe('expired')
    const offered = ok(await call('events', 'getEvent', { eventId }, 'o_c')).mySignup!
    expect(offered).toMatchObject({ status: 'offered', payBefore: runtime.clock.now() + 15 * 60_000 })
    expect(await runtime.store.collection(OUTBOX).count({ 'payload.template': 'waitlistPromoted', 'payload.openid': 'o_c' })).toBe(1)
    // The promoted member pays within their window (the offer's order, made with it: not a return to an open order).
    const seat = ok(await call('events', 'paySeat', { eventId }, 'o_c'))
    expect(seat.resumed).toBe(false)
    expect(seat.signup.orderId).toBe(offered.orderId)
    expect(ok(await call('events', 'paySeat', { eventId }, 'o_c')).resumed).toBe(true)
    expect((await pay(seat.signup.orderId!)).statusCode).toBe(200)
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_c')).mySignup!.status).toBe('confirmed')
    expect(await seatsMatchRecords(eventId)).toBe(true)
    // The lapsed member's old order was closed.
    expect(await call('events', 'paySeat', { eventId }, 'o_b')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('the tier discount applies to the fee', async () => {
    const eventId = await create({ feeFen: 5000, tierDiscount: true })
    ok(await call('member', 'me', {}, 'o_vip'))
    ok(await call('growth', 'updateSettings', { rules: { featuredByHost: { points: 0, growth: 600, dailyCap: null } } }, HOST))
    const { recordFact } = await import('../../cloudfunctions/domain/facts/facts')
    await recordFact(runtime.store, { type: 'checkin.featured', key: 'x', openid: 'o_vip', refId: 'x', at: runtime.clock.now() })
    await applyFacts(runtime)
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_vip')).myPriceFen).toBe(4500) // Lv3 核心: 10% off
    expect(ok(await signup(eventId, 'o_vip')).signup.priceFen).toBe(4500)
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_new')).myPriceFen).toBe(5000)
  })

  test('cancelling before the refund deadline refunds; the seat goes to the waitlist', async () => {
    const eventId = await create({ capacity: 1, feeFen: 5000, refundableHoursBefore: 24 })
    const a = ok(await signup(eventId, 'o_a'))
    await pay(a.signup.orderId!)
    ok(await signup(eventId, 'o_b'))
    const cancelled = ok(await call('events', 'cancelSignup', { eventId }, 'o_a'))
    expect(cancelled.status).toBe('cancelled')
    expect(ok(await call('membership', 'getOrder', { orderId: a.signup.orderId! }, 'o_a'))).toMatchObject({ status: 'refunded', refundedFen: 5000 })
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_b')).mySignup!.status).toBe('offered')
  })

  test('cancelling after the refund deadline frees the seat without a refund', async () => {
    const eventId = await create({ capacity: 1, feeFen: 5000, refundableHoursBefore: 24 })
    const a = ok(await signup(eventId, 'o_a'))
    await pay(a.signup.orderId!)
    runtime.clock.set(START - 12 * 3600_000)
    ok(await call('events', 'cancelSignup', { eventId }, 'o_a'))
    expect(ok(await call('membership', 'getOrder', { orderId: a.signup.orderId! }, 'o_a')).refundedFen).toBe(0)
  })

  test('cancelling the event refunds every paid signup and tells every attendee', async () => {
    const eventId = await create({ capacity: 3, feeFen: 3000 })
    const orders: string[] = []
    for (const m of ['o_a', 'o_b']) {
      const s = ok(await signup(eventId, m))
      await pay(s.signup.orderId!)
      orders.push(s.signup.orderId!)
    }
    ok(await signup(eventId, 'o_c')) // held, unpaid
    expect(await call('events', 'cancelEvent', { eventId }, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(ok(await call('events', 'cancelEvent', { eventId }, HOST))).toMatchObject({ status: 'cancelled', seatsLeft: 3 })
    for (const orderId of orders) expect(ok(await call('membership', 'getOrder', { orderId }, HOST))).toMatchObject({ status: 'refunded', refundedFen: 3000 })
    expect(await runtime.store.collection(OUTBOX).count({ 'payload.template': 'eventCancelled' })).toBe(3)
    expect(await signup(eventId, 'o_d')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已取消' } })
  })

  test('attendance returns the fee as a refund, or as points', async () => {
    const refundEvent = await create({ feeFen: 2000, feeReturn: 'refund' })
    const pointsEvent = await create({ feeFen: 2000, feeReturn: 'points' })
    const r = ok(await signup(refundEvent, 'o_a'))
    await pay(r.signup.orderId!)
    const p = ok(await signup(pointsEvent, 'o_a'))
    await pay(p.signup.orderId!)
    runtime.clock.set(START)
    const ticket = async (eventId: string) => ok(await call('events', 'getEvent', { eventId }, 'o_a')).mySignup!.ticketCode
    ok(await call('events', 'checkInTicket', { eventId: refundEvent, ticketCode: await ticket(refundEvent) }, HOST))
    ok(await call('events', 'checkInTicket', { eventId: pointsEvent, ticketCode: await ticket(pointsEvent) }, HOST))
    expect(ok(await call('membership', 'getOrder', { orderId: r.signup.orderId! }, 'o_a')).refundedFen).toBe(2000)
    // Reading one's growth applies only a small transaction's worth of facts; cron applies the rest.
    await applyFacts(runtime)
    const summary = ok(await call('growth', 'summary', {}, 'o_a'))
    // 200 points returned (¥20 × 10), plus attendance points for both events (30 each).
    expect(summary.points).toBe(200 + 30 + 30 + 100) // and the first payment
  })
})

describe('tickets at the door', () => {
  test('a ticket is used once; a forged one, or one for another event, is refused with a reason', async () => {
    const eventId = await create()
    const other = await create({ title: '线上分享会', mode: 'online', address: '', onlineLink: 'https://meeting.example/123' })
    ok(await signup(eventId, 'o_a'))
    ok(await signup(other, 'o_a'))
    const code = ok(await call('events', 'getEvent', { eventId }, 'o_a')).mySignup!.ticketCode
    const otherCode = ok(await call('events', 'getEvent', { eventId: other }, 'o_a')).mySignup!.ticketCode
    runtime.clock.set(START - 3600_000) // the door opens 2 hours before the start
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: code }, 'o_b')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const attendee = ok(await call('events', 'checkInTicket', { eventId, ticketCode: code }, HOST))
    expect(attendee).toMatchObject({ openid: 'o_a', status: 'attended' })
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: code }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('票已核销') } })
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: otherCode }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这张票不是本场活动的' } })
    const forged = issueTicket({ eventId, signupId: `${eventId}:o_b` }, 'not-the-secret')
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: forged }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '无效的票：签名不正确' } })
    const tampered = code.replace(/\.([^.]+)\./, () => `.${Buffer.from(JSON.stringify({ e: eventId, s: `${eventId}:o_b` })).toString('base64url')}.`)
    expect(tampered).not.toBe(code)
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: tampered }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // Concurrent scans of one ticket: one check-in.
    const other2 = ok(await call('events', 'getEvent', { eventId: other }, 'o_a')).mySignup!.ticketCode
    const scans = await Promise.all(Array.from({ length: 5 }, () => call('events', 'checkInTicket', { eventId: other, ticketCode: other2 }, HOST)))
    expect(scans.filter((s) => s.ok)).toHaveLength(1)
  })

  test('the online link is shown only to confirmed attendees', async () => {
    const eventId = await create({ mode: 'online', address: '', onlineLink: 'https://meeting.example/abc', capacity: 1 })
    ok(await signup(eventId, 'o_a'))
    ok(await signup(eventId, 'o_b'))
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_a')).onlineLink).toBe('https://meeting.example/abc')
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_b')).onlineLink).toBe('')
  })
})

test('attendee list, CSV export with formulas neutralised, and reminders 24 h and 1 h before', async () => {
  const eventId = await create({ capacity: 1 })
  ok(await call('member', 'updateProfile', { nickname: '=cmd|calc' }, 'o_a'))
  ok(await signup(eventId, 'o_a'))
  ok(await signup(eventId, 'o_b'))
  const list = ok(await call('events', 'attendees', { eventId }, HOST))
  expect(list).toMatchObject({ confirmed: 1, waitlisted: 1 })
  const { csv, filename } = ok(await call('events', 'exportAttendees', { eventId }, HOST))
  expect(filename).toBe('周末徒步·香山-报名名单.csv')
  expect(csv.startsWith('\ufeff昵称,状态,报名时间')).toBe(true)
  expect(csv).toContain("'=cmd|calc,已确认")
  runtime.clock.set(START - 20 * 3600_000)
  expect(await remindEvents(runtime)).toEqual({ reminded: 1 })
  expect(await remindEvents(runtime)).toEqual({ reminded: 0 })
  runtime.clock.set(START - 30 * 60_000)
  expect(await remindEvents(runtime)).toEqual({ reminded: 1 })
})

test('settings are checked: times, address or link, deadline', async () => {
  const bad = async (overrides: Partial<EventInput>, field: string) =>
    expect(await call('events', 'createEvent', eventInput(overrides), HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } })
  await bad({ endAt: START - 1 }, 'endAt')
  await bad({ signupDeadline: START + 1 }, 'signupDeadline')
  await bad({ address: '' }, 'address')
  await bad({ mode: 'online', onlineLink: 'ftp://x' }, 'onlineLink')
  await bad({ capacity: 0 }, 'capacity')
})

test('a members-only event names its circle, tells a non-member, and lets them in once they join', async () => {
  const circle = ok(
    await call(
      'membership',
      'createCircle',
      {
        name: '跑步圈',
        description: '',
        coverFileId: '',
        kind: 'free',
        trialDays: 7,
        joinQuestions: [],
        plans: [],
        fullRefundDays: 0,
        refundAfter: 'none'
      },
      HOST
    )
  )
  const eventId = await create({ circleId: circle.id })
  expect(ok(await call('events', 'getEvent', { eventId }, 'o_a'))).toMatchObject({ circleId: circle.id, circleName: '跑步圈', inCircle: false })
  expect(await signup(eventId, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '加入「跑步圈」后可参加', field: 'circleId' } })
  expect(await statuses(eventId)).toEqual([])
  ok(await call('membership', 'joinFree', { circleId: circle.id, answers: [] }, 'o_a'))
  expect(ok(await call('events', 'getEvent', { eventId }, 'o_a')).inCircle).toBe(true)
  expect(ok(await signup(eventId, 'o_a')).signup.status).toBe('confirmed')
  // Open events and the host are never held back by a circle.
  expect(ok(await call('events', 'getEvent', { eventId }, HOST)).inCircle).toBe(true)
  expect(ok(await call('events', 'getEvent', { eventId: await create() }, 'o_b'))).toMatchObject({ circleName: null, inCircle: true })
})
