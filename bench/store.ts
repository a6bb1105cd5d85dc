// Embedded store figures: bulk insert rate, an indexed first page and a deep
// keyset page, and conditional updates.
import { EmbeddedStore } from '../cloudfunctions/adapters/store/embedded-store'
import type { CollectionDeclaration } from '../cloudfunctions/platform/collection-indexes'
import { percentile, round, timeEach } from './stats'

const DOCS = 100_000
const collections: CollectionDeclaration[] = [
  {
    name: 'bench_items',
    indexes: [
      {
        name: 'group_at',
        fields: [
          ['group', 'asc'],
          ['at', 'desc']
        ]
      }
    ]
  }
]

export async function benchStore(): Promise<Record<string, number>> {
  const store = new EmbeddedStore({ dataDir: ':memory:', collections })
  const items = store.collection<{ _id: string; group: string; at: number; n: number }>('bench_items')
  const start = process.hrtime.bigint()
  await store.transaction(async (tx) => {
    const c = tx.collection<{ _id: string; group: string; at: number; n: number }>('bench_items')
    for (let i = 0; i < DOCS; i++) await c.insert({ _id: `i${i}`, group: `g${i % 10}`, at: i, n: 0 })
  })
  const insertSeconds = Number(process.hrtime.bigint() - start) / 1e9

  const first = await timeEach(500, () => items.find({ group: 'g3' }, { sort: [['at', 'desc']], limit: 20 }))
  // Walk 400 pages deep (8,000 documents in), then time the page after that.
  let after: string | null = null
  for (let i = 0; i < 400; i++) after = (await items.find({ group: 'g3' }, { sort: [['at', 'desc']], limit: 20, after })).next
  const deep = await timeEach(500, () => items.find({ group: 'g3' }, { sort: [['at', 'desc']], limit: 20, after }))
  const updates = await timeEach(5000, (i) => items.updateIf(`i${i}`, { n: { $lt: 1 } }, { inc: { n: 1 } }))
  await store.close()
  return {
    store_docs: DOCS,
    store_inserts_per_s: Math.round(DOCS / insertSeconds),
    store_first_page_p95_ms: round(percentile(first, 95)),
    store_deep_page_p95_ms: round(percentile(deep, 95)),
    store_deep_vs_first_ratio: round(percentile(deep, 95) / percentile(first, 95), 2),
    store_update_if_p95_ms: round(percentile(updates, 95))
  }
}
