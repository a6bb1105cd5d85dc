// A CloudBase document database in memory, spoken to through the SDK's own
// request code. It plugs in where node-sdk plugs its HTTPS requester
// (`Db.reqClass`, @cloudbase/node-sdk src/database/index.ts newDb), receives the
// exact `send(action, params)` calls @cloudbase/database 1.4 makes, and answers
// with the shapes that package parses. Queries, sorts and update operators are
// evaluated by mingo (MongoDB semantics), never by a query engine of our own.
//
// What the SDK sends, and what it reads from the answer (success answers are
// `{ requestId, data }`, as node-sdk's transport resolves the gateway's JSON):
//   database.getDocument       query (EJSON), queryType WHERE|DOC, order (EJSON), limit (SDK: 100 default, 1000 max), offset, projection, transactionId
//                              → data.list: one EJSON string per document   (src/query.ts Query.get, src/document.ts DocumentReference.get)
//   database.insertDocument    data: [EJSON string, …], transactionId        → data.insertedIds            (src/collection.ts add)
//   database.modifyDocument    query, data (EJSON), queryType, multi, merge, upsert, transactionId
//                              merge: true = update operators (where().update, doc().update); merge: false + upsert = doc().set
//                              → data.updated (documents modified), data.upsert_id   (src/query.ts Query.update, src/document.ts set/update)
//   database.removeDocument    query, queryType, multi, transactionId         → data.deleted               (src/document.ts remove, src/query.ts remove)
//   database.calculateDocument query, queryType (never a transactionId)       → data.total                 (src/query.ts Query.count)
//   database.startTransaction                                                 → transactionId (top level)  (src/transaction/index.ts init)
//   database.commitTransaction / database.abortTransaction  transactionId     → {}                          (commit / rollback)
// A failed call is `{ code, message, requestId }`. node-sdk's transport throws it
// as a TcbError (src/utils/tcbapirequester.ts request → processReturn, throwOnCode
// true unless setThrowOnCode(false)); with `throwOnCode: false` the emulator
// resolves it instead and @cloudbase/database hands it back from each method.
//
// Server rules (MongoDB transactions, as CloudBase documents them: see
// cloudfunctions/adapters/cloudbase/README.md for the sources):
// - A transaction reads a snapshot taken when it starts, plus its own writes.
// - A transaction's write takes the document's lock. A write to a document another
//   open transaction holds, or that was written after this snapshot, fails at once
//   with DATABASE_TRANSACTION_CONFLICT ("其他事务的写入会直接失败").
// - A duplicate _id answers DATABASE_DUPLICATE_WRITE (with MongoDB's E11000 text).
// - Any failed operation aborts its transaction on the server. Later operations,
//   the commit and the abort of it answer DATABASE_TRANSACTION_FAIL with the
//   gateway's "TransactionNotExist" text: the code CloudBase documents for "the
//   transaction does not exist on the server" (docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL),
//   MongoDB's NoSuchTransaction. The exact text of the real answer is our guess.
// - A write outside transactions to a document an open transaction holds waits for
//   that transaction to end ("普通的更新操作会被阻塞，直到事务锁释放或者超时",
//   developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html),
//   then applies and counts as newer than every open snapshot.
// - A transaction still open after its lifetime (30 s, "事务必须在 30 秒内提交或中止")
//   is aborted by the server, which also frees whatever waited for its locks.
// - Inside a transaction only document operations by _id are accepted (the SDK
//   sends no transactionId for where().update/remove/count at all); a query in a
//   transaction answers DATABASE_REQUEST_FAILED and aborts it (our strictness).
import { Db } from '@cloudbase/database'
// The same bson copy @cloudbase/database uses to encode requests and parse answers.
import { EJSON } from 'bson'
import { find, update as applyOperators } from 'mingo'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Doc = Record<string, unknown> & { _id: string | number }
type Params = Record<string, any>

export interface WireRequestRecord {
  action: string
  params: Params
}

/** What the gateway answers: `{ requestId, data … }` on success, `{ code, message, requestId }` on failure. */
export type ServerAnswer = Record<string, any>

export type WireTransport = (action: string, params: Params) => Promise<unknown>

/** node-sdk's TcbError (src/utils/utils.ts): what its transport throws for an answer with a code. */
export class TcbError extends Error {
  readonly code: string
  readonly requestId: string
  constructor(answer: { code: string; message?: string; requestId?: string }) {
    super(answer.message ?? '')
    this.code = answer.code
    this.requestId = answer.requestId ?? ''
  }
}

/** Stands where node-sdk's TcbDBApiHttpRequester stands: one instance per SDK object, `send` per request. */
class WireRequest {
  private readonly transport: WireTransport
  constructor(config: { wireTransport?: WireTransport } | undefined) {
    if (!config?.wireTransport) throw new Error('this Db was not created by wireDb(): no transport to send requests to')
    this.transport = config.wireTransport
  }

  send(action: string, params?: Params): Promise<unknown> {
    return this.transport(action, params ?? {})
  }
}

/** A `Db` of @cloudbase/database whose every request goes to `transport` (as node-sdk's newDb builds one). */
export function wireDb(transport: WireTransport): any {
  ;(Db as any).reqClass = WireRequest
  return new (Db as any)({ env: 'wire-test', wireTransport: transport })
}

export interface EmulatorOptions {
  /** node-sdk's default (true): an answer with a code is thrown as a TcbError. false: resolved as `{ code, message }`. */
  throwOnCode?: boolean
  /** A transaction open longer than this is aborted by the server (CloudBase: 30 s). */
  transactionLifetimeMs?: number
}

interface Version {
  seq: number
  doc: Doc | null
}

interface OpenTx {
  id: string
  snapshot: number
  writes: Map<string, { collection: string; id: string | number; doc: Doc | null }>
  state: 'open' | 'committed' | 'aborted'
  ended: Promise<void>
  end: () => void
  timer: ReturnType<typeof setTimeout>
}

const keyOf = (collection: string, id: string | number) => `${collection}\u0000${typeof id}:${id}`
const encode = (doc: Doc) => EJSON.stringify(doc, { relaxed: false })
const decode = (text: unknown): any => (typeof text === 'string' && text !== '' ? EJSON.parse(text, { relaxed: true }) : {})
const clone = <T>(value: T): T => structuredClone(value)
const hop = () => new Promise<void>((resolve) => setImmediate(resolve))

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'
const DUPLICATE = 'DATABASE_DUPLICATE_WRITE'
const NO_SUCH_TRANSACTION = 'DATABASE_TRANSACTION_FAIL'

export class CloudbaseEmulator {
  /** Every request received, in order. */
  readonly requests: WireRequestRecord[] = []
  private readonly throwOnCode: boolean
  private readonly lifetimeMs: number
  private seq = 0
  private requestSeq = 0
  private txSeq = 0
  /** collection → document key → committed versions, oldest first (kept while an older snapshot is open). */
  private readonly data = new Map<string, Map<string, Version[]>>()
  private readonly txs = new Map<string, OpenTx>()
  /** Document key → the open transaction that wrote it. */
  private readonly locks = new Map<string, OpenTx>()
  private readonly overrides: Array<(action: string, params: Params) => ServerAnswer | undefined> = []

  constructor(options: EmulatorOptions = {}) {
    this.throwOnCode = options.throwOnCode ?? true
    this.lifetimeMs = options.transactionLifetimeMs ?? 30_000
  }

  /** A `Db` talking to this emulator through the SDK's request code. */
  database(): any {
    return wireDb((action, params) => this.receive(action, params))
  }

  /**
   * Answers requests `pick` chooses with a recorded answer instead of the emulated
   * one (nothing is applied). A recorded failure inside a transaction aborts it,
   * as any failure does. Returns a function that removes the override.
   */
  override(pick: (action: string, params: Params) => ServerAnswer | undefined): () => void {
    this.overrides.push(pick)
    return () => {
      const i = this.overrides.indexOf(pick)
      if (i >= 0) this.overrides.splice(i, 1)
    }
  }

  /** The actions received since `from` (an index into `requests`). */
  actions(from = 0): string[] {
    return this.requests.slice(from).map((r) => r.action)
  }

  /** Committed documents of a collection, as a reader outside transactions sees them. */
  documents(collection: string): Doc[] {
    return this.committed(collection).map(clone)
  }

  get openTransactions(): number {
    return [...this.txs.values()].filter((t) => t.state === 'open').length
  }

  private async receive(action: string, params: Params): Promise<unknown> {
    this.requests.push({ action, params: clone(params) })
    await hop() // the request travels
    let answer: ServerAnswer | undefined
    for (const pick of this.overrides) {
      answer = pick(action, params)
      if (answer) break
    }
    if (answer) {
      const tx = params.transactionId ? this.txs.get(params.transactionId) : undefined
      if (answer.code && tx?.state === 'open') this.abort(tx)
    } else {
      answer = await this.handle(action, params)
    }
    answer = { requestId: `emu-${++this.requestSeq}`, ...answer }
    await hop() // the answer travels back
    if (answer.code && this.throwOnCode) throw new TcbError(answer as { code: string })
    return answer
  }

  private async handle(action: string, params: Params): Promise<ServerAnswer> {
    switch (action) {
      case 'database.startTransaction':
        return this.start()
      case 'database.commitTransaction':
        return this.commit(params.transactionId)
      case 'database.abortTransaction': {
        const tx = this.openTx(params.transactionId)
        if (!tx) return noSuchTransaction()
        this.abort(tx)
        return {}
      }
      case 'database.getDocument':
      case 'database.insertDocument':
      case 'database.modifyDocument':
      case 'database.removeDocument':
        if (params.transactionId) return this.inTransaction(action, params)
        return this.outside(action, params)
      case 'database.calculateDocument':
        return this.outside(action, params)
      default:
        return { code: 'INVALID_ACTION', message: `invalid action ${action}` }
    }
  }

  // ---- committed state -------------------------------------------------------

  private collectionData(collection: string): Map<string, Version[]> {
    let map = this.data.get(collection)
    if (!map) this.data.set(collection, (map = new Map()))
    return map
  }

  private latest(collection: string, key: string): Version | undefined {
    const versions = this.data.get(collection)?.get(key)
    return versions?.[versions.length - 1]
  }

  private committedDoc(collection: string, id: string | number): Doc | null {
    return this.latest(collection, keyOf(collection, id))?.doc ?? null
  }

  private committed(collection: string): Doc[] {
    const docs: Doc[] = []
    for (const versions of this.collectionData(collection).values()) {
      const doc = versions[versions.length - 1].doc
      if (doc) docs.push(doc)
    }
    return docs
  }

  /** The document as a snapshot taken at `snapshot` saw it. */
  private asOf(collection: string, id: string | number, snapshot: number): Doc | null {
    const versions = this.data.get(collection)?.get(keyOf(collection, id)) ?? []
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= snapshot) return versions[i].doc
    return null
  }

  private lastWrite(collection: string, id: string | number): number {
    return this.latest(collection, keyOf(collection, id))?.seq ?? 0
  }

  /** Writes committed documents as one new version; old versions are kept only while a snapshot may need them. */
  private applyWrites(writes: Iterable<{ collection: string; id: string | number; doc: Doc | null }>): void {
    const seq = ++this.seq
    const keep = this.openTransactions > 0
    for (const { collection, id, doc } of writes) {
      const map = this.collectionData(collection)
      const key = keyOf(collection, id)
      const version = { seq, doc: doc ? clone(doc) : null }
      if (keep) map.set(key, [...(map.get(key) ?? []), version])
      else map.set(key, [version])
    }
  }

  // ---- transactions ----------------------------------------------------------

  private start(): ServerAnswer {
    const id = `emu-tx-${++this.txSeq}`
    let end!: () => void
    const ended = new Promise<void>((resolve) => {
      end = resolve
    })
    const tx: OpenTx = { id, snapshot: this.seq, writes: new Map(), state: 'open', ended, end, timer: undefined as any }
    tx.timer = setTimeout(() => {
      if (tx.state === 'open') this.abort(tx)
    }, this.lifetimeMs)
    tx.timer.unref?.()
    this.txs.set(id, tx)
    return { transactionId: id }
  }

  private openTx(id: unknown): OpenTx | null {
    const tx = typeof id === 'string' ? this.txs.get(id) : undefined
    return tx && tx.state === 'open' ? tx : null
  }

  private release(tx: OpenTx, state: 'committed' | 'aborted'): void {
    tx.state = state
    clearTimeout(tx.timer)
    for (const [key, holder] of this.locks) if (holder === tx) this.locks.delete(key)
    this.txs.delete(tx.id)
    if (this.openTransactions === 0) this.prune()
    tx.end()
  }

  private abort(tx: OpenTx): void {
    if (tx.state === 'open') this.release(tx, 'aborted')
  }

  private commit(id: unknown): ServerAnswer {
    const tx = this.openTx(id)
    if (!tx) return noSuchTransaction()
    this.applyWrites(tx.writes.values())
    this.release(tx, 'committed')
    return {}
  }

  private prune(): void {
    for (const map of this.data.values()) {
      for (const [key, versions] of map) {
        const last = versions[versions.length - 1]
        if (!last.doc) map.delete(key)
        else if (versions.length > 1) map.set(key, [last])
      }
    }
  }

  /** What the transaction sees: its own writes over its snapshot. */
  private view(tx: OpenTx, collection: string, id: string | number): Doc | null {
    const own = tx.writes.get(keyOf(collection, id))
    return own ? own.doc : this.asOf(collection, id, tx.snapshot)
  }

  /** Takes the document's write lock for tx, or answers the conflict (and aborts tx). */
  private lock(tx: OpenTx, collection: string, id: string | number): ServerAnswer | null {
    const key = keyOf(collection, id)
    const holder = this.locks.get(key)
    if ((holder && holder !== tx) || this.lastWrite(collection, id) > tx.snapshot) {
      return this.fail(tx, {
        code: CONFLICT,
        message: `[ResourceUnavailable.TransactionConflict] WriteConflict error: this operation conflicted with another operation (${collection}/${id}). Please retry your operation or multi-document transaction.`
      })
    }
    this.locks.set(key, tx)
    return null
  }

  /** Any failed operation aborts its transaction on the server (MongoDB transactions). */
  private fail(tx: OpenTx, answer: ServerAnswer): ServerAnswer {
    this.abort(tx)
    return answer
  }

  private inTransaction(action: string, params: Params): ServerAnswer {
    const tx = this.openTx(params.transactionId)
    if (!tx) return noSuchTransaction()
    const collection = String(params.collectionName)
    const write = (id: string | number, doc: Doc | null) => tx.writes.set(keyOf(collection, id), { collection, id, doc })

    if (action === 'database.insertDocument') {
      const ids: Array<string | number> = []
      for (const item of (params.data ?? []) as string[]) {
        const doc = decode(item) as Doc
        const id = doc._id ?? newObjectId()
        const refused = this.lock(tx, collection, id)
        if (refused) return refused
        // The unique _id index sees every committed document, not only the snapshot.
        if (this.view(tx, collection, id) || (!tx.writes.has(keyOf(collection, id)) && this.committedDoc(collection, id))) {
          return this.fail(tx, duplicate(collection, id))
        }
        write(id, { ...doc, _id: id })
        ids.push(id)
      }
      return { data: { insertedIds: ids } }
    }

    const id = documentId(params)
    if (id === null) {
      return this.fail(tx, { code: 'DATABASE_REQUEST_FAILED', message: 'a transaction allows single-document operations by _id only (emulator: queries refused)' })
    }
    const current = this.view(tx, collection, id)

    if (action === 'database.getDocument') return { data: { list: current ? [encode(current)] : [] } }

    if (action === 'database.removeDocument') {
      if (!current) return { data: { deleted: 0 } }
      const refused = this.lock(tx, collection, id)
      if (refused) return refused
      write(id, null)
      return { data: { deleted: 1 } }
    }

    // database.modifyDocument
    const body = decode(params.data)
    if (params.merge === false) {
      // doc().set(): replace the whole document, inserting it when missing (upsert).
      if (!current && !params.upsert) return { data: { updated: 0, upsert_id: null } }
      const refused = this.lock(tx, collection, id)
      if (refused) return refused
      const next = { ...body, _id: id }
      write(id, next)
      return { data: { updated: current && !sameDoc(current, next) ? 1 : 0, upsert_id: current ? null : id } }
    }
    // doc().update(): operators on an existing document.
    if (!current) return { data: { updated: 0, upsert_id: null } }
    const refused = this.lock(tx, collection, id)
    if (refused) return refused
    const next = clone(current)
    const changed = applyOperators(next, body).length > 0
    if (changed) write(id, next)
    return { data: { updated: changed ? 1 : 0, upsert_id: null } }
  }

  // ---- outside transactions --------------------------------------------------

  /** Waits while an open transaction holds a document this write would touch (matching the query now, or as that transaction wrote it). */
  private async waitForLocks(collection: string, query: Record<string, unknown>): Promise<void> {
    for (;;) {
      let blocker: OpenTx | null = null
      for (const [key, holder] of this.locks) {
        if (!key.startsWith(`${collection}\u0000`)) continue
        const pending = holder.writes.get(key)?.doc
        const committed = this.latest(collection, key)?.doc
        const candidates = [pending, committed].filter((d): d is Doc => Boolean(d))
        if (candidates.length > 0 && find(candidates, query).all().length > 0) {
          blocker = holder
          break
        }
      }
      if (!blocker) return
      await blocker.ended
    }
  }

  private async outside(action: string, params: Params): Promise<ServerAnswer> {
    const collection = String(params.collectionName)
    const query = queryOf(params)

    if (action === 'database.getDocument') {
      const limit = Math.min(Number(params.limit ?? 100) || 100, 1000)
      let cursor = find(this.committed(collection), query, params.projection ? decode(params.projection) : undefined)
      if (params.order) cursor = cursor.sort(decode(params.order))
      if (params.offset) cursor = cursor.skip(Number(params.offset))
      const list = cursor
        .limit(limit)
        .all()
        .map((d) => encode(d as Doc))
      return { data: { list } }
    }

    if (action === 'database.calculateDocument') return { data: { total: find(this.committed(collection), query).all().length } }

    if (action === 'database.insertDocument') {
      const ids: Array<string | number> = []
      for (const item of (params.data ?? []) as string[]) {
        const doc = decode(item) as Doc
        const id = doc._id ?? newObjectId()
        await this.waitForLocks(collection, { _id: id })
        if (this.committedDoc(collection, id)) return duplicate(collection, id)
        this.applyWrites([{ collection, id, doc: { ...doc, _id: id } }])
        ids.push(id)
      }
      return { data: { insertedIds: ids } }
    }

    await this.waitForLocks(collection, query)
    // From here on synchronous: the write is atomic.
    const matched = find(this.committed(collection), query).all() as Doc[]
    const targets = params.multi === false ? matched.slice(0, 1) : matched

    if (action === 'database.removeDocument') {
      this.applyWrites(targets.map((d) => ({ collection, id: d._id, doc: null })))
      return { data: { deleted: targets.length } }
    }

    // database.modifyDocument
    const body = decode(params.data)
    const writes: Array<{ collection: string; id: string | number; doc: Doc }> = []
    if (params.merge === false) {
      for (const current of targets) {
        const next = { ...body, _id: current._id }
        if (!sameDoc(current, next)) writes.push({ collection, id: current._id, doc: next })
      }
      if (targets.length === 0 && params.upsert) {
        const id = documentId(params) ?? newObjectId()
        this.applyWrites([{ collection, id, doc: { ...body, _id: id } }])
        return { data: { updated: 0, upsert_id: id } }
      }
    } else {
      for (const current of targets) {
        const next = clone(current)
        if (applyOperators(next, body).length > 0) writes.push({ collection, id: current._id, doc: next })
      }
    }
    if (writes.length > 0) this.applyWrites(writes)
    return { data: { updated: writes.length, upsert_id: null } }
  }
}

function noSuchTransaction(): ServerAnswer {
  return {
    code: NO_SUCH_TRANSACTION,
    message: '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server: aborted by an earlier failed operation, or expired. (NoSuchTransaction)'
  }
}

function duplicate(collection: string, id: string | number): ServerAnswer {
  return { code: DUPLICATE, message: `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }` }
}

function queryOf(params: Params): Record<string, unknown> {
  return params.query ? decode(params.query) : {}
}

/** The _id of a single-document request (`queryType: 'DOC'`, query `{ _id }`), else null. */
function documentId(params: Params): string | number | null {
  const query = queryOf(params)
  const id = query._id
  if (params.queryType !== 'DOC' && params.queryType !== undefined) return null
  return typeof id === 'string' || typeof id === 'number' ? id : null
}

function sameDoc(a: Doc, b: Doc): boolean {
  return EJSON.stringify(a) === EJSON.stringify(b)
}

function newObjectId(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('')
}
