// The points mall: atomic redemption under a 200-member race for 50 units,
// balances that always add up to the ledger, physical items with shipping, and
// a make-up card bought with points used in a challenge.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { CHINA_10AM, createChallenge } from '../checkin/checkin-fixtures'
import { createRewardCampaign } from '../helpers/coupon-campaign'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const item = (overrides: object = {}) => ({
  name: '补卡券',
  description: '任意挑战补一次卡',
  imageFileId: '',
  kind: 'makeupCard' as const,
  pricePoints: 50,
  stock: 50,
  minTierLevel: 1,
  perMemberLimit: 0,
  ...overrides
})

async function fund(openid: string, points: number) {
  ok(await call('member', 'me', {}, openid))
  ok(await call('growth', 'adjustPoints', { memberOpenid: openid, points, reason: '测试', requestId: `fund-${openid}`.replace(/[^A-Za-z0-9_-]/g, '') }, HOST))
}

async function balancesMatchLedger(): Promise<boolean> {
  const wallets = (await runtime.store.collection<WalletDoc>(WALLETS).find({}, { limit: 100 })).items
  let after: string | null = null
  const sums = new Map<string, number>()
  do {
    const page: { items: LedgerEntryDoc[]; next: string | null } = await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({}, { limit: 100, after })
    for (const e of page.items) sums.set(e.openid, (sums.get(e.openid) ?? 0) + e.points)
    after = page.next
  } while (after)
  return wallets.every((w) => w.points === (sums.get(w._id) ?? 0) && w.points >= 0)
}

test('200 concurrent redemptions of 50 in stock: exactly 50 succeed, 150 are told it is sold out', async () => {
  const { id } = ok(await call('growth', 'createMallItem', item(), HOST))
  const members = Array.from({ length: 200 }, (_, i) => `o_m${i}`)
  for (const m of members) await fund(m, 60)
  const results = await Promise.all(members.map((m, i) => call('growth', 'redeem', { itemId: id, requestId: `race-${String(i).padStart(4, '0')}` }, m)))
  expect(results.filter((r) => r.ok)).toHaveLength(50)
  const failures = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))
  expect(failures).toHaveLength(150)
  expect(new Set(failures)).toEqual(new Set(['OUT_OF_STOCK']))
  const items = ok(await call('growth', 'mallItems', {}, 'o_m0')).items
  expect(items[0]).toMatchObject({ stock: 0, redeemedCount: 50 })
  expect(await balancesMatchLedger()).toBe(true)
})

test('a member racing their own balance never goes negative', async () => {
  const { id } = ok(await call('growth', 'createMallItem', item({ stock: 100 }), HOST))
  await fund('o_a', 120) // enough for two
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => call('growth', 'redeem', { itemId: id, requestId: `self-${String(i).padStart(4, '0')}` }, 'o_a')))
  expect(results.filter((r) => r.ok)).toHaveLength(2)
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'LIMIT_REACHED')).toBe(true)
  expect((await runtime.store.collection<WalletDoc>(WALLETS).get('o_a'))!.points).toBe(20)
  expect(await balancesMatchLedger()).toBe(true)
})

test('a retried tap redeems once', async () => {
  const { id } = ok(await call('growth', 'createMallItem', item(), HOST))
  await fund('o_a', 200)
  const first = ok(await call('growth', 'redeem', { itemId: id, requestId: 'tap-00000001' }, 'o_a'))
  const again = ok(await call('growth', 'redeem', { itemId: id, requestId: 'tap-00000001' }, 'o_a'))
  expect(again.id).toBe(first.id)
  expect(ok(await call('growth', 'summary', {}, 'o_a'))).toMatchObject({ points: 150, makeupCards: 1 })
})

test('a make-up card bought in the mall fills a missed day once the challenge allowance is used up', async () => {
  const challengeId = await createChallenge({ startDate: '2026-11-15', makeupCardsPerMember: 0 })
  // Joined on its first day: the missed days since can be made up.
  runtime.clock.set('2026-11-15T08:00:00+08:00')
  ok(await call('checkin', 'joinChallenge', { challengeId }, 'o_a'))
  runtime.clock.set(CHINA_10AM)
  const { id } = ok(await call('growth', 'createMallItem', item(), HOST))
  await fund('o_a', 50)
  const before = ok(await call('checkin', 'getChallenge', { challengeId }, 'o_a')).progress
  expect(before).toMatchObject({ makeupCardsLeft: 0, makeupableDates: [] })
  ok(await call('growth', 'redeem', { itemId: id, requestId: 'card-00000001' }, 'o_a'))
  const after = ok(await call('checkin', 'getChallenge', { challengeId }, 'o_a')).progress
  expect(after).toMatchObject({ makeupCardsLeft: 1, makeupableDates: ['2026-11-20', '2026-11-21', '2026-11-22'] })
  ok(await call('checkin', 'makeupCheckin', { challengeId, date: '2026-11-22', text: '用补卡券补上昨天', photoFileIds: [] }, 'o_a'))
  expect(ok(await call('growth', 'summary', {}, 'o_a')).makeupCards).toBe(0)
  expect(await call('checkin', 'makeupCheckin', { challengeId, date: '2026-11-21', text: '再补一天试试看', photoFileIds: [] }, 'o_a')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
})

test('physical items need an address and go through shipping', async () => {
  const { id } = ok(await call('growth', 'createMallItem', item({ name: '社群定制水杯', kind: 'physical', pricePoints: 30, stock: 5 }), HOST))
  await fund('o_a', 100)
  expect(await call('growth', 'redeem', { itemId: id, requestId: 'cup-00000001' }, 'o_a')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'address' } })
  const address = { name: '小美', phone: '13800138000', address: '上海市徐汇区漕溪北路 1 号' }
  const redemption = ok(await call('growth', 'redeem', { itemId: id, requestId: 'cup-00000002', address }, 'o_a'))
  expect(redemption).toMatchObject({ status: 'awaitingShipment', address })
  const queue = ok(await call('growth', 'listRedemptions', { status: 'awaitingShipment' }, HOST)).items
  expect(queue.map((r) => r.id)).toEqual([redemption.id])
  const shipped = ok(await call('growth', 'shipRedemption', { redemptionId: redemption.id, trackingNo: 'SF1234567890' }, HOST))
  expect(shipped).toMatchObject({ status: 'shipped', trackingNo: 'SF1234567890' })
  expect(ok(await call('growth', 'myRedemptions', {}, 'o_a')).items[0].status).toBe('shipped')
})

test('tier-only items and per-member limits', async () => {
  const vip = ok(await call('growth', 'createMallItem', item({ name: 'KOL 专属周边', kind: 'virtual', minTierLevel: 4 }), HOST))
  const once = ok(await call('growth', 'createMallItem', item({ name: '新人礼包', kind: 'virtual', pricePoints: 1, perMemberLimit: 1 }), HOST))
  await fund('o_a', 500)
  expect(await call('growth', 'redeem', { itemId: vip.id, requestId: 'vip-00000001' }, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '达到 Lv4 才能兑换' } })
  ok(await call('growth', 'redeem', { itemId: once.id, requestId: 'gift-0000001' }, 'o_a'))
  expect(await call('growth', 'redeem', { itemId: once.id, requestId: 'gift-0000002' }, 'o_a')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '每人最多兑换 1 次' } })
})

test('segments layer members by tier and recent activity', async () => {
  await fund('o_busy', 10)
  ok(await call('growth', 'updateSettings', { rules: { featuredByHost: { points: 1, growth: 2500, dailyCap: null } } }, HOST))
  const { recordFact } = await import('../../cloudfunctions/domain/facts/facts')
  await recordFact(runtime.store, { type: 'checkin.featured', key: 'kol', openid: 'o_kol', refId: 'x', at: runtime.clock.now() })
  ok(await call('growth', 'summary', {}, 'o_kol'))
  const segments = ok(await call('growth', 'segments', {}, HOST)).items
  expect(segments[0]).toMatchObject({ openid: 'o_kol', segment: 'kol', tierLevel: 4 })
  expect(segments.find((s) => s.openid === 'o_busy')).toMatchObject({ segment: 'silent' })
})

test('a coupon item gives one coupon per redemption, in the same transaction as the points it costs', async () => {
  const now = runtime.clock.now()
  const campaign = await createRewardCampaign(runtime.clock, { name: '活动立减 10 元', amountOffFen: 1000, stock: 1 })
  expect(await call('growth', 'createMallItem', item({ kind: 'coupon' }), HOST)).toMatchObject({ ok: false, error: { field: 'couponCampaignId' } })
  expect(await call('growth', 'createMallItem', item({ kind: 'coupon', couponCampaignId: 'nope' }), HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'couponCampaignId' } })
  expect(await call('growth', 'createMallItem', item({ kind: 'physical', couponCampaignId: campaign.id }), HOST)).toMatchObject({ ok: false, error: { field: 'couponCampaignId' } })
  const coupon = ok(await call('growth', 'createMallItem', item({ name: '10 元活动券', kind: 'coupon', couponCampaignId: campaign.id, pricePoints: 100, stock: 5 }), HOST))
  await fund('o_a', 500)
  await fund('o_b', 500)
  const first = ok(await call('growth', 'redeem', { itemId: coupon.id, requestId: 'coupon-0001' }, 'o_a'))
  expect(first).toMatchObject({ kind: 'coupon', status: 'done' })
  // A retried tap redeems once and gives one coupon.
  ok(await call('growth', 'redeem', { itemId: coupon.id, requestId: 'coupon-0001' }, 'o_a'))
  expect(ok(await call('rewards', 'myCoupons', {}, 'o_a')).items.map((c) => [c.name, c.status])).toEqual([['活动立减 10 元', 'available']])
  expect(ok(await call('growth', 'summary', {}, 'o_a')).points).toBe(400)
  // The campaign's last coupon is gone: the redemption is refused and nothing is spent.
  expect(await call('growth', 'redeem', { itemId: coupon.id, requestId: 'coupon-0002' }, 'o_b')).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } })
  expect(ok(await call('growth', 'summary', {}, 'o_b')).points).toBe(500)
  expect(ok(await call('growth', 'mallItems', {}, 'o_b')).items.find((i) => i.id === coupon.id)).toMatchObject({ stock: 4 })
  expect(await balancesMatchLedger()).toBe(true)
  // Past the campaign's validity, a coupon item is refused before any points move.
  const later = await createRewardCampaign(runtime.clock, { name: '限时券', amountOffFen: 500, validTo: now + 3600_000, stock: 10 })
  const shortLived = ok(await call('growth', 'createMallItem', item({ name: '限时券', kind: 'coupon', couponCampaignId: later.id, pricePoints: 10 }), HOST))
  runtime.clock.advance(2 * 3600_000)
  expect(await call('growth', 'redeem', { itemId: shortLived.id, requestId: 'coupon-0003' }, 'o_b')).toMatchObject({ ok: false, error: { message: '这张券已过期，不能再兑换' } })
  expect(ok(await call('growth', 'summary', {}, 'o_b')).points).toBe(500)
})
