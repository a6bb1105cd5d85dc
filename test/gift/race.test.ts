// A card claimed by many at the same instant on the strict embedded twin: exactly one wins, the others are told it
// is taken, one membership is granted; and a claim racing the timer's refund ends one way only.
import { call, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { CIRCLE_MEMBERS } from '../../cloudfunctions/domain/membership/membership'
import { GIFT_CARDS, type GiftCardDoc } from '../../cloudfunctions/domain/plays/gift/gift'
import { DAY, paidCard, runTimer } from './fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

test('two friends claim one card at once: one wins, the other is refused, one membership', async () => {
  const { circleId, cardId } = await paidCard(runtime, 'o_buyer')
  const [a, b] = await Promise.all([call('gifts', 'claimGiftCard', { cardId }, 'o_a'), call('gifts', 'claimGiftCard', { cardId }, 'o_b')])
  expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
  const loser = a.ok ? b : a
  expect(loser).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  const members = await runtime.store.collection(CIRCLE_MEMBERS).find({ circleId }, { limit: 10 })
  expect(members.items).toHaveLength(1)
  const card = (await runtime.store.collection<GiftCardDoc>(GIFT_CARDS).get(cardId))!
  expect(card.claimedBy).toBe(a.ok ? 'o_a' : 'o_b')
})

test('50 claimers at once (with the buyer among them): one membership, every other answer a refusal', async () => {
  const { circleId, cardId } = await paidCard(runtime, 'o_buyer')
  const results = await Promise.all([call('gifts', 'claimGiftCard', { cardId }, 'o_buyer'), ...Array.from({ length: 50 }, (_, i) => call('gifts', 'claimGiftCard', { cardId }, `o_rush_${i}`))])
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results[0]).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const codes = new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)))
  expect([...codes].every((c) => c === 'CONFLICT' || c === 'FORBIDDEN' || c === 'BUSY')).toBe(true)
  expect((await runtime.store.collection(CIRCLE_MEMBERS).find({ circleId }, { limit: 100 })).items).toHaveLength(1)
}, 60_000)

test('a claim racing the timer refund on the last day: claimed and not refunded, or refunded and not claimed', async () => {
  for (let round = 0; round < 5; round++) {
    const { circleId, cardId, orderId } = await paidCard(runtime, `o_buyer_${round}`)
    runtime.clock.advance(30 * DAY)
    const [claim] = await Promise.all([call('gifts', 'claimGiftCard', { cardId }, `o_friend_${round}`), runTimer()])
    const card = (await runtime.store.collection<GiftCardDoc>(GIFT_CARDS).get(cardId))!
    const order = (await runtime.store.collection<OrderDoc>(ORDERS).get(orderId))!
    const member = await runtime.store.collection(CIRCLE_MEMBERS).find({ circleId }, { limit: 10 })
    if (claim.ok) {
      expect(card.state).toBe('claimed')
      expect(order.refundedFen).toBe(0)
      expect(member.items).toHaveLength(1)
    } else {
      expect(card.state).toBe('refunded')
      expect(order.status).toBe('refunded')
      expect(member.items).toHaveLength(0)
    }
  }
}, 60_000)
