// Every ticket has a short code the host can type at the door: 6 characters
// from an alphabet without 0/O/1/I/L, unique per event, the same on every view.
// The scanner takes it or the signed token; the attendee list checks a member
// in by name. All three go through one door rule: the window, and used once.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { payOrder } from '../helpers/pay'
import type { EventInput } from '../../types/events'
import { EVENT_START as START, eventInput as sharedEventInput } from '../helpers/event'
import { SIGNUPS, type SignupDoc } from '../../cloudfunctions/domain/events/event'
import { SHORT_CODE_ALPHABET, TICKET_CODES, ensureShortCode } from '../../cloudfunctions/domain/events/short-codes'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const eventInput = (overrides: Partial<EventInput> = {}) => sharedEventInput({ capacity: 300, ...overrides })
const create = async (overrides: Partial<EventInput> = {}) => ok(await call('events', 'createEvent', eventInput(overrides), HOST)).id
const mine = async (eventId: string, openid: string) => ok(await call('events', 'getEvent', { eventId }, openid)).mySignup!
const atTheDoor = () => runtime.clock.set(START - 30 * 60_000)
const SHORT = new RegExp(`^[${SHORT_CODE_ALPHABET}]{6}$`)

test('the alphabet leaves out what reads alike: no 0, O, 1, I or L', () => {
  expect(SHORT_CODE_ALPHABET).not.toMatch(/[0O1IL]/)
  expect(new Set(SHORT_CODE_ALPHABET).size).toBe(SHORT_CODE_ALPHABET.length)
})

test('a confirmed ticket has a 6-character code, the same on every view; 200 tickets of one event never share one; no ticket, no code', async () => {
  const eventId = await create({ capacity: 200 })
  await Promise.all(Array.from({ length: 201 }, (_, i) => call('events', 'signup', { eventId }, `o_${i}`)))
  const codes = await Promise.all(Array.from({ length: 201 }, (_, i) => mine(eventId, `o_${i}`)))
  const confirmed = codes.filter((s) => s.status === 'confirmed')
  expect(confirmed).toHaveLength(200)
  for (const s of confirmed) expect(s.shortCode).toMatch(SHORT)
  expect(new Set(confirmed.map((s) => s.shortCode)).size).toBe(200)
  expect(codes.find((s) => s.status === 'waitlisted')!.shortCode).toBe('')
  expect((await mine(eventId, 'o_0')).shortCode).toBe(confirmed.find((s) => s.id === `${eventId}:o_0`)!.shortCode)
  // The member's ticket list shows the same code.
  const tickets = ok(await call('events', 'myTickets', {}, 'o_0')).items
  expect(tickets[0].mySignup!.shortCode).toBe((await mine(eventId, 'o_0')).shortCode)
})

test('20 first views at the same moment give one code, and leave one code document', async () => {
  const eventId = await create()
  ok(await call('events', 'signup', { eventId }, 'o_a'))
  const views = await Promise.all(Array.from({ length: 20 }, () => mine(eventId, 'o_a')))
  expect(new Set(views.map((v) => v.shortCode)).size).toBe(1)
  expect(await runtime.store.collection(TICKET_CODES).count({ eventId })).toBe(1)
  expect((await runtime.store.collection<SignupDoc>(SIGNUPS).get(`${eventId}:o_a`))!.shortCode).toBe(views[0].shortCode)
})

test('a code already taken in the event is never given again: the next one is drawn', async () => {
  // Paid: the seats are held, so no view has given them a code yet.
  const eventId = await create({ feeFen: 1000 })
  ok(await call('events', 'signup', { eventId }, 'o_a'))
  ok(await call('events', 'signup', { eventId }, 'o_b'))
  const signups = runtime.store.collection<SignupDoc>(SIGNUPS)
  const draws = ['ABCDEF', 'ABCDEF', 'ABCDEF', 'XYZ234']
  const draw = () => draws.shift()!
  expect(await ensureShortCode(runtime, (await signups.get(`${eventId}:o_a`))!, draw)).toBe('ABCDEF')
  expect(await ensureShortCode(runtime, (await signups.get(`${eventId}:o_b`))!, draw)).toBe('XYZ234')
  expect(draws).toEqual([])
  // Another event may use the same code.
  const other = await create({ title: '另一场', feeFen: 1000 })
  ok(await call('events', 'signup', { eventId: other }, 'o_a'))
  expect(await ensureShortCode(runtime, (await signups.get(`${other}:o_a`))!, () => 'ABCDEF')).toBe('ABCDEF')
})

describe('at the door', () => {
  test('the short code is accepted as typed (lower case, spaces, a dash) and used once', async () => {
    const eventId = await create()
    ok(await call('events', 'signup', { eventId }, 'o_a'))
    const code = (await mine(eventId, 'o_a')).shortCode
    atTheDoor()
    const typed = ` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `
    expect(ok(await call('events', 'checkInTicket', { eventId, ticketCode: typed }, HOST))).toMatchObject({ openid: 'o_a', status: 'attended' })
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: code }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('票已核销') } })
    expect((await mine(eventId, 'o_a')).status).toBe('attended')
  })

  test('an unknown code, a code of another event, a mistyped one, and a code from a cancelled signup are refused with a reason', async () => {
    const eventId = await create()
    const other = await create({ title: '另一场' })
    ok(await call('events', 'signup', { eventId }, 'o_a'))
    ok(await call('events', 'signup', { eventId: other }, 'o_b'))
    const otherCode = (await mine(other, 'o_b')).shortCode
    const old = (await mine(eventId, 'o_a')).shortCode
    ok(await call('events', 'cancelSignup', { eventId }, 'o_a'))
    ok(await call('events', 'signup', { eventId }, 'o_a'))
    const fresh = (await mine(eventId, 'o_a')).shortCode
    atTheDoor()
    const unknown = [...SHORT_CODE_ALPHABET].find((c) => !otherCode.startsWith(c) && !old.startsWith(c) && !fresh.startsWith(c))!.repeat(6)
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: unknown }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个票码，请核对是否是本场活动的票' } })
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: otherCode }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: 'AB0CD1' }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '票码不含 0、O、1、I、L，请核对后再输入' }
    })
    expect(await call('events', 'checkInTicket', { eventId, ticketCode: 'ABC' }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请输入 6 位票码，或扫描二维码' } })
    if (old !== fresh) {
      expect(await call('events', 'checkInTicket', { eventId, ticketCode: old }, HOST)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: '票码已失效（报名已重新办理），请让成员出示最新的票' }
      })
    }
    expect(ok(await call('events', 'checkInTicket', { eventId, ticketCode: fresh }, HOST)).status).toBe('attended')
  })

  test("the host checks a member in by name; a waitlisted member or another event's signup is refused", async () => {
    const eventId = await create({ capacity: 1 })
    ok(await call('events', 'signup', { eventId }, 'o_a'))
    ok(await call('events', 'signup', { eventId }, 'o_b'))
    const other = await create({ title: '另一场' })
    ok(await call('events', 'signup', { eventId: other }, 'o_c'))
    atTheDoor()
    expect(await call('events', 'checkInAttendee', { eventId, signupId: `${eventId}:o_a` }, 'o_b')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(ok(await call('events', 'checkInAttendee', { eventId, signupId: `${eventId}:o_a` }, HOST))).toMatchObject({ openid: 'o_a', status: 'attended', attendedAt: runtime.clock.now() })
    expect(await call('events', 'checkInAttendee', { eventId, signupId: `${eventId}:o_a` }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已签到') } })
    expect(await call('events', 'checkInAttendee', { eventId, signupId: `${eventId}:o_b` }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '报名未确认，不能签到' } })
    expect(await call('events', 'checkInAttendee', { eventId, signupId: `${other}:o_c` }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(ok(await call('events', 'attendees', { eventId }, HOST)).attended).toBe(1)
  })

  test('concurrent door check-ins of one ticket (token, short code and by name at once): exactly one succeeds, one refund, one attendance', async () => {
    const eventId = await create({ feeFen: 2000, feeReturn: 'refund' })
    const s = ok(await call('events', 'signup', { eventId }, 'o_a'))
    await payOrder(runtime, s.signup.orderId!)
    const ticket = await mine(eventId, 'o_a')
    atTheDoor()
    const tries = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0
          ? call('events', 'checkInTicket', { eventId, ticketCode: ticket.ticketCode }, HOST)
          : i % 3 === 1
            ? call('events', 'checkInTicket', { eventId, ticketCode: ticket.shortCode }, HOST)
            : call('events', 'checkInAttendee', { eventId, signupId: ticket.id }, HOST)
      )
    )
    expect(tries.filter((t) => t.ok)).toHaveLength(1)
    for (const t of tries.filter((x) => !x.ok)) expect(t).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(CONFLICT|BUSY)$/) } })
    expect(ok(await call('membership', 'getOrder', { orderId: s.signup.orderId! }, 'o_a')).refundedFen).toBe(2000)
    expect(await runtime.store.collection(FACTS).count({ type: 'event.attended' })).toBe(1)
  })
})
