// The mall's per-member limit holds under concurrency: it is counted in a
// per-member counter document read and written in the redemption's own
// transaction, so parallel taps (interleaving as CloudBase requests do) can
// never redeem more than the limit, and points and stock agree with what was redeemed.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'

jest.setTimeout(60_000)

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const item = (overrides: object = {}) => ({
  name: '新人礼包',
  description: '每人限兑',
  imageFileId: '',
  kind: 'virtual' as const,
  pricePoints: 10,
  stock: 100,
  minTierLevel: 1,
  perMemberLimit: 3,
  ...overrides
})

async function fund(openid: string, points: number) {
  ok(await call('member', 'me', {}, openid))
  ok(await call('growth', 'adjustPoints', { memberOpenid: openid, points, reason: '测试', requestId: `fund-${openid}`.replace(/[^A-Za-z0-9_-]/g, '') }, HOST))
}

test('20 concurrent redemptions by one member of an item limited to 3 each: exactly 3 succeed; points and stock agree', async () => {
  const { id } = ok(await call('growth', 'createMallItem', item(), HOST))
  await fund('o_lim', 1000)
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call('growth', 'redeem', { itemId: id, requestId: `limit-${String(i).padStart(4, '0')}` }, 'o_lim')))
  expect(results.filter((r) => r.ok)).toHaveLength(3)
  const failures = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))
  expect(new Set(failures)).toEqual(new Set(['LIMIT_REACHED']))
  expect(ok(await call('growth', 'mallItems', {}, 'o_lim')).items[0]).toMatchObject({ stock: 97, redeemedCount: 3 })
  const wallet = (await runtime.store.collection<WalletDoc>(WALLETS).get('o_lim'))!
  expect(wallet.points).toBe(970)
  const entries = (await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid: 'o_lim' }, { limit: 100 })).items
  expect(entries.filter((e) => e.rule === 'redeem')).toHaveLength(3)
  expect(entries.reduce((s, e) => s + e.points, 0)).toBe(970)
  expect(ok(await call('growth', 'myRedemptions', {}, 'o_lim')).items).toHaveLength(3)
  // Later taps are refused too, and a retried successful tap still answers its redemption.
  const later = await call('growth', 'redeem', { itemId: id, requestId: 'limit-later-0001' }, 'o_lim')
  expect(later.ok ? '' : later.error.code).toBe('LIMIT_REACHED')
  const winner = results.findIndex((r) => r.ok)
  expect(ok(await call('growth', 'redeem', { itemId: id, requestId: `limit-${String(winner).padStart(4, '0')}` }, 'o_lim')).itemId).toBe(id)
})

test('taps in pairs at ten items limited to 1 each: one of each pair succeeds', async () => {
  await fund('o_pair', 1000)
  let succeeded = 0
  for (let n = 0; n < 10; n++) {
    const { id } = ok(await call('growth', 'createMallItem', item({ name: `限兑 ${n}`, perMemberLimit: 1 }), HOST))
    const pair = await Promise.all([0, 1].map((i) => call('growth', 'redeem', { itemId: id, requestId: `pair-${n}-${i}-0001` }, 'o_pair')))
    succeeded += pair.filter((r) => r.ok).length
  }
  expect(succeeded).toBe(10)
  expect((await runtime.store.collection<WalletDoc>(WALLETS).get('o_pair'))!.points).toBe(900)
})

test('the limit is per member and per item: other members and other items are not counted', async () => {
  const limited = ok(await call('growth', 'createMallItem', item({ perMemberLimit: 1 }), HOST))
  const other = ok(await call('growth', 'createMallItem', item({ name: '另一件', perMemberLimit: 1 }), HOST))
  await fund('o_a', 100)
  await fund('o_b', 100)
  const results = await Promise.all([
    ...Array.from({ length: 5 }, (_, i) => call('growth', 'redeem', { itemId: limited.id, requestId: `a-lim-${i}-0001` }, 'o_a')),
    ...Array.from({ length: 5 }, (_, i) => call('growth', 'redeem', { itemId: limited.id, requestId: `b-lim-${i}-0001` }, 'o_b')),
    ...Array.from({ length: 5 }, (_, i) => call('growth', 'redeem', { itemId: other.id, requestId: `a-oth-${i}-0001` }, 'o_a'))
  ])
  expect(results.filter((r) => r.ok)).toHaveLength(3)
  expect((await runtime.store.collection<WalletDoc>(WALLETS).get('o_a'))!.points).toBe(80)
  expect((await runtime.store.collection<WalletDoc>(WALLETS).get('o_b'))!.points).toBe(90)
})
