// Testimonial → revenue attribution on the embedded twin: touches from getCheckin,
// first and last touch credited by the attribution job, the 7-day window in China
// days, no credit for members who paid before the touch, author points once.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { createChallenge, post } from '../checkin/checkin-fixtures'
import { CHECKIN_CONVERSIONS, CONVERSIONS, TOUCHES, type CheckinConversionDoc, type ConversionDoc } from '../../cloudfunctions/domain/analytics/attribution'
import { FACTS, type FactDoc } from '../../cloudfunctions/domain/facts/facts'
import { drain, paidCircle, pay } from './fixtures'

let runtime: TestRuntime
beforeEach(() => {
  runtime = useTestRuntime()
  runtime.clock.set('2026-11-23T10:00:00+08:00')
})
afterEach(async () => closeTestRuntime(runtime))

const DAY = 24 * 3600_000
const ALICE = 'o_alice' // author
const BOB = 'o_bob' // author
const VIEWER = 'o_viewer'

async function twoCheckins(): Promise<[string, string]> {
  const challengeId = await createChallenge()
  for (const who of [ALICE, BOB]) await call('checkin', 'joinChallenge', { challengeId }, who)
  const a = ok(await post(challengeId, ALICE)).checkin.id
  const b = ok(await post(challengeId, BOB)).checkin.id
  return [a, b]
}

const conversion = (payer: string) => runtime.store.collection<ConversionDoc>(CONVERSIONS).get(payer)
const totals = (checkinId: string) => runtime.store.collection<CheckinConversionDoc>(CHECKIN_CONVERSIONS).get(checkinId)
async function pointsOf(openid: string, rule: string): Promise<number[]> {
  const ledger = ok(await call('growth', 'ledger', {}, openid))
  return ledger.items.filter((e) => e.rule === rule).map((e) => e.points)
}

test('first touch and last touch are both credited, with the revenue, and the last-touch author earns points once', async () => {
  const [a, b] = await twoCheckins()
  const circle = await paidCircle()
  ok(await call('checkin', 'getCheckin', { checkinId: a, via: 'share' }, VIEWER))
  runtime.clock.advance(DAY)
  ok(await call('checkin', 'getCheckin', { checkinId: b }, VIEWER))
  ok(await call('checkin', 'getCheckin', { checkinId: a }, VIEWER)) // a second view of a: the first view stands
  runtime.clock.advance(DAY)
  await pay(runtime, circle, VIEWER)
  await drain(runtime, ['attributeConversions', 'applyFacts'])
  await drain(runtime, ['attributeConversions', 'applyFacts']) // again: nothing more

  const conv = (await conversion(VIEWER))!
  expect(conv.firstTouch.checkinId).toBe(a)
  expect(conv.lastTouch.checkinId).toBe(b)
  expect(conv.revenueFen).toBe(9900)
  expect(await totals(a)).toMatchObject({ firstTouch: 1, lastTouch: 0, revenueFen: 9900, score: 1 })
  expect(await totals(b)).toMatchObject({ firstTouch: 0, lastTouch: 1, revenueFen: 9900, score: 1 })
  expect(await pointsOf(BOB, 'testimonialConverted')).toEqual([50])
  expect(await pointsOf(ALICE, 'testimonialConverted')).toEqual([])

  const top = ok(await call('marketing', 'topConverting', {}, HOST))
  expect(top.items.map((i) => [i.checkinId, i.firstTouch, i.lastTouch, i.revenueFen])).toEqual(
    expect.arrayContaining([
      [a, 1, 0, 9900],
      [b, 0, 1, 9900]
    ])
  )
  expect(top.items.find((i) => i.checkinId === b)!.authorOpenid).toBe(BOB)
  // The host features the best one through challenges.featureCheckin.
  ok(await call('challenges', 'featureCheckin', { checkinId: b, featured: true }, HOST))
  expect(ok(await call('marketing', 'topConverting', {}, HOST)).items.find((i) => i.checkinId === b)!.featured).toBe(true)
  // Members may not read it.
  expect((await call('marketing', 'topConverting', {}, VIEWER)).ok).toBe(false)
})

test('the window is 7 China days: a touch 7 days before the payment counts, 8 days before does not', async () => {
  const [a] = await twoCheckins()
  const circle = await paidCircle()
  // Touches late at night China time (23:30), payments early the morning (00:30) 7 and 8 calendar days later.
  runtime.clock.set('2026-11-23T23:30:00+08:00')
  ok(await call('checkin', 'getCheckin', { checkinId: a }, 'o_in'))
  ok(await call('checkin', 'getCheckin', { checkinId: a }, 'o_out'))
  runtime.clock.set('2026-11-30T00:30:00+08:00') // day 7
  await pay(runtime, circle, 'o_in')
  runtime.clock.set('2026-12-01T00:30:00+08:00') // day 8 (only 25 hours more)
  await pay(runtime, circle, 'o_out')
  await drain(runtime, ['attributeConversions', 'applyFacts'])
  expect(await conversion('o_in')).not.toBeNull()
  expect(await conversion('o_out')).toBeNull()
  expect(await totals(a)).toMatchObject({ firstTouch: 1, lastTouch: 1, revenueFen: 9900 })
})

test('members who paid before the touch leave no touch and bring no credit; authors and staff leave none either', async () => {
  const [a] = await twoCheckins()
  const circle = await paidCircle()
  await pay(runtime, circle, 'o_paid')
  runtime.clock.advance(DAY)
  ok(await call('checkin', 'getCheckin', { checkinId: a }, 'o_paid'))
  ok(await call('checkin', 'getCheckin', { checkinId: a }, ALICE))
  ok(await call('checkin', 'getCheckin', { checkinId: a }, HOST))
  expect(await runtime.store.collection(TOUCHES).count({ checkinId: a } as never)).toBe(0)
  runtime.clock.advance(DAY)
  await pay(runtime, circle, 'o_paid') // a renewal: no payment.first
  await drain(runtime, ['attributeConversions', 'applyFacts'])
  expect(await conversion('o_paid')).toBeNull()
  expect(await totals(a)).toBeNull()
})

test('a rule weight of 0 grants the author nothing; the conversion is still credited', async () => {
  const [a] = await twoCheckins()
  const circle = await paidCircle()
  const settings = ok(await call('growth', 'settings', {}, HOST))
  ok(await call('growth', 'updateSettings', { rules: { testimonialConverted: { ...settings.rules.testimonialConverted, points: 0, growth: 0 } } }, HOST))
  ok(await call('checkin', 'getCheckin', { checkinId: a }, VIEWER))
  await pay(runtime, circle, VIEWER)
  await drain(runtime, ['attributeConversions', 'applyFacts'])
  expect(await totals(a)).toMatchObject({ firstTouch: 1, lastTouch: 1 })
  const fact = await runtime.store.collection<FactDoc>(FACTS).get(`testimonial.converted:${VIEWER}`)
  expect(fact?.processedAt).not.toBeNull()
  expect(await pointsOf(ALICE, 'testimonialConverted')).toEqual([])
})
