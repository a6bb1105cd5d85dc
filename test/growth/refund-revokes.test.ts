// A refund takes back what its payment granted, once: the first payment's
// points and growth value, the tier (and with it the tier's perks), and its
// place on the points boards. A refund of an order that was not the first
// payment takes nothing; applying the refund again changes nothing.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { recordFact, FACTS, type FactDoc } from '../../cloudfunctions/domain/facts/facts'
import { moveBoards } from '../../cloudfunctions/domain/leaderboard/move-boards'
import { ENTRIES, boardIds, type EntryDoc } from '../../cloudfunctions/domain/leaderboard/boards'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'
import { CHINA_10AM } from '../checkin/checkin-fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const DAY = 24 * 3600_000

async function allEntries(openid: string): Promise<LedgerEntryDoc[]> {
  return (await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid }, { limit: 100 })).items
}

/** What a member has: points, growth, tier on the wallet and the member document, all-time and this week's board scores. */
async function standing(openid: string, at = CHINA_10AM) {
  const wallet = (await runtime.store.collection<WalletDoc>(WALLETS).get(openid))!
  const member = (await runtime.store.collection<MemberDoc>(MEMBERS).get(openid))!
  const entries = runtime.store.collection<EntryDoc>(ENTRIES)
  const score = async (boardId: string) => (await entries.get(`${boardId}:${openid}`))?.score ?? 0
  const ledger = await allEntries(openid)
  const held = ledger.filter((e) => e.points > 0).reduce((s, e) => s + e.remaining, 0)
  // The ledger adds up: entries sum to the wallet, and so do the grants less the unsettled spending.
  expect({ ledger: ledger.reduce((s, e) => s + e.points, 0), held: held - (wallet.unsettledSpent ?? 0) }).toEqual({ ledger: wallet.points, held: wallet.points })
  return {
    points: wallet.points,
    growth: wallet.growth,
    tierLevel: wallet.tierLevel,
    memberTier: member.tierLevel ?? 1,
    allTime: await score(boardIds.all()),
    week: await score(boardIds.week(at)),
    month: await score(boardIds.month(at))
  }
}

const payFirst = (openid: string, orderId: string, at = runtime.clock.now()) =>
  recordFact(runtime.store, { type: 'payment.first', key: openid, openid, refId: orderId, payload: { circleName: '减脂营' }, at })
const refunded = (openid: string, orderId: string, at = runtime.clock.now()) =>
  recordFact(runtime.store, { type: 'payment.refunded', key: orderId, openid, refId: orderId, payload: { circleName: '减脂营' }, at })

async function consume() {
  await applyFacts(runtime)
  await moveBoards(runtime, { batches: 5 })
}

test('a refunded first payment takes back its points, growth, tier and board place, once', async () => {
  ok(await call('member', 'me', {}, 'o_pay'))
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_pay', points: 30, reason: '活动', requestId: 'refund-grant-0001' }, HOST))
  await payFirst('o_pay', 'order-1')
  await consume()
  expect(await standing('o_pay')).toEqual({ points: 130, growth: 100, tierLevel: 2, memberTier: 2, allTime: 100, week: 100, month: 100 })
  runtime.clock.advance(2 * DAY)
  await refunded('o_pay', 'order-1')
  await consume()
  const after = { points: 30, growth: 0, tierLevel: 1, memberTier: 1, allTime: 0, week: 0, month: 0 }
  expect(await standing('o_pay')).toEqual(after)
  const refund = (await allEntries('o_pay')).find((e) => e.rule === 'refund')!
  expect(refund).toMatchObject({ points: -100, growth: -100, reason: '退款「减脂营」，收回首次付费奖励' })
  expect(ok(await call('growth', 'summary', {}, 'o_pay'))).toMatchObject({ points: 30, growth: 0, tier: { level: 1 } })
  // Again: the fact is recorded once and applied once.
  expect(await refunded('o_pay', 'order-1')).toBe(false)
  await consume()
  await consume()
  expect(await standing('o_pay')).toEqual(after)
  expect((await allEntries('o_pay')).filter((e) => e.rule === 'refund')).toHaveLength(1)
})

test('a refund of an order that was not the first payment takes nothing', async () => {
  ok(await call('member', 'me', {}, 'o_two'))
  await payFirst('o_two', 'order-a')
  await consume()
  runtime.clock.advance(DAY)
  await refunded('o_two', 'order-b')
  await consume()
  expect(await standing('o_two')).toEqual({ points: 100, growth: 100, tierLevel: 2, memberTier: 2, allTime: 100, week: 100, month: 100 })
  expect((await allEntries('o_two')).filter((e) => e.rule === 'refund')).toEqual([])
  expect(await runtime.store.collection<FactDoc>(FACTS).get('payment.refunded:order-b')).toMatchObject({ processedAt: expect.any(Number), granted: 0 })
  // A member who never paid: a refund fact takes nothing either.
  ok(await call('member', 'me', {}, 'o_none'))
  await refunded('o_none', 'order-c')
  await consume()
  expect(await runtime.store.collection<FactDoc>(FACTS).get('payment.refunded:order-c')).toMatchObject({ processedAt: expect.any(Number), granted: 0 })
})

test('points already spent: the refund takes what the balance has (never below 0), and growth and tier still go', async () => {
  ok(await call('member', 'me', {}, 'o_spent'))
  await payFirst('o_spent', 'order-s')
  await consume()
  ok(await call('growth', 'adjustPoints', { memberOpenid: 'o_spent', points: -80, reason: '兑换', requestId: 'refund-spend-0001' }, HOST))
  runtime.clock.advance(DAY)
  await refunded('o_spent', 'order-s')
  await consume()
  expect(await standing('o_spent')).toEqual({ points: 0, growth: 0, tierLevel: 1, memberTier: 1, allTime: 0, week: 0, month: 0 })
})

test("refunded a week later: the boards of the payment's week move back, and a tier reached again after it is not announced twice", async () => {
  ok(await call('member', 'me', {}, 'o_late'))
  const paidAt = runtime.clock.now()
  await payFirst('o_late', 'order-l')
  await consume()
  runtime.clock.advance(8 * DAY)
  await refunded('o_late', 'order-l')
  await consume()
  expect(await standing('o_late', paidAt)).toMatchObject({ points: 0, growth: 0, tierLevel: 1, allTime: 0, week: 0 })
  // Growth earned again reaches Lv2 again: no second announcement (a duplicate insert would abort the grant).
  await recordFact(runtime.store, { type: 'challenge.completed', key: 'o_late:c1', openid: 'o_late', refId: 'c1', payload: { challengeId: 'c1', challengeTitle: '21 天' }, at: runtime.clock.now() })
  await consume()
  expect(await standing('o_late', paidAt)).toMatchObject({ points: 100, growth: 100, tierLevel: 2, memberTier: 2 })
  expect((await runtime.store.collection(OUTBOX).find({}, { limit: 100 })).items.filter((m) => m._id === 'tierUp:o_late:2')).toHaveLength(1)
})

test('the payment and its refund applied in one run, in order', async () => {
  ok(await call('member', 'me', {}, 'o_both'))
  await payFirst('o_both', 'order-x')
  runtime.clock.advance(1000)
  await refunded('o_both', 'order-x')
  await consume()
  expect(await standing('o_both')).toEqual({ points: 0, growth: 0, tierLevel: 1, memberTier: 1, allTime: 0, week: 0, month: 0 })
})

test('an event fee reads as one in the ledger: 首次付费报名「…」, and its refund names the event', async () => {
  await recordFact(runtime.store, { type: 'payment.first', key: 'o_event', openid: 'o_event', refId: 'order-event', payload: { kind: 'event', title: '周末徒步' }, at: runtime.clock.now() })
  await consume()
  expect((await allEntries('o_event')).map((e) => e.reason)).toEqual(['首次付费报名「周末徒步」'])
  await recordFact(runtime.store, { type: 'payment.refunded', key: 'order-event', openid: 'o_event', refId: 'order-event', payload: { circleName: '周末徒步' }, at: runtime.clock.now() })
  await consume()
  expect((await allEntries('o_event')).map((e) => e.reason).sort()).toEqual(['退款「周末徒步」，收回首次付费奖励', '首次付费报名「周末徒步」'].sort())
})
