import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedStore } from '../../cloudfunctions/adapters/store/embedded-store'
import { allCollections } from '../../cloudfunctions/platform/collection-indexes'
import { StoreUsageError } from '../../cloudfunctions/ports/store'
import { storeContract } from './store-contract'

storeContract('embedded (in memory)', async () => new EmbeddedStore({ dataDir: ':memory:', collections: allCollections() }))

const dirs: string[] = []
storeContract('embedded (on disk)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-contract-'))
  dirs.push(dir)
  return new EmbeddedStore({ dataDir: dir, collections: allCollections() })
})
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('embedded store specifics', () => {
  test('data persists across reopening the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-persist-'))
    const first = new EmbeddedStore({ dataDir: dir, collections: allCollections() })
    await first.collection<{ _id: string; nickname: string }>('members').insert({ _id: 'o1', nickname: '小美' })
    await first.close()
    const second = new EmbeddedStore({ dataDir: dir, collections: allCollections() })
    expect(await second.collection('members').get('o1')).toEqual({ _id: 'o1', nickname: '小美' })
    await second.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('declared indexes exist and are used by the matching query', async () => {
    const store = new EmbeddedStore({ dataDir: ':memory:', collections: allCollections() })
    const plan = (store as unknown as { db: import('better-sqlite3').Database }).db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT doc FROM "c_outbox" WHERE json_extract(doc, '$.status') = ? AND json_extract(doc, '$.nextAttemptAt') <= ? ORDER BY json_extract(doc, '$.nextAttemptAt') ASC, id ASC LIMIT 10`
      )
      .all('pending', 1) as Array<{ detail: string }>
    expect(plan.map((p) => p.detail).join(' ')).toContain('ix_outbox_due')
    await store.close()
  })

  test('using the store instead of the transaction handle inside a transaction is refused, not a deadlock', async () => {
    const store = new EmbeddedStore({ dataDir: ':memory:', collections: allCollections() })
    await expect(
      store.transaction(async () => {
        await store.collection('members').get('x')
      })
    ).rejects.toBeInstanceOf(StoreUsageError)
    await store.close()
  })

  test('hostile field paths and collection names are refused', async () => {
    const store = new EmbeddedStore({ dataDir: ':memory:', collections: allCollections() })
    await expect(store.collection('members').find({ "a') OR 1=1 --": 1 })).rejects.toBeInstanceOf(StoreUsageError)
    expect(() => store.collection('members; DROP TABLE x')).toThrow(StoreUsageError)
    await expect(store.collection('members').find({}, { after: 'not-a-cursor' })).rejects.toBeInstanceOf(StoreUsageError)
    await store.close()
  })
})
