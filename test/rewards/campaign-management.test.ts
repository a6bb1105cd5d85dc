// The host manages campaigns: counts (claimed / used / remaining), edits that
// never put the stock below what was claimed, and stopping: no more claims,
// while claimed coupons stay usable. Claims racing a stop or a stock cut never
// go past either.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import type { CampaignInput } from '../../types/coupons'
import { createCouponCampaign } from '../helpers/coupon-campaign'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const campaign = (overrides: Partial<CampaignInput> = {}) => createCouponCampaign(runtime.clock, overrides)

const hostRow = async (id: string) => ok(await call('rewards', 'hostCampaigns', {}, HOST)).items.find((c) => c.id === id)!

test('the host list shows claimed, used and remaining; members and moderators may not see it', async () => {
  const c = await campaign()
  for (const o of ['o_a', 'o_b', 'o_c']) ok(await call('rewards', 'claimCoupon', { campaignId: c.id }, o))
  expect(await hostRow(c.id)).toMatchObject({ claimed: 3, used: 0, remaining: 7, stoppedAt: null })
  expect(await call('rewards', 'hostCampaigns', {}, 'o_a')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('after a stop no claim is taken; coupons already claimed stay usable; stopping twice changes nothing', async () => {
  const c = await campaign()
  ok(await call('rewards', 'claimCoupon', { campaignId: c.id }, 'o_a'))
  const stopped = ok(await call('rewards', 'stopCampaign', { campaignId: c.id }, HOST))
  expect(stopped.stoppedAt).toBe(runtime.clock.now())
  expect(await call('rewards', 'claimCoupon', { campaignId: c.id }, 'o_b')).toMatchObject({ ok: false, error: { message: '活动已停止领取' } })
  runtime.clock.advance(60_000)
  expect(ok(await call('rewards', 'stopCampaign', { campaignId: c.id }, HOST)).stoppedAt).toBe(stopped.stoppedAt)
  // The member who claimed still holds a usable coupon.
  const mine = ok(await call('rewards', 'myCoupons', { usableFor: 'membership' }, 'o_a')).items
  expect(mine.map((x) => x.status)).toEqual(['available'])
  // Members no longer see it in the list; the holder still does.
  expect(ok(await call('rewards', 'campaigns', {}, 'o_b')).items.map((x) => x.id)).not.toContain(c.id)
  expect(ok(await call('rewards', 'campaigns', {}, 'o_a')).items.map((x) => x.id)).toContain(c.id)
  expect(await hostRow(c.id)).toMatchObject({ claimed: 1, remaining: 9 })
})

test('edits: name, end and stock; the stock never goes below what was claimed', async () => {
  const c = await campaign({ stock: 5 })
  for (const o of ['o_a', 'o_b', 'o_c']) ok(await call('rewards', 'claimCoupon', { campaignId: c.id }, o))
  const validTo = runtime.clock.now() + 60 * 24 * 3600_000
  expect(ok(await call('rewards', 'updateCampaign', { campaignId: c.id, name: '老友立减', validTo, stock: 3 }, HOST))).toMatchObject({ name: '老友立减', validTo, stock: 3, claimed: 3, remaining: 0 })
  expect(await call('rewards', 'updateCampaign', { campaignId: c.id, stock: 2 }, HOST)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'stock', message: '数量不能少于已领取的 3 张' }
  })
  expect(await call('rewards', 'claimCoupon', { campaignId: c.id }, 'o_d')).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } })
  expect(await call('rewards', 'updateCampaign', { campaignId: c.id, validTo: c.validFrom - 1 }, HOST)).toMatchObject({ ok: false, error: { field: 'validTo' } })
  expect(await call('rewards', 'updateCampaign', { campaignId: 'nope', name: 'x' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})

test('claims racing a stock cut: never more claimed than the stock, never a stock below the claimed', async () => {
  const c = await campaign({ stock: 20 })
  const claims = Array.from({ length: 15 }, (_, i) => call('rewards', 'claimCoupon', { campaignId: c.id }, `o_r${i}`))
  const cut = call('rewards', 'updateCampaign', { campaignId: c.id, stock: 8 }, HOST)
  const [results, cutResult] = await Promise.all([Promise.all(claims), cut])
  const row = await hostRow(c.id)
  const taken = results.filter((r) => r.ok).length
  expect(row.claimed).toBe(taken)
  expect(row.stock).toBeGreaterThanOrEqual(row.claimed)
  if (cutResult.ok) expect(row.stock).toBe(8)
  else expect(row.stock).toBe(20)
})

test('claims racing a stop: every claim taken is counted, none after the stop', async () => {
  const c = await campaign({ stock: 50 })
  const claims = Array.from({ length: 20 }, (_, i) => call('rewards', 'claimCoupon', { campaignId: c.id }, `o_s${i}`))
  const stop = call('rewards', 'stopCampaign', { campaignId: c.id }, HOST)
  const [results] = await Promise.all([Promise.all(claims), stop])
  const taken = results.filter((r) => r.ok).length
  const refused = results.filter((r) => !r.ok)
  for (const r of refused) expect(r).toMatchObject({ ok: false, error: { message: '活动已停止领取' } })
  expect((await hostRow(c.id)).claimed).toBe(taken)
  const coupons = await runtime.store.collection('coupons').count({ campaignId: c.id })
  expect(coupons).toBe(taken)
  // And after it, none.
  expect((await call('rewards', 'claimCoupon', { campaignId: c.id }, 'o_late')).ok).toBe(false)
  expect(await runtime.store.collection('coupons').count({ campaignId: c.id })).toBe(taken)
})
