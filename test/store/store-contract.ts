// The Store contract: the same cases against every adapter available. An adapter
// that passes these behaves the same for every rule built on it.
import type { Store } from '../../cloudfunctions/ports/store'
import { gate, holdOpen } from './hold-open'
import { StoreConflictError, StoreTransactionAbortedError, StoreTransactionConflictError, TRANSACTION_CONFLICT_RETRIES, isTransactionConflict } from '../../cloudfunctions/ports/store'

interface Item {
  _id: string
  group: string
  score: number
  at: number
  tags?: string[]
  nested?: { count?: number; label?: string }
  flag?: boolean
  note?: string | null
}

export function storeContract(adapterName: string, open: () => Promise<Store>, close: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`Store contract: ${adapterName}`, () => {
    let store: Store
    let seq = 0
    // Each test gets its own collection so adapters that share a backend stay isolated.
    let name: string
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await close(store)
    })
    beforeEach(() => {
      name = `contract_${Date.now().toString(36)}_${seq++}`
    })

    const items = () => store.collection<Item>(name)

    test('insert then get returns the document; a missing id gives null', async () => {
      const id = await items().insert({ _id: 'a', group: 'g', score: 1, at: 10 })
      expect(id).toBe('a')
      expect(await items().get('a')).toEqual({ _id: 'a', group: 'g', score: 1, at: 10 })
      expect(await items().get('nope')).toBeNull()
    })

    test('insert without an id generates one', async () => {
      const id = await items().insert({ group: 'g', score: 1, at: 1 })
      expect(typeof id).toBe('string')
      expect((await items().get(id))?.group).toBe('g')
    })

    test('a duplicate id is a Conflict and leaves the first document alone', async () => {
      await items().insert({ _id: 'dup', group: 'first', score: 1, at: 1 })
      await expect(items().insert({ _id: 'dup', group: 'second', score: 2, at: 2 })).rejects.toBeInstanceOf(StoreConflictError)
      expect((await items().get('dup'))?.group).toBe('first')
    })

    test('update applies set, inc, push and unset, including dotted paths', async () => {
      await items().insert({ _id: 'u', group: 'g', score: 1, at: 1, note: 'x' })
      expect(await items().update('u', { set: { group: 'h', 'nested.label': 'L' }, inc: { score: 5, 'nested.count': 2 }, push: { tags: 't1' }, unset: ['note'] })).toBe(true)
      await items().update('u', { push: { tags: 't2' } })
      expect(await items().get('u')).toEqual({ _id: 'u', group: 'h', score: 6, at: 1, nested: { label: 'L', count: 2 }, tags: ['t1', 't2'] })
      expect(await items().update('missing', { set: { group: 'x' } })).toBe(false)
    })

    test('set inserts or replaces; remove deletes and says whether it did', async () => {
      await items().set({ _id: 's', group: 'g', score: 1, at: 1 })
      await items().set({ _id: 's', group: 'g2', score: 2, at: 2 })
      expect(await items().get('s')).toEqual({ _id: 's', group: 'g2', score: 2, at: 2 })
      expect(await items().remove('s')).toBe(true)
      expect(await items().remove('s')).toBe(false)
      expect(await items().get('s')).toBeNull()
    })

    test('updateIf applies only when the condition holds', async () => {
      await items().insert({ _id: 'c', group: 'g', score: 3, at: 1 })
      expect(await items().updateIf('c', { score: { $lt: 3 } }, { inc: { score: 1 } })).toBe(false)
      expect(await items().updateIf('c', { score: { $lte: 3 }, group: 'g' }, { inc: { score: 1 } })).toBe(true)
      expect((await items().get('c'))?.score).toBe(4)
      expect(await items().updateIf('missing', {}, { inc: { score: 1 } })).toBe(false)
    })

    test('find filters by equality, ranges, $in, $ne and $exists; count agrees', async () => {
      for (let i = 0; i < 10; i++) await items().insert({ _id: `f${i}`, group: i % 2 ? 'odd' : 'even', score: i, at: i, flag: i < 3, ...(i === 0 ? { note: null } : {}) })
      const ids = async (filter: Parameters<ReturnType<typeof items>['find']>[0]) => (await items().find(filter, { sort: [['score', 'asc']], limit: 100 })).items.map((d) => d._id)
      expect(await ids({ group: 'odd' })).toEqual(['f1', 'f3', 'f5', 'f7', 'f9'])
      expect(await ids({ score: { $gte: 3, $lt: 6 } })).toEqual(['f3', 'f4', 'f5'])
      expect(await ids({ score: { $in: [2, 8, 42] } })).toEqual(['f2', 'f8'])
      expect(await ids({ group: { $ne: 'odd' }, score: { $gt: 5 } })).toEqual(['f6', 'f8'])
      expect(await ids({ flag: true })).toEqual(['f0', 'f1', 'f2'])
      expect(await ids({ note: { $exists: true } })).toEqual(['f0'])
      // A field some documents lack (older documents): $in with null and $ne both match them.
      expect(await ids({ note: { $in: [null] }, score: { $lt: 3 } })).toEqual(['f0', 'f1', 'f2'])
      expect(await ids({ label: { $ne: 'x' }, score: { $lt: 2 } })).toEqual(['f0', 'f1'])
      expect(await items().count({ group: 'even' })).toBe(5)
      expect(await items().count({})).toBe(10)
    })

    test('keyset paging visits every document once, in order, with ties broken by id', async () => {
      for (let i = 0; i < 53; i++) await items().insert({ _id: `p${String(i).padStart(3, '0')}`, group: 'g', score: i % 7, at: 1000 - i })
      const seen: Item[] = []
      let after: string | null = null
      do {
        const page: { items: Item[]; next: string | null } = await items().find({ group: 'g' }, { sort: [['score', 'desc']], limit: 10, after })
        seen.push(...page.items)
        after = page.next
      } while (after)
      expect(seen).toHaveLength(53)
      expect(new Set(seen.map((d) => d._id)).size).toBe(53)
      const expected = [...seen].sort((a, b) => b.score - a.score || (a._id < b._id ? 1 : -1))
      expect(seen.map((d) => d._id)).toEqual(expected.map((d) => d._id))
    })

    test('mixed sort directions page correctly', async () => {
      for (let i = 0; i < 30; i++) await items().insert({ _id: `m${String(i).padStart(2, '0')}`, group: 'g', score: i % 3, at: i % 5 })
      const all: Item[] = []
      let after: string | null = null
      do {
        const page: { items: Item[]; next: string | null } = await items().find(
          {},
          {
            sort: [
              ['score', 'desc'],
              ['at', 'asc']
            ],
            limit: 7,
            after
          }
        )
        all.push(...page.items)
        after = page.next
      } while (after)
      const expected = [...all].sort((a, b) => b.score - a.score || a.at - b.at || (a._id < b._id ? -1 : 1))
      expect(all.map((d) => d._id)).toEqual(expected.map((d) => d._id))
      expect(all).toHaveLength(30)
    })

    test('documents missing a sort key come first ascending and last descending, across pages', async () => {
      for (let i = 0; i < 12; i++) await items().insert({ _id: `n${String(i).padStart(2, '0')}`, group: 'g', score: i, at: i, ...(i % 4 === 0 ? {} : { note: `v${i % 3}` }) })
      for (const direction of ['asc', 'desc'] as const) {
        const ids: string[] = []
        let after: string | null = null
        do {
          const page: { items: Item[]; next: string | null } = await items().find({ group: 'g' }, { sort: [['note', direction]], limit: 5, after })
          ids.push(...page.items.map((d) => d._id))
          after = page.next
        } while (after)
        const missing = ['n00', 'n04', 'n08']
        expect(ids).toHaveLength(12)
        expect(new Set(ids).size).toBe(12)
        if (direction === 'asc') expect(ids.slice(0, 3)).toEqual(missing)
        else expect(ids.slice(-3)).toEqual([...missing].reverse())
      }
    })

    test('a transaction commits all its writes together', async () => {
      await store.transaction(async (tx) => {
        await tx.collection<Item>(name).insert({ _id: 't1', group: 'g', score: 1, at: 1 })
        await tx.collection<Item>(name).insert({ _id: 't2', group: 'g', score: 2, at: 2 })
        await tx.collection<Item>(name).update('t1', { inc: { score: 10 } })
      })
      expect((await items().get('t1'))?.score).toBe(11)
      expect(await items().get('t2')).not.toBeNull()
    })

    test('a transaction that throws leaves nothing behind', async () => {
      await items().insert({ _id: 'r', group: 'g', score: 1, at: 1 })
      await expect(
        store.transaction(async (tx) => {
          await tx.collection<Item>(name).update('r', { inc: { score: 100 } })
          await tx.collection<Item>(name).insert({ _id: 'r2', group: 'g', score: 1, at: 1 })
          throw new Error('boom')
        })
      ).rejects.toThrow('boom')
      expect((await items().get('r'))?.score).toBe(1)
      expect(await items().get('r2')).toBeNull()
    })

    test('a conflict inside a transaction rolls it back', async () => {
      await items().insert({ _id: 'k', group: 'g', score: 1, at: 1 })
      await expect(
        store.transaction(async (tx) => {
          await tx.collection<Item>(name).insert({ _id: 'k2', group: 'g', score: 1, at: 1 })
          await tx.collection<Item>(name).insert({ _id: 'k', group: 'g', score: 1, at: 1 })
        })
      ).rejects.toBeInstanceOf(StoreConflictError)
      expect(await items().get('k2')).toBeNull()
    })

    test('100 concurrent conditional increments with a cap of 10 apply exactly 10 times', async () => {
      await items().insert({ _id: 'cap', group: 'g', score: 0, at: 0 })
      const results = await Promise.all(Array.from({ length: 100 }, () => items().updateIf('cap', { score: { $lt: 10 } }, { inc: { score: 1 } })))
      expect(results.filter(Boolean)).toHaveLength(10)
      expect((await items().get('cap'))?.score).toBe(10)
    })

    test('50 concurrent inserts of one id give one document and 49 Conflicts', async () => {
      const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => items().insert({ _id: 'race', group: `g${i}`, score: i, at: i })))
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      expect(rejected).toHaveLength(49)
      expect(rejected.every((r) => r.reason instanceof StoreConflictError)).toBe(true)
      expect(await items().count({})).toBe(1)
    })

    test('interleaved transactions never see or break each other half done: conflicting transfers retry or fail, none is lost', async () => {
      await items().insert({ _id: 'a1', group: 'acct', score: 100, at: 0 })
      await items().insert({ _id: 'a2', group: 'acct', score: 100, at: 0 })
      // 40 concurrent transfers, each reading both balances, yielding, then writing.
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          store.transaction(async (tx) => {
            const [from, to] = i % 2 ? ['a1', 'a2'] : ['a2', 'a1']
            const a = await tx.collection<Item>(name).get(from)
            const b = await tx.collection<Item>(name).get(to)
            await new Promise((r) => setTimeout(r, 1))
            await tx.collection<Item>(name).set({ ...a!, score: a!.score - 3 })
            await tx.collection<Item>(name).set({ ...b!, score: b!.score + 3 })
            return from
          })
        )
      )
      const a1 = await items().get('a1')
      const a2 = await items().get('a2')
      expect(a1!.score + a2!.score).toBe(200)
      const done = results.filter((r): r is PromiseFulfilledResult<string> => r.status === 'fulfilled').map((r) => r.value)
      expect(done.length).toBeGreaterThan(0)
      // Every committed transfer moved 3; every other one reached the caller as a write conflict.
      expect(a1!.score).toBe(100 - 3 * done.filter((f) => f === 'a1').length + 3 * done.filter((f) => f === 'a2').length)
      for (const r of results) if (r.status === 'rejected') expect(isTransactionConflict(r.reason)).toBe(true)
    })

    test('a failed insert aborts the transaction even when the callback catches it: nothing commits', async () => {
      await items().insert({ _id: 'held', group: 'g', score: 1, at: 1 })
      const attempt = store.transaction(async (tx) => {
        await tx.collection<Item>(name).insert({ _id: 'before', group: 'g', score: 1, at: 1 })
        try {
          await tx.collection<Item>(name).insert({ _id: 'held', group: 'g', score: 2, at: 2 })
        } catch (error) {
          expect(error).toBeInstanceOf(StoreConflictError)
        }
        // The server has aborted the transaction: later operations fail too.
        await expect(tx.collection<Item>(name).get('held')).rejects.toBeInstanceOf(StoreTransactionAbortedError)
        return 'carried on'
      })
      await expect(attempt).rejects.toBeInstanceOf(StoreTransactionAbortedError)
      expect(await items().get('before')).toBeNull()
      expect((await items().get('held'))?.score).toBe(1)
    })

    test('insert-if-absent inside a transaction reads by id first and commits', async () => {
      await items().insert({ _id: 'once', group: 'g', score: 1, at: 1 })
      await store.transaction(async (tx) => {
        const col = tx.collection<Item>(name)
        if (!(await col.get('once'))) await col.insert({ _id: 'once', group: 'g', score: 9, at: 9 })
        if (!(await col.get('fresh'))) await col.insert({ _id: 'fresh', group: 'g', score: 2, at: 2 })
      })
      expect((await items().get('once'))?.score).toBe(1)
      expect((await items().get('fresh'))?.score).toBe(2)
    })

    test('a transaction reads a snapshot: a write committed after it started is not seen, and writing that document conflicts', async () => {
      await items().insert({ _id: 'snap', group: 'g', score: 1, at: 1 })
      const paused = gate()
      const started = gate()
      const seen: number[] = []
      let attempts = 0
      const slow = store.transaction(async (tx) => {
        attempts++
        seen.push((await tx.collection<Item>(name).get('snap'))!.score)
        started.open()
        await paused.opened
        await tx.collection<Item>(name).update('snap', { inc: { score: 100 } })
      })
      await started.opened
      await items().update('snap', { inc: { score: 10 } })
      paused.open()
      await slow
      // The first attempt read 1 and its write conflicted with the newer version; the retry read 11.
      expect(seen).toEqual([1, 11])
      expect(attempts).toBe(2)
      expect((await items().get('snap'))?.score).toBe(111)
    })

    test('two open transactions writing one document: the second fails at once, and is retried a bounded number of times', async () => {
      await items().insert({ _id: 'hot', group: 'g', score: 0, at: 0 })
      const { release, holder } = await holdOpen(store, (tx) => tx.collection<Item>(name).update('hot', { inc: { score: 1 } }))
      let attempts = 0
      const contender = store.transaction(async (tx) => {
        attempts++
        await tx.collection<Item>(name).update('hot', { inc: { score: 10 } })
      })
      await expect(contender).rejects.toBeInstanceOf(StoreTransactionConflictError)
      expect(attempts).toBe(1 + TRANSACTION_CONFLICT_RETRIES)
      release()
      await holder
      expect((await items().get('hot'))?.score).toBe(1)
    })

    test('a write outside transactions to a document an open transaction holds waits for it, then applies', async () => {
      await items().insert({ _id: 'queued', group: 'g', score: 0, at: 0 })
      const { release, holder } = await holdOpen(store, (tx) => tx.collection<Item>(name).update('queued', { inc: { score: 1 } }))
      const outside = items().update('queued', { inc: { score: 10 } })
      // Nobody outside sees the open transaction's write.
      expect((await items().get('queued'))?.score).toBe(0)
      release()
      await Promise.all([holder, outside])
      expect((await items().get('queued'))?.score).toBe(11)
    })

    test('concurrent transactions on different documents all commit', async () => {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          store.transaction(async (tx) => {
            const col = tx.collection<Item>(name)
            await col.insert({ _id: `own${i}`, group: 'g', score: i, at: i })
            await new Promise((r) => setTimeout(r, 1))
            await col.update(`own${i}`, { inc: { score: 1 } })
          })
        )
      )
      expect(await items().count({ group: 'g' })).toBe(30)
    })
  })
}
