// The precomputed reports equal a recount from the raw documents, and cohorts fall in their join weeks.
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { createChallenge, post } from '../checkin/checkin-fixtures'
import { drain, paidCircle, pay } from './fixtures'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { chinaDate, addDays, daysBetween } from '../../cloudfunctions/domain/time/china-calendar'
import type { CheckinDoc } from '../../cloudfunctions/domain/checkin/checkin'

let runtime: TestRuntime
beforeEach(() => {
  runtime = useTestRuntime()
  runtime.clock.set('2026-11-02T10:00:00+08:00') // a Monday
})
afterEach(async () => closeTestRuntime(runtime))
const DAY = 24 * 3600_000

async function all<T extends { _id: string }>(name: string): Promise<T[]> {
  const out: T[] = []
  let after: string | null = null
  do {
    const page = await runtime.store.collection<T>(name).find({}, { limit: 100, after })
    out.push(...page.items)
    after = page.next
  } while (after)
  return out
}

test('the funnel, cohorts and revenue equal a recount from the raw documents', async () => {
  const challengeId = await createChallenge({ startDate: '2026-11-02', days: 60 } as never)
  const circle = await paidCircle()
  // Three weeks of joins: each day two members join; some check in that day and a week later; some pay.
  const members: string[] = []
  for (let day = 0; day < 21; day++) {
    for (let k = 0; k < 2; k++) {
      const openid = `o_d${day}_${k}`
      members.push(openid)
      ok(await call('member', 'me', {}, openid))
      ok(await call('checkin', 'joinChallenge', { challengeId }, openid))
      if ((day + k) % 2 === 0) ok(await post(challengeId, openid))
      if ((day + k) % 3 === 0) await pay(runtime, circle, openid)
    }
    // Members who joined 7 days ago and checked in then come back today.
    for (const openid of members.filter((m) => m.startsWith(`o_d${day - 7}_`))) if (Number(openid.slice(-1)) === 0) ok(await post(challengeId, openid))
    runtime.clock.advance(DAY)
  }
  const circle2Order = await pay(runtime, circle, 'o_d0_0') // a renewal
  ok(await call('membership', 'refundOrder', { orderId: circle2Order, amountFen: 5000, requestId: 'refund-00000001', reason: '协商退款' }, HOST))
  await drain(runtime, ['refreshAnalytics'])

  const view = ok(await call('marketing', 'analytics', { period: 30 }, HOST))
  expect(view.computedAt).not.toBeNull()
  const today = chinaDate(runtime.clock.now())

  // Recount, straight from the raw documents.
  const rawMembers = (await all<MemberDoc>(MEMBERS)).filter((m) => m.role === 'member')
  const checkins = (await all<CheckinDoc>('checkins')).filter((c) => c.status === 'visible')
  const orders = (await all<OrderDoc>(ORDERS)).filter((o) => o.paidAt !== null)
  const joined = rawMembers.filter((m) => chinaDate(m.joinedAt) >= addDays(today, -29))
  const daysOf = (m: MemberDoc) => checkins.filter((c) => c.openid === m._id).map((c) => daysBetween(chinaDate(m.joinedAt), c.date))
  expect(view.funnel!.acquisition).toEqual({ invite: 0, share: 0, direct: joined.length })
  expect(view.funnel!.activation).toEqual({ eligible: joined.length, activated: joined.filter((m) => daysOf(m).some((d) => d >= 0 && d < 7)).length })
  const d7 = joined.filter((m) => addDays(chinaDate(m.joinedAt), 7) <= today)
  expect(view.funnel!.retention.day7).toEqual({ eligible: d7.length, retained: d7.filter((m) => daysOf(m).includes(7)).length })
  expect(view.funnel!.retention.day7.retained).toBeGreaterThan(0)
  const firsts = new Map<string, number>()
  for (const o of [...orders].sort((a, b) => a.paidAt! - b.paidAt!)) if (!firsts.has(o.openid)) firsts.set(o.openid, o.paidAt!)
  const inPeriod = orders.filter((o) => chinaDate(o.paidAt!) >= addDays(today, -29))
  const first = inPeriod.filter((o) => firsts.get(o.openid) === o.paidAt)
  expect(view.funnel!.revenue.firstPayments).toBe(first.length)
  expect(view.funnel!.revenue.firstPaymentFen).toBe(first.reduce((s, o) => s + o.amountFen, 0))
  expect(view.funnel!.revenue.renewals).toBe(inPeriod.length - first.length)
  expect(view.funnel!.revenue.refundFen).toBe(inPeriod.reduce((s, o) => s + o.refundedFen, 0))
  expect(view.funnel!.revenue.refundFen).toBe(5000)
  const paid = orders.reduce((s, o) => s + o.amountFen, 0)
  expect(view.revenue!.byMonth.reduce((s, m) => s + m.fen, 0)).toBe(paid)
  expect(view.revenue!.byCircle).toEqual([{ circleId: circle.circleId, name: '减脂训练营', fen: paid - 5000 }])
  expect(view.revenue!.refundRate).toBeCloseTo(5000 / paid, 3)
  expect(view.revenue!.renewalRate).toBeCloseTo(1 / firsts.size, 3)

  // Cohorts: joins of 2026-11-02, -09 and -16 weeks, 14 members each; week 0 active = members who checked in within their join week.
  const cohort = view.cohorts.find((c) => c.week === '2026-11-02')!
  expect(cohort.size).toBe(14)
  const weekOf = (m: MemberDoc) => rawMembers.includes(m) && chinaDate(m.joinedAt) < '2026-11-09'
  const week0 = rawMembers.filter(weekOf).filter((m) => checkins.some((c) => c.openid === m._id && c.date < '2026-11-09')).length
  expect(cohort.active[0]).toBe(week0)
  expect(cohort.active[8]).toBeNull()
  expect(view.cohorts.map((c) => c.week)).toEqual(['2026-11-23', '2026-11-16', '2026-11-09', '2026-11-02'].filter((w) => view.cohorts.some((c) => c.week === w)))

  // Completion: the share of participants who checked in on day 1 of the challenge.
  const curve = view.completion.find((c) => c.challengeId === challengeId)!
  expect(curve.participants).toBe(members.length)
  expect(curve.byDay[0]).toBeCloseTo(checkins.filter((c) => c.dayNumber === 1).length / members.length, 3)

  // A second pass the same day does nothing; the host reads it in one request.
  await drain(runtime, ['refreshAnalytics'])
})
