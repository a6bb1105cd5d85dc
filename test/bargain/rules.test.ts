// The bargain's rules: starting one (one open per member per campaign), the
// cuts (server-decided from the seed, the floor in exactly N cuts, self and
// twice refused, the daily cap), expiry, paying the current price (a cut after
// the order opened leaves its price), what paying grants for each kind of
// item through that item's own kind and what a refund takes back, and the
// host's pause, measures and cut log. Every test ends with the books checked whole.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { closeUnpaidOrders } from '../../cloudfunctions/domain/orders/close-unpaid'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { FACTS } from '../../cloudfunctions/domain/facts/facts'
import { SIGNUPS, type SignupDoc } from '../../cloudfunctions/domain/events/event'
import { BARGAINS, BARGAIN_CUTS, type BargainCutDoc, type BargainDoc } from '../../cloudfunctions/domain/plays/bargain/bargain'
import { cutSchedule } from '../../cloudfunctions/domain/plays/bargain/schedule'
import { HOUR, MIN, createCampaign, cut, mallItem, paidEvent, pay, payFor, planCampaign, start, view } from './fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const doc = async (bargainId: string) => (await runtime.store.collection<BargainDoc>(BARGAINS).get(bargainId))!
const order = async (orderId: string) => (await runtime.store.collection<OrderDoc>(ORDERS).get(orderId))!
const hostView = async (campaignId: string) => ok(await call('fission', 'hostBargainCampaigns', {}, HOST)).items.find((c) => c.id === campaignId)!
const refund = (orderId: string, amountFen: number) => call('membership', 'refundOrder', { orderId, amountFen, requestId: `rf${orderId.slice(-6)}`, reason: '协商退款' }, HOST)
const friends = (n: number) => Array.from({ length: n }, (_, i) => `o_friend_${i}`)

describe('starting and cutting', () => {
  test('friends cut by the amounts the seed decided: the floor in exactly N cuts, sums exact, then no more cuts', async () => {
    const { campaign } = await planCampaign(runtime, { startFen: 9900, floorFen: 990, cuts: 5 })
    const bargain = ok(await start(campaign.id, 'o_me'))
    expect(bargain).toMatchObject({ priceFen: 9900, cutFen: 0, leftFen: 8910, cuts: 0, cutsTotal: 5, status: 'open', isMine: true, cutters: [] })
    // Starting again answers the same bargain (one open bargain per member per campaign).
    expect(ok(await start(campaign.id, 'o_me')).id).toBe(bargain.id)
    const stored = await doc(bargain.id)
    expect(stored.amounts).toEqual(cutSchedule(stored.seed, 8910, 5))
    // The seed never leaves the server.
    expect(JSON.stringify(await view(bargain.id, 'o_me'))).not.toContain(stored.seed)
    const taken = []
    for (const friend of friends(5)) taken.push(ok(await cut(bargain.id, friend)))
    expect(taken.map((t) => t.k)).toEqual([1, 2, 3, 4, 5])
    expect(taken.map((t) => t.amountFen)).toEqual(stored.amounts)
    expect(taken[4]).toMatchObject({ priceFen: 990, reachedFloor: true })
    const after = await view(bargain.id, 'o_friend_0')
    expect(after).toMatchObject({ priceFen: 990, cutFen: 8910, leftFen: 0, cuts: 5, reachedFloor: true, isMine: false, myCut: { k: 1, amountFen: stored.amounts[0] } })
    expect(after.cutters.map((c) => c.k)).toEqual([5, 4, 3, 2, 1])
    expect(await cut(bargain.id, 'o_late')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已经砍到底价啦' } })
    expect(await runtime.store.collection(FACTS).get(`bargain.cut:${bargain.id}:o_friend_2`)).toMatchObject({ payload: { k: 3, amountFen: stored.amounts[2] } })
    expect(await runtime.store.collection(FACTS).get(`bargain.started:${bargain.id}`)).toMatchObject({ openid: 'o_me' })
  })

  test('no self-cut, one cut per friend, and a friend’s daily cap in the campaign (the next China day opens again)', async () => {
    const { campaign } = await planCampaign(runtime, { dailyCap: 2, cuts: 10, hours: 48 })
    const b1 = ok(await start(campaign.id, 'o_me'))
    expect(await cut(b1.id, 'o_me')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能给自己砍价，分享给好友帮你砍吧' } })
    ok(await cut(b1.id, 'o_f'))
    expect(await cut(b1.id, 'o_f')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '你已经帮 TA 砍过一刀了' } })
    const b2 = ok(await start(campaign.id, 'o_me2'))
    const b3 = ok(await start(campaign.id, 'o_me3'))
    ok(await cut(b2.id, 'o_f'))
    expect(await cut(b3.id, 'o_f')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '今天在这个活动里已砍了 2 刀，明天再来吧' } })
    // A refused cut wrote nothing.
    expect((await doc(b3.id)).cuts).toBe(0)
    expect(await runtime.store.collection(BARGAIN_CUTS).get(`${b3.id}:o_f`)).toBeNull()
    runtime.clock.advance(24 * HOUR)
    ok(await cut(b3.id, 'o_f'))
  })

  test('a cut whose function died before taking a place (its cut document left pending) is taken over by the same friend a minute later', async () => {
    const { campaign } = await planCampaign(runtime)
    const b = ok(await start(campaign.id, 'o_me'))
    const at = runtime.clock.now()
    await runtime.store.collection<BargainCutDoc>(BARGAIN_CUTS).insert({
      _id: `${b.id}:o_f`,
      bargainId: b.id,
      campaignId: campaign.id,
      starter: 'o_me',
      starterNickname: '',
      openid: 'o_f',
      nickname: '',
      state: 'pending',
      k: 0,
      amountFen: 0,
      newMember: true,
      at
    })
    expect(await cut(b.id, 'o_f')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    runtime.clock.advance(MIN)
    expect(ok(await cut(b.id, 'o_f'))).toMatchObject({ k: 1 })
    expect(await runtime.store.collection(BARGAIN_CUTS).get(`${b.id}:o_f`)).toMatchObject({ state: 'done', k: 1 })
    expect(await cut(b.id, 'o_f')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '你已经帮 TA 砍过一刀了' } })
  })

  test('a paused campaign starts no bargain and takes no cut; resumed, it does; members see campaigns not ended', async () => {
    const { campaign } = await planCampaign(runtime)
    const b = ok(await start(campaign.id, 'o_me'))
    ok(await call('fission', 'pauseBargainCampaign', { campaignId: campaign.id, paused: true }, HOST))
    expect(await start(campaign.id, 'o_other')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '砍价活动已暂停，请稍后再来' } })
    expect(await cut(b.id, 'o_f')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '砍价活动已暂停，请稍后再来' } })
    expect(await view(b.id, 'o_f')).toMatchObject({ paused: true })
    ok(await call('fission', 'pauseBargainCampaign', { campaignId: campaign.id, paused: false }, HOST))
    ok(await cut(b.id, 'o_f'))
    const list = ok(await call('fission', 'bargainCampaigns', {}, 'o_me')).items
    expect(list).toMatchObject([{ id: campaign.id, phase: 'running', mine: { bargainId: b.id, status: 'open' } }])
    expect(await call('fission', 'pauseBargainCampaign', { campaignId: campaign.id, paused: true }, 'o_me')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('the host cannot make a floor at or above the start, fewer fen than cuts, or a start above the plan’s price', async () => {
    const { campaign } = await planCampaign(runtime)
    const base = { title: '月卡砍价', startFen: 9900, floorFen: 990, cuts: 5, hours: 24, dailyCap: 3, endAt: runtime.clock.now() + HOUR }
    const target = { type: 'event' as const, eventId: await paidEvent(runtime) }
    expect(await call('fission', 'createBargainCampaign', { ...base, target, floorFen: 9900 }, HOST)).toMatchObject({ ok: false, error: { field: 'floorFen' } })
    expect(await call('fission', 'createBargainCampaign', { ...base, target, startFen: 994, cuts: 5 }, HOST)).toMatchObject({ ok: false, error: { field: 'cuts' } })
    expect(await call('fission', 'createBargainCampaign', { ...base, target, startFen: 6000 }, HOST)).toMatchObject({ ok: false, error: { field: 'startFen', message: '起砍价不能高于原价' } })
    expect(campaign.originalFen).toBe(9900)
  })
})

describe('expiry', () => {
  test('an expired bargain takes no cut and cannot be paid; its open order closes at the end by the timer (twice harmless); the member may start again', async () => {
    const { campaign } = await planCampaign(runtime, { hours: 1 })
    const b = ok(await start(campaign.id, 'o_me'))
    ok(await cut(b.id, 'o_f1'))
    runtime.clock.advance(50 * MIN)
    const opened = ok(await payFor(b.id, 'o_me'))
    // The order's window never passes the bargain's end.
    expect(opened.payBefore).toBe(b.expiresAt)
    runtime.clock.advance(10 * MIN)
    expect(await view(b.id, 'o_me')).toMatchObject({ status: 'expired', openOrder: null })
    expect(await cut(b.id, 'o_f2')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '这个砍价已过期' } })
    expect(await payFor(b.id, 'o_me')).toMatchObject({ ok: false, error: { code: 'CHECKIN_CLOSED', message: '砍价已过期，不能再按砍后价购买' } })
    expect(await closeUnpaidOrders(runtime)).toMatchObject({ closed: 1 })
    expect(await closeUnpaidOrders(runtime)).toMatchObject({ closed: 0 })
    expect(await order(opened.orderId)).toMatchObject({ status: 'closed' })
    await expect(runtime.payments.pay(opened.orderId)).rejects.toThrow()
    expect(await doc(b.id)).toMatchObject({ status: 'open', orderId: null })
    const again = ok(await start(campaign.id, 'o_me'))
    expect(again.id).not.toBe(b.id)
    expect(again).toMatchObject({ priceFen: 9900, cuts: 0, status: 'open' })
  })
})

describe('paying the current price', () => {
  test('the order is priced on the server at the price now; a later cut leaves that order’s price; after it lapses the next order has the new price', async () => {
    const { campaign } = await planCampaign(runtime, { cuts: 5 })
    const b = ok(await start(campaign.id, 'o_me'))
    const first = ok(await cut(b.id, 'o_f1'))
    const opened = ok(await payFor(b.id, 'o_me'))
    expect(opened).toMatchObject({ amountFen: first.priceFen, resumed: false })
    const second = ok(await cut(b.id, 'o_f2'))
    expect(second.priceFen).toBeLessThan(first.priceFen)
    expect(ok(await payFor(b.id, 'o_me'))).toMatchObject({ orderId: opened.orderId, amountFen: first.priceFen, resumed: true })
    expect(await view(b.id, 'o_me')).toMatchObject({ priceFen: second.priceFen, openOrder: { orderId: opened.orderId, amountFen: first.priceFen } })
    expect(await payFor(b.id, 'o_f1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    runtime.clock.advance(15 * MIN)
    await closeUnpaidOrders(runtime)
    const next = ok(await payFor(b.id, 'o_me'))
    expect(next).toMatchObject({ amountFen: second.priceFen, resumed: false })
    expect(next.orderId).not.toBe(opened.orderId)
    await pay(runtime, next.orderId)
    expect(await view(b.id, 'o_me')).toMatchObject({ status: 'paid', paidOrderId: next.orderId, openOrder: null })
    expect(await cut(b.id, 'o_f3')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'TA 已经买下了，不用再砍啦' } })
    expect(await payFor(b.id, 'o_me')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    expect(await start(campaign.id, 'o_me')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    expect(await runtime.store.collection(FACTS).get(`bargain.purchased:${next.orderId}`)).toMatchObject({ payload: { bargainId: b.id, priceFen: second.priceFen, cuts: 2 } })
  })

  test('cancelling the open order (取消订单) lets the member pay the lower price at once', async () => {
    const { campaign } = await planCampaign(runtime)
    const b = ok(await start(campaign.id, 'o_me'))
    const opened = ok(await payFor(b.id, 'o_me'))
    expect(opened.amountFen).toBe(9900)
    const c = ok(await cut(b.id, 'o_f1'))
    ok(await call('membership', 'cancelOrder', { orderId: opened.orderId }, 'o_me'))
    expect(ok(await payFor(b.id, 'o_me'))).toMatchObject({ amountFen: c.priceFen, resumed: false })
  })
})

describe('fulfilment through the item’s own kind; a refund takes it back', () => {
  test('a plan at the floor: the membership runs for the plan’s days; the host measures it; a refund ends it', async () => {
    const { campaign, circleId } = await planCampaign(runtime, { cuts: 3, startFen: 9900, floorFen: 1990 })
    const b = ok(await start(campaign.id, 'o_me'))
    for (const f of friends(3)) ok(await cut(b.id, f))
    const opened = ok(await payFor(b.id, 'o_me'))
    expect(opened.amountFen).toBe(1990)
    await pay(runtime, opened.orderId)
    expect(await order(opened.orderId)).toMatchObject({ status: 'fulfilled', amountFen: 1990 })
    const membership = ok(await call('membership', 'getCircle', { circleId }, 'o_me')).membership
    expect(membership).toMatchObject({ status: 'active' })
    expect(membership!.endsAt).toBe(runtime.clock.now() + 30 * 24 * HOUR)
    expect((await hostView(campaign.id)).measures).toEqual({ started: 1, reachedFloor: 1, paid: 1, revenueFen: 1990, revenueCapped: false, newMembers: 3, cuts: 3 })
    const log = ok(await call('fission', 'bargainCutLog', { campaignId: campaign.id }, HOST)).items
    expect(log.map((l) => l.k).sort()).toEqual([1, 2, 3])
    expect(log[0]).toMatchObject({ bargainId: b.id, newMember: true })
    ok(await refund(opened.orderId, 1990))
    expect(ok(await call('membership', 'getCircle', { circleId }, 'o_me')).membership).toMatchObject({ status: 'refunded' })
    expect(await view(b.id, 'o_me')).toMatchObject({ status: 'refunded' })
    expect((await hostView(campaign.id)).measures).toMatchObject({ paid: 0, revenueFen: 0 })
  })

  test('an event seat: paying confirms a seat through the seat kind; a refund cancels the signup and frees the seat', async () => {
    const eventId = await paidEvent(runtime, { capacity: 2 })
    const campaign = await createCampaign(runtime, { type: 'event', eventId }, { startFen: 5000, floorFen: 100, cuts: 4 })
    const b = ok(await start(campaign.id, 'o_me'))
    ok(await cut(b.id, 'o_f1'))
    const opened = ok(await payFor(b.id, 'o_me'))
    await pay(runtime, opened.orderId)
    const signups = runtime.store.collection<SignupDoc>(SIGNUPS)
    expect(await signups.get(`${eventId}:o_me`)).toMatchObject({ status: 'confirmed', orderId: opened.orderId })
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_me'))).toMatchObject({ seatsLeft: 1 })
    ok(await refund(opened.orderId, opened.amountFen))
    expect(await signups.get(`${eventId}:o_me`)).toMatchObject({ status: 'cancelled' })
    expect(ok(await call('events', 'getEvent', { eventId }, 'o_me'))).toMatchObject({ seatsLeft: 2 })
  })

  test('a mall item: paying records the redemption at 0 points; a refund takes it back and returns the unit to the mall', async () => {
    const itemId = await mallItem('makeupCard', 5)
    const campaign = await createCampaign(runtime, { type: 'mall', itemId }, { startFen: 1000, floorFen: 100, cuts: 3 })
    const b = ok(await start(campaign.id, 'o_me'))
    const cards = async () => ok(await call('growth', 'summary', {}, 'o_me')).makeupCards
    const before = await cards()
    const opened = ok(await payFor(b.id, 'o_me'))
    await pay(runtime, opened.orderId)
    const after = await cards()
    expect(after).toBeGreaterThanOrEqual(before + 1)
    expect(ok(await call('growth', 'myRedemptions', {}, 'o_me')).items).toMatchObject([{ itemId, pricePoints: 0, status: 'done' }])
    expect(ok(await call('growth', 'mallItems', {}, 'o_me')).items.find((i) => i.id === itemId)).toMatchObject({ stock: 4 })
    ok(await refund(opened.orderId, 1000))
    expect(await cards()).toBe(after - 1)
    expect(ok(await call('growth', 'mallItems', {}, 'o_me')).items.find((i) => i.id === itemId)).toMatchObject({ stock: 5 })
  })

  test('a physical mall item needs an address, which the redemption carries', async () => {
    const itemId = await mallItem('physical', 5)
    const campaign = await createCampaign(runtime, { type: 'mall', itemId }, { startFen: 1000, floorFen: 100, cuts: 3 })
    const b = ok(await start(campaign.id, 'o_me'))
    expect(await payFor(b.id, 'o_me')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'address' } })
    const address = { name: '小美', phone: '13800000000', address: '上海市徐汇区某路 1 号' }
    const opened = ok(await call('fission', 'payBargain', { bargainId: b.id, address }, 'o_me'))
    await pay(runtime, opened.orderId)
    expect(ok(await call('growth', 'myRedemptions', {}, 'o_me')).items).toMatchObject([{ status: 'awaitingShipment', address }])
  })
})

test('money: 12 members bargain, some pay at different prices, some lapse, some are refunded; paid = fulfilled + refunded and revenue is what was kept', async () => {
  const { campaign } = await planCampaign(runtime, { cuts: 4, dailyCap: 20 })
  const ids: string[] = []
  for (let i = 0; i < 12; i++) {
    const b = ok(await start(campaign.id, `o_m${i}`))
    for (let f = 0; f < i % 5; f++) await cut(b.id, `o_cutter${f}`)
    ids.push(ok(await payFor(b.id, `o_m${i}`)).orderId)
  }
  for (const id of ids.slice(0, 8)) await pay(runtime, id)
  for (const id of ids.slice(0, 3)) ok(await refund(id, (await order(id)).amountFen))
  runtime.clock.advance(15 * MIN)
  await closeUnpaidOrders(runtime)
  const docs = await Promise.all(ids.map(order))
  expect(docs.filter((o) => o.status === 'fulfilled')).toHaveLength(5)
  expect(docs.filter((o) => o.status === 'refunded')).toHaveLength(3)
  expect(docs.filter((o) => o.status === 'closed')).toHaveLength(4)
  const kept = docs.filter((o) => o.status === 'fulfilled').reduce((s, o) => s + o.amountFen, 0)
  expect(docs.filter((o) => o.paidAt !== null).reduce((s, o) => s + o.amountFen, 0)).toBe(kept + docs.reduce((s, o) => s + o.refundedFen, 0))
  expect((await hostView(campaign.id)).measures).toMatchObject({ started: 12, paid: 5, revenueFen: kept })
})
