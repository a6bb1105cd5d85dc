// The seam, proved: a paid capability the code base has never seen registers
// its order kind from its own folder (./throwaway-kind) and is bought, paid
// through the sandbox notify, refunded and closed by the orders module, its
// coupons applied by scope, with no other capability's files touched.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { createCircle } from '../helpers/circle'
import { deliverNotify, payOrder } from '../helpers/pay'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { closeUnpaidOrders } from '../../cloudfunctions/domain/orders/close-unpaid'
import { couponScopes } from '../../cloudfunctions/domain/orders/kinds'
import { CAMPAIGNS, COUPONS } from '../../cloudfunctions/domain/rewards/coupons'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'
import { STICKER_PACKS, STICKER_RELEASES, buyStickers, type StickerPackDoc } from './throwaway-kind'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const order = async (id: string) => (await runtime.store.collection<OrderDoc>(ORDERS).get(id))!
const pack = async (id: string) => runtime.store.collection<StickerPackDoc>(STICKER_PACKS).get(id)

/** A coupon the member holds, from a campaign for `appliesTo` (written directly: the host's form offers the scopes the app shows). */
async function couponFor(appliesTo: string[], openid = 'o_a'): Promise<string> {
  const now = runtime.clock.now()
  const campaignId = `camp-${appliesTo.join('-')}`
  await runtime.store.collection(CAMPAIGNS).insert({
    _id: campaignId,
    name: '立减 1 元',
    kind: 'amountOff',
    amountOffFen: 100,
    percentOff: 0,
    minSpendFen: 0,
    validFrom: now - 1000,
    validTo: now + 86_400_000,
    appliesTo,
    stock: 10,
    claimed: 1,
    channel: 'claim',
    eventId: null,
    createdAt: now
  } as never)
  await runtime.store.collection(COUPONS).insert({ _id: `${campaignId}:${openid}`, campaignId, openid, status: 'available', orderId: null, claimedAt: now } as never)
  return `${campaignId}:${openid}`
}

test('its coupon scope is its kind, next to the built-in kinds; money held for the member (a deposit) takes no coupon', () => {
  expect(couponScopes()).toEqual(expect.arrayContaining(['membership', 'event', 'stickers']))
  expect(couponScopes()).not.toContain('deposit')
})

test('bought, paid through the signed sandbox notify (once, however often it is replayed), then refunded in full', async () => {
  const { order: bought, resumed } = await buyStickers(runtime, 'o_a', 'cats')
  expect(resumed).toBe(false)
  expect(bought).toMatchObject({ kind: 'stickers', item: { kind: 'stickers', packId: 'cats' }, amountFen: 600, status: 'created' })
  // No membership placeholders on the document.
  expect(bought).not.toHaveProperty('circleId')
  expect(bought).not.toHaveProperty('days')
  // Tapping buy again answers the same open order.
  expect(await buyStickers(runtime, 'o_a', 'cats')).toMatchObject({ order: { _id: bought._id }, resumed: true })

  const notify = await runtime.payments.pay(bought._id)
  expect((await deliverNotify(notify)).statusCode).toBe(200)
  expect((await deliverNotify(notify)).statusCode).toBe(200)
  expect(await order(bought._id)).toMatchObject({ status: 'fulfilled', paidAt: runtime.clock.now() })
  expect(await pack(bought._id)).toMatchObject({ openid: 'o_a', packId: 'cats', status: 'owned' })
  expect(await runtime.store.collection(FACTS).get('payment.first:o_a')).toMatchObject({ refId: bought._id, payload: { kind: 'stickers', title: '贴纸包 cats' } })

  // The member and host views read it through its kind's description.
  expect(ok(await call('membership', 'getOrder', { orderId: bought._id }, 'o_a'))).toMatchObject({ circleName: '贴纸包 cats', planName: '贴纸包', status: 'fulfilled', refundableFen: 0 })

  // The host's refund, through the same action as any order's.
  const refunded = ok(await call('membership', 'refundOrder', { orderId: bought._id, amountFen: 600, requestId: 'sticker1', reason: '协商退款' }, HOST))
  expect(refunded).toMatchObject({ status: 'refunded', refundedFen: 600 })
  expect(await pack(bought._id)).toMatchObject({ status: 'revoked' })
  expect((await runtime.payments.trade(bought._id))!.refundedFen).toBe(600)
  const message = await runtime.store.collection<{ _id: string; payload: { page: string } }>(OUTBOX).get(`refunded:${bought._id}-sticker1`)
  expect(message!.payload.page).toBe('packages/stickers/index?id=cats')
  // Refunded is final: the machine refuses another.
  expect(await call('membership', 'refundOrder', { orderId: bought._id, amountFen: 1, requestId: 'sticker2', reason: '再退' }, HOST)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '这笔订单不能退款' }
  })
})

test('a partial refund leaves it fulfilled (partly refunded) and keeps what it bought', async () => {
  const { order: bought } = await buyStickers(runtime, 'o_a', 'dogs')
  expect((await payOrder(runtime, bought._id)).statusCode).toBe(200)
  expect(ok(await call('membership', 'refundOrder', { orderId: bought._id, amountFen: 200, requestId: 'part1', reason: '部分退款' }, HOST))).toMatchObject({ status: 'fulfilled', refundedFen: 200 })
  expect(await pack(bought._id)).toMatchObject({ status: 'owned' })
})

test('unpaid after 30 minutes: the one closing job closes it at the provider and here, its kind lets go, its coupon comes back', async () => {
  const couponId = await couponFor(['stickers'])
  const { order: bought } = await buyStickers(runtime, 'o_a', 'birds', couponId)
  expect(bought).toMatchObject({ listPriceFen: 600, discountFen: 100, amountFen: 500 })
  expect(await runtime.store.collection(COUPONS).get(couponId)).toMatchObject({ status: 'locked', orderId: bought._id })

  runtime.clock.advance(29 * 60_000)
  expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 0, settled: 0 })
  runtime.clock.advance(2 * 60_000)
  expect(await closeUnpaidOrders(runtime)).toEqual({ closed: 1, settled: 0 })
  expect(await order(bought._id)).toMatchObject({ status: 'closed', closedReason: 'expired' })
  expect((await runtime.payments.trade(bought._id))!.state).toBe('CLOSED')
  expect(await runtime.store.collection(STICKER_RELEASES).get(bought._id)).toMatchObject({ reason: 'expired' })
  expect(await runtime.store.collection(COUPONS).get(couponId)).toMatchObject({ status: 'available', orderId: null })
  // Closed is final for the member: the machine will not take it back to paid.
  expect(await pack(bought._id)).toBeNull()
})

test('a coupon for another kind is refused in that kind’s words; one for stickers is refused by the others', async () => {
  const membershipOnly = await couponFor(['membership'])
  await expect(buyStickers(runtime, 'o_a', 'cats', membershipOnly)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '这张优惠券不能用于贴纸' })
  const stickersOnly = await couponFor(['stickers'], 'o_b')
  const circle = await createCircle({ name: '私教营', description: '' })
  expect(await call('membership', 'createOrder', { circleId: circle.id, planId: circle.plans[0].id, couponId: stickersOnly }, 'o_b')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '这张优惠券不能用于会员' }
  })
})

test("a campaign may name the new kind's coupon scope with no edit to rewards: the scopes are the registered kinds'", async () => {
  const input = { name: '贴纸立减', kind: 'amountOff' as const, amountOffFen: 100, percentOff: 0, minSpendFen: 0, validFrom: 1_800_000_000_000, validTo: 1_800_000_001_000, stock: 10 }
  expect(ok(await call('rewards', 'createCampaign', { ...input, appliesTo: ['stickers'] as never }, HOST))).toMatchObject({ appliesTo: ['stickers'] })
  const refused = await call('rewards', 'createCampaign', { ...input, appliesTo: ['lottery'] as never }, HOST) // a kind nobody registered
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'appliesTo.0' } })
  expect((refused as { error: { message: string } }).error.message).toMatch(/^适用范围只能是.*贴纸/)
  // A deposit is registered but held money: no campaign may discount it.
  expect(await call('rewards', 'createCampaign', { ...input, appliesTo: ['deposit'] as never }, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'appliesTo.0' } })
})
