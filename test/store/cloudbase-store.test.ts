// The CloudBase adapter through the SDK's real request code: the database
// client (@cloudbase/database) serialises every operation exactly as it would
// for the cloud, and a recording transport answers with recorded response
// shapes. When CloudBase credentials are present the shared contract also runs
// against a real environment.
import { Db } from '@cloudbase/database'
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store'
import { StoreConflictError } from '../../cloudfunctions/ports/store'
import { storeContract } from './store-contract'

type Sent = [string, Record<string, any>]

function recordingDb(answer: (action: string, params: Record<string, any>) => unknown): { db: any; sent: Sent[] } {
  const sent: Sent[] = []
  ;(Db as any).reqClass = class {
    async send(action: string, params: Record<string, any>) {
      sent.push([action, params])
      return answer(action, params)
    }
  }
  return { db: new (Db as any)({}), sent }
}

describe('CloudBase store on the SDK wire format', () => {
  test('find sends one getDocument with filter, keyset clause, order and limit+1, and pages with a cursor', async () => {
    const docs = [
      { _id: 'c3', group: 'g', at: 30 },
      { _id: 'c2', group: 'g', at: 20 },
      { _id: 'c1', group: 'g', at: 10 }
    ]
    const { db, sent } = recordingDb(() => ({ requestId: 'r', data: { list: docs.map((d) => JSON.stringify(d)) } }))
    const store = new CloudbaseStore(db)
    const page = await store.collection('items').find({ group: 'g', at: { $gte: 5 } }, { sort: [['at', 'desc']], limit: 2 })
    expect(page.items.map((d) => d._id)).toEqual(['c3', 'c2'])
    expect(page.next).not.toBeNull()
    expect(sent[0][0]).toBe('database.getDocument')
    expect(JSON.parse(sent[0][1].query)).toEqual({ group: 'g', at: { $gte: { $numberInt: '5' } } })
    expect(JSON.parse(sent[0][1].order)).toEqual({ at: { $numberInt: '-1' }, _id: { $numberInt: '-1' } })
    expect(sent[0][1].limit).toBe(3)

    await store.collection('items').find({ group: 'g' }, { sort: [['at', 'desc']], limit: 2, after: page.next })
    const second = JSON.parse(sent[1][1].query)
    expect(second.$and[0]).toEqual({ group: 'g' })
    expect(second.$and[1].$or).toHaveLength(2)
    // Past the cursor (at 20, id c2) in descending order: a lower `at`, or the same `at` and a lower id.
    expect(second.$and[1].$or[0]).toEqual({ $or: [{ at: { $lt: { $numberInt: '20' } } }, { at: { $eq: null } }] })
    expect(second.$and[1].$or[1]).toEqual({ at: { $numberInt: '20' }, $or: [{ _id: { $lt: 'c2' } }, { _id: { $eq: null } }] })
  })

  test('a duplicate _id answered by the server becomes a Conflict', async () => {
    const { db, sent } = recordingDb(() => ({ code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error collection: members index: _id_ dup key' }))
    const store = new CloudbaseStore(db)
    await expect(store.collection('members').insert({ _id: 'o1', nickname: 'a' } as any)).rejects.toBeInstanceOf(StoreConflictError)
    expect(sent[0][0]).toBe('database.insertDocument')
    expect(JSON.parse(sent[0][1].data[0])).toEqual({ _id: 'o1', nickname: 'a' })
  })

  test('other server errors surface with their code', async () => {
    const { db } = recordingDb(() => ({ code: 'DATABASE_PERMISSION_DENIED', message: 'no' }))
    await expect(new CloudbaseStore(db).collection('members').get('x')).rejects.toThrow('DATABASE_PERMISSION_DENIED')
  })

  test('updateIf is one conditional modifyDocument; it applied only if the server updated a document', async () => {
    let updated = 1
    const { db, sent } = recordingDb(() => ({ requestId: 'r', data: { updated } }))
    const store = new CloudbaseStore(db)
    expect(await store.collection('seats').updateIf('e1', { taken: { $lt: 10 } }, { inc: { taken: 1 }, set: { 'meta.by': 'x', info: { a: 1 } } })).toBe(true)
    updated = 0
    expect(await store.collection('seats').updateIf('e1', { taken: { $lt: 10 } }, { inc: { taken: 1 } })).toBe(false)
    const [action, params] = sent[0]
    expect(action).toBe('database.modifyDocument')
    expect(JSON.parse(params.query)).toEqual({ taken: { $lt: { $numberInt: '10' } }, _id: 'e1' })
    const data = JSON.parse(params.data)
    expect(data.$inc).toEqual({ taken: { $numberInt: '1' } })
    // Dotted paths update one field; an object value replaces the whole field.
    expect(data.$set['meta.by']).toBe('x')
    expect(data.$set.info).toEqual({ a: { $numberInt: '1' } })
  })

  test('a transaction starts, reads and writes by id inside it, and commits', async () => {
    const { db, sent } = recordingDb((action) => {
      if (action === 'database.startTransaction') return { transactionId: 'tx1' }
      if (action === 'database.getDocument') return { data: { list: [JSON.stringify({ _id: 'a', n: 1 })] } }
      if (action === 'database.commitTransaction') return {}
      return { data: { updated: 1, upsert_id: null, insertedIds: ['b'] } }
    })
    const store = new CloudbaseStore(db)
    await store.transaction(async (tx) => {
      const doc = await tx.collection<{ _id: string; n: number }>('things').get('a')
      await tx.collection('things').update('a', { inc: { n: doc!.n } })
    })
    expect(sent.map(([a]) => a)).toEqual(['database.startTransaction', 'database.getDocument', 'database.getDocument', 'database.modifyDocument', 'database.commitTransaction'])
    expect(sent.slice(1, 4).every(([, p]) => p.transactionId === 'tx1')).toBe(true)
    expect(JSON.parse(sent[3][1].data)).toEqual({ n: { $numberInt: '2' } })
  })
})

const env = process.env.TCB_ENV_ID
const hasCredentials = Boolean(env && process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY)
if (hasCredentials) {
  storeContract('cloudbase (live environment)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tcb = require('@cloudbase/node-sdk')
    const app = tcb.init({ env, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY })
    return new CloudbaseStore(app.database())
  })
} else {
  // No live environment without credentials: the contract is not registered at all, and the reason
  // is printed. The wire-format tests above still run the adapter's request code on every run.
  console.log('[cloudbase contract] skipped: set TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run the Store contract against CloudBase')
}
