// The counting store charges what request-cost.ts says each call costs, per
// meter, with retried transaction attempts charged each time, and records queries.
import { EmbeddedStore } from '../../cloudfunctions/adapters/store/embedded-store'
import { CountingStore } from '../../cloudfunctions/adapters/store/counting-store'
import type { Store, Transaction } from '../../cloudfunctions/ports/store'

interface Doc {
  _id: string
  n: number
  tag?: string
}

let embedded: EmbeddedStore
let store: CountingStore

beforeEach(async () => {
  embedded = new EmbeddedStore({ dataDir: ':memory:', collections: [{ name: 'things', indexes: [{ name: 'n', fields: [['n', 'desc']] }] }] })
  store = new CountingStore(embedded)
  await embedded.collection<Doc>('things').insert({ _id: 'a', n: 1 })
})

afterEach(() => store.close())

test('outside a transaction each call is one request; an update that changes nothing costs one more', async () => {
  const things = store.collection<Doc>('things')
  const { usage } = await store.measure(async () => {
    await things.get('a')
    await things.update('a', { inc: { n: 1 } })
    await things.update('a', { set: { n: 2 } }) // already 2: the adapter reads to tell "unchanged" from "missing"
    await things.update('missing', { set: { n: 1 } })
    await things.updateIf('a', { n: 5 }, { set: { n: 6 } })
    await things.find({ n: { $gte: 0 } }, { sort: [['n', 'desc']] })
    await things.count({ tag: 'x' })
  })
  expect(usage).toMatchObject({ requests: 1 + 1 + 2 + 2 + 1 + 1 + 1, transactions: 0, insideTx: 0, largestTx: 0 })
  expect(usage.queries).toEqual([
    {
      collection: 'things',
      op: 'find',
      filter: [{ path: 'n', kind: 'range' }],
      sort: [
        ['n', 'desc'],
        ['_id', 'desc']
      ],
      paged: false
    },
    { collection: 'things', op: 'count', filter: [{ path: 'tag', kind: 'eq' }], sort: null, paged: false }
  ])
})

test('inside a transaction an update is a read plus a write, a miss only the read; start and commit are charged', async () => {
  const { usage } = await store.measure(() =>
    store.transaction(async (tx) => {
      const things = tx.collection<Doc>('things')
      await things.get('a')
      await things.update('a', { inc: { n: 1 } })
      await things.updateIf('a', { n: 99 }, { set: { n: 0 } })
      await things.insert({ _id: 'b', n: 3 })
    })
  )
  expect(usage).toMatchObject({ requests: 1 + (1 + 2 + 1 + 1) + 1, transactions: 1, largestTx: 5, insideTx: 7 })
  expect(usage.byOp).toMatchObject({ 'tx.start': 1, 'tx.commit': 1, 'tx.update': 2, 'tx.updateIf': 1 })
})

test('a transaction that throws is charged its rollback', async () => {
  const { usage } = await store.measure(async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.collection<Doc>('things').get('a')
        throw new Error('no')
      })
    ).rejects.toThrow('no')
  })
  expect(usage).toMatchObject({ requests: 3, transactions: 1, largestTx: 1 })
  expect(usage.byOp['tx.rollback']).toBe(1)
})

test('every attempt of a retried transaction is charged', async () => {
  // An inner store that runs the callback twice, as runTransaction does after a write conflict.
  const retrying: Store = {
    kind: 'embedded',
    collection: (name) => embedded.collection(name),
    transaction: <R>(fn: (tx: Transaction) => Promise<R>) =>
      embedded.transaction(async (tx) => {
        await fn(tx)
        return fn(tx)
      }),
    close: () => embedded.close()
  }
  const counting = new CountingStore(retrying)
  const { usage } = await counting.measure(() =>
    counting.transaction(async (tx) => {
      await tx.collection<Doc>('things').update('a', { inc: { n: 1 } })
    })
  )
  expect(usage).toMatchObject({ transactions: 2, requests: 2 * (1 + 2 + 1), largestTx: 2 })
})

test('concurrent measures do not mix their counts', async () => {
  const things = store.collection<Doc>('things')
  const [one, two] = await Promise.all([
    store.measure(async () => {
      for (let i = 0; i < 3; i++) await things.get('a')
    }),
    store.measure(async () => {
      for (let i = 0; i < 5; i++) await things.get('a')
    })
  ])
  expect([one.usage.requests, two.usage.requests]).toEqual([3, 5])
  expect(store.total.requests).toBe(8)
})

test('a started meter counts until stopped', async () => {
  const meter = store.startMeter()
  await store.collection<Doc>('things').get('a')
  const reading = meter.stop()
  await store.collection<Doc>('things').get('a')
  expect(reading.requests).toBe(1)
  expect(meter.requests).toBe(1)
})
