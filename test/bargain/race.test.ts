// Cuts at the same instant on the strict embedded twin: friends cutting one
// bargain at once each take their own place k (no two cuts share an index,
// the price never passes the floor), a friend tapping many times cuts once,
// and paying while friends cut fixes the order at one price seen by the server.
import { call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { expectMoneyAddsUp } from '../helpers/money-invariants'
import { BARGAINS, BARGAIN_CUTS, type BargainCutDoc, type BargainDoc } from '../../cloudfunctions/domain/plays/bargain/bargain'
import { cutAfter } from '../../cloudfunctions/domain/plays/bargain/schedule'
import { ORDERS, type OrderDoc } from '../../cloudfunctions/domain/orders/order'
import { cut, planCampaign, start } from './fixtures'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r), { check: expectMoneyAddsUp })

const bargainDoc = async (id: string) => (await runtime.store.collection<BargainDoc>(BARGAINS).get(id))!
const cutDocs = async (bargainId: string) =>
  (await runtime.store.collection<BargainCutDoc>(BARGAIN_CUTS).find({ campaignId: (await bargainDoc(bargainId)).campaignId, state: 'done' }, { limit: 100 })).items

test('30 friends cut a 10-cut bargain at once (the busy ones try again): exactly 10 cuts, k = 1..10 each once, the price exactly the floor', async () => {
  const { campaign } = await planCampaign(runtime, { cuts: 10, startFen: 9900, floorFen: 990 })
  const b = ok(await start(campaign.id, 'o_me'))
  let pending = Array.from({ length: 30 }, (_, i) => `o_rush_${i}`)
  const won: Array<{ openid: string; k: number; amountFen: number }> = []
  for (let round = 0; round < 5 && pending.length > 0; round++) {
    const results = await Promise.all(pending.map((openid) => cut(b.id, openid).then((r) => ({ openid, r }))))
    const again: string[] = []
    for (const { openid, r } of results) {
      if (r.ok) won.push({ openid, k: r.data.k, amountFen: r.data.amountFen })
      else if (r.error.code === 'BUSY') again.push(openid)
      else expect(r.error).toMatchObject({ code: 'CONFLICT', message: '已经砍到底价啦' })
    }
    pending = again
  }
  expect(pending).toEqual([])
  expect(won.map((w) => w.k).sort((a, c) => a - c)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  const doc = await bargainDoc(b.id)
  expect(doc).toMatchObject({ cuts: 10, cutFen: 8910, reachedFloor: true })
  for (const w of won) expect(w.amountFen).toBe(doc.amounts[w.k - 1])
  expect(won.reduce((s, w) => s + w.amountFen, 0)).toBe(8910)
  expect(doc.cutters.map((c) => c.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  expect(new Set(doc.cutters.map((c) => c.openid)).size).toBe(10)
  const cuts = await cutDocs(b.id)
  expect(cuts.map((c) => c.k).sort((a, c) => a - c)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  // Nobody left half-way: no pending cut document.
  expect((await runtime.store.collection(BARGAIN_CUTS).count({ campaignId: campaign.id, state: 'pending' })) + 0).toBe(0)
}, 60_000)

test('one friend tapping 15 times at once among 8 others: that friend cuts once', async () => {
  const { campaign } = await planCampaign(runtime, { cuts: 30, startFen: 9900, floorFen: 990, dailyCap: 20 })
  const b = ok(await start(campaign.id, 'o_me'))
  const taps = Array.from({ length: 15 }, () => cut(b.id, 'o_twice'))
  const others = Array.from({ length: 8 }, (_, i) => cut(b.id, `o_other_${i}`))
  const [mine] = await Promise.all([Promise.all(taps), Promise.all(others)])
  expect(mine.filter((r) => r.ok)).toHaveLength(1)
  const doc = await bargainDoc(b.id)
  expect(doc.cutters.filter((c) => c.openid === 'o_twice')).toHaveLength(1)
  expect(doc.cutFen).toBe(cutAfter(doc.amounts, doc.cuts))
  expect(new Set(doc.cutters.map((c) => c.k)).size).toBe(doc.cuts)
}, 60_000)

test('paying while friends cut: one order, priced at a price the bargain had (start − the first c cuts), and the cuts go on', async () => {
  const { campaign } = await planCampaign(runtime, { cuts: 20, startFen: 9900, floorFen: 990, dailyCap: 20 })
  const b = ok(await start(campaign.id, 'o_me'))
  const pays = Array.from({ length: 5 }, () => call('fission', 'payBargain', { bargainId: b.id }, 'o_me'))
  const cuts = Array.from({ length: 10 }, (_, i) => cut(b.id, `o_f_${i}`))
  const [paid] = await Promise.all([Promise.all(pays), Promise.all(cuts)])
  const orderIds = new Set(paid.filter((r) => r.ok).map((r) => (r.ok ? r.data.orderId : '')))
  expect(orderIds.size).toBe(1)
  const orders = (await runtime.store.collection<OrderDoc>(ORDERS).find({ kind: 'bargain' }, { limit: 20 })).items
  expect(orders).toHaveLength(1)
  const doc = await bargainDoc(b.id)
  const at = (orders[0].item as unknown as { cuts: number }).cuts
  expect(orders[0].amountFen).toBe(9900 - cutAfter(doc.amounts, at))
  expect(doc.orderFen).toBe(orders[0].amountFen)
}, 60_000)
