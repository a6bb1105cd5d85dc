// The embedded Store: SQLite through better-sqlite3, one table of JSON documents
// per collection with expression indexes from the collection declarations.
//
// It is the local twin of CloudBase's database and at least as strict as it
// (see ../cloudbase/README.md for the sources of each rule):
// - Transactions run concurrently, each reading a snapshot taken when it starts.
//   Writes are buffered and applied in one synchronous SQLite transaction at
//   commit, so nobody ever sees a transaction half done.
// - A write to a document another open transaction has written, or that was
//   written after this transaction's snapshot, fails at once with a write
//   conflict (MongoDB's WriteConflict, CloudBase's DATABASE_TRANSACTION_CONFLICT).
// - Any failed operation aborts the transaction: later operations and the
//   commit fail even when the callback caught the error.
// - `transaction()` re-runs the callback on a write conflict up to
//   TRANSACTION_CONFLICT_RETRIES times, immediately, as runTransaction does;
//   then the conflict reaches the caller.
// - A write outside any transaction to a document an open transaction has
//   written waits until that transaction ends (MongoDB queues it behind the
//   transaction's lock), then counts as a write after every open snapshot.
import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash, randomUUID } from 'node:crypto'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { BaseDoc, Collection, DocOps, Filter, FieldCondition, FindOptions, Scalar, SortDirection, Store, Transaction, UpdateOps } from '../../ports/store'
import { InvalidCursorError, StoreConflictError, StoreTransactionAbortedError, StoreTransactionConflictError, StoreUsageError, TRANSACTION_CONFLICT_RETRIES } from '../../ports/store'
import { indexKeys, type CollectionDeclaration } from '../../platform/collection-indexes'
import { applyUpdate, clampLimit, decodeCursor, encodeCursor, matchesFilter, normalizeSort } from './document-ops'

export interface EmbeddedStoreOptions {
  /** A folder to keep the database file in, or ':memory:' for tests. */
  dataDir: string
  collections: CollectionDeclaration[]
}

const NAME = /^[a-z][a-z0-9_]{0,62}$/
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

function checkPath(path: string): string {
  if (!PATH.test(path)) throw new StoreUsageError(`invalid field path: ${path}`)
  return path
}

function fieldExpr(path: string): string {
  return path === '_id' ? 'id' : `json_extract(doc, '$.${checkPath(path)}')`
}

function bindable(value: Scalar | undefined): string | number | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

function conditionSql(path: string, condition: FieldCondition, params: unknown[]): string {
  const expr = fieldExpr(path)
  if (condition === null || typeof condition !== 'object') {
    if (condition === null) return `${expr} IS NULL`
    params.push(bindable(condition))
    return `${expr} = ?`
  }
  const parts: string[] = []
  if (condition.$exists !== undefined) {
    const typeExpr = path === '_id' ? `'text'` : `json_type(doc, '$.${checkPath(path)}')`
    parts.push(condition.$exists ? `${typeExpr} IS NOT NULL` : `${typeExpr} IS NULL`)
  }
  if ('$eq' in condition) parts.push(conditionSql(path, condition.$eq ?? null, params))
  if ('$ne' in condition) {
    if (condition.$ne === null || condition.$ne === undefined) parts.push(`${expr} IS NOT NULL`)
    else {
      params.push(bindable(condition.$ne))
      parts.push(`(${expr} IS NULL OR ${expr} != ?)`)
    }
  }
  if (condition.$in) {
    const values = condition.$in.filter((v) => v !== null)
    const alternatives: string[] = []
    if (values.length > 0) {
      params.push(...values.map(bindable))
      alternatives.push(`${expr} IN (${values.map(() => '?').join(',')})`)
    }
    if (condition.$in.includes(null)) alternatives.push(`${expr} IS NULL`)
    parts.push(alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : '0')
  }
  for (const [op, sql] of [
    ['$gt', '>'],
    ['$gte', '>='],
    ['$lt', '<'],
    ['$lte', '<=']
  ] as const) {
    if (op in condition) {
      params.push(bindable(condition[op]))
      parts.push(`${expr} ${sql} ?`)
    }
  }
  return parts.length > 0 ? parts.join(' AND ') : '1'
}

function filterSql(filter: Filter, params: unknown[]): string {
  const parts = Object.entries(filter).map(([path, c]) => conditionSql(path, c, params))
  return parts.length > 0 ? parts.join(' AND ') : '1'
}

/** Rows strictly after the cursor in the given order (NULLs sort first ascending, last descending). */
function keysetSql(sort: Array<[string, SortDirection]>, values: Scalar[], params: unknown[]): string {
  const alternatives = sort.map(([path, direction], i) => {
    const equalities = sort.slice(0, i).map(([p], j) => {
      params.push(bindable(values[j]))
      return `${fieldExpr(p)} IS ?`
    })
    const expr = fieldExpr(path)
    const value = values[i]
    let beyond: string
    if (value === null) beyond = direction === 'asc' ? `${expr} IS NOT NULL` : '0'
    else {
      params.push(bindable(value))
      beyond = direction === 'asc' ? `${expr} > ?` : `(${expr} < ? OR ${expr} IS NULL)`
    }
    return `(${[...equalities, beyond].join(' AND ')})`
  })
  return `(${alternatives.join(' OR ')})`
}

/** One open transaction: its snapshot, its buffered writes and whether it already failed. */
interface OpenTransaction {
  /** The commit sequence number its snapshot was taken at. */
  snapshot: number
  /** Buffered writes by document key; null is a removal. */
  writes: Map<string, { table: string; id: string; doc: string | null }>
  /** The first failed operation: the transaction can no longer commit. */
  failure: Error | null
  /** Settles when the transaction commits or rolls back (writers outside transactions wait on it). */
  ended: Promise<void>
  end: () => void
}

const keyOf = (table: string, id: string) => `${table}\u0000${id}`

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const
  private readonly db: Database.Database
  private readonly inTransaction = new AsyncLocalStorage<true>()
  private readonly statements = new Map<string, Database.Statement>()
  private readonly tables = new Set<string>()
  /** Advances on every committed write, inside a transaction or not. */
  private sequence = 0
  private readonly open = new Set<OpenTransaction>()
  /** Document key → the open transaction that has written it (its write lock). */
  private readonly locks = new Map<string, OpenTransaction>()
  /** Document key → sequence of its last committed write, kept while an older snapshot is open. */
  private readonly lastWrite = new Map<string, number>()
  /** Document key → earlier versions ({ until: the write that replaced it, doc }), kept for open snapshots. */
  private readonly history = new Map<string, Array<{ until: number; doc: string | null }>>()

  constructor(options: EmbeddedStoreOptions) {
    if (options.dataDir === ':memory:') this.db = new Database(':memory:')
    else {
      mkdirSync(options.dataDir, { recursive: true })
      const file = join(options.dataDir, 'community.sqlite')
      ownerOnly(file)
      this.db = new Database(file)
      this.db.pragma('journal_mode = WAL')
      this.db.pragma('synchronous = NORMAL')
    }
    // 64 MB of page cache (SQLite's default is 2 MB): small hot documents (rank counts, settings) stay in memory beside large collections.
    this.db.pragma('cache_size = -65536')
    for (const declaration of options.collections) this.declare(declaration)
  }

  private declare(declaration: CollectionDeclaration): void {
    this.ensureTable(declaration.name)
    for (const index of declaration.indexes) {
      // The same key list CloudBase gets: ending with _id, as every find() sorts by it last, so the index serves the whole ORDER BY.
      const columns = indexKeys(index)
        .map(([path, dir]) => `${fieldExpr(path)} ${dir.toUpperCase()}`)
        .join(', ')
      this.db.exec(`CREATE INDEX IF NOT EXISTS "ix_${declaration.name}_${index.name}" ON "c_${declaration.name}" (${columns})`)
    }
  }

  private ensureTable(name: string): string {
    if (!NAME.test(name)) throw new StoreUsageError(`invalid collection name: ${name}`)
    if (!this.tables.has(name)) {
      this.db.exec(`CREATE TABLE IF NOT EXISTS "c_${name}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`)
      this.tables.add(name)
    }
    return `"c_${name}"`
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  private assertOutside(): void {
    if (this.inTransaction.getStore()) {
      throw new StoreUsageError('inside a transaction, use the transaction handle (tx.collection), not the store')
    }
  }

  private readCommitted(table: string, id: string): string | null {
    const row = this.statement(`SELECT doc FROM ${table} WHERE id = ?`).get(id) as { doc: string } | undefined
    return row ? row.doc : null
  }

  /** The committed version of a document as a snapshot taken at `snapshot` saw it. */
  private readAsOf(table: string, id: string, snapshot: number): string | null {
    const key = keyOf(table, id)
    if ((this.lastWrite.get(key) ?? 0) > snapshot) {
      const older = this.history.get(key)?.find((version) => version.until > snapshot)
      if (older) return older.doc
    }
    return this.readCommitted(table, id)
  }

  /** Applies committed writes to SQLite at once, keeping the replaced versions for open snapshots. */
  private applyWrites(writes: Iterable<{ table: string; id: string; doc: string | null }>, committer: OpenTransaction | null): void {
    const sequence = ++this.sequence
    const keepHistory = [...this.open].some((t) => t !== committer)
    this.db.transaction(() => {
      for (const { table, id, doc } of writes) {
        const key = keyOf(table, id)
        if (keepHistory) {
          const versions = this.history.get(key) ?? []
          versions.push({ until: sequence, doc: this.readCommitted(table, id) })
          this.history.set(key, versions)
        }
        if (keepHistory || this.lastWrite.size > 0) this.lastWrite.set(key, sequence)
        if (doc === null) this.statement(`DELETE FROM ${table} WHERE id = ?`).run(id)
        else this.statement(`INSERT INTO ${table} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`).run(id, doc)
      }
    })()
  }

  /** Forgets versions and write marks no open snapshot can need any more. */
  private prune(): void {
    if (this.open.size === 0) {
      this.lastWrite.clear()
      this.history.clear()
      return
    }
    const oldest = Math.min(...[...this.open].map((t) => t.snapshot))
    for (const [key, at] of this.lastWrite) if (at <= oldest) this.lastWrite.delete(key)
    for (const [key, versions] of this.history) {
      const kept = versions.filter((v) => v.until > oldest)
      if (kept.length === 0) this.history.delete(key)
      else if (kept.length !== versions.length) this.history.set(key, kept)
    }
  }

  /** A write outside transactions waits for any open transaction holding the document, then applies at once. */
  private async writeOutside<R>(table: string, id: string, write: () => { result: R; doc?: string | null }): Promise<R> {
    this.assertOutside()
    const key = keyOf(table, id)
    for (let holder = this.locks.get(key); holder; holder = this.locks.get(key)) await holder.ended
    const { result, doc } = write()
    if (doc !== undefined) this.applyWrites([{ table, id, doc }], null)
    return result
  }

  private outsideOps<T extends BaseDoc>(name: string): DocOps<T> {
    const table = this.ensureTable(name)
    const parse = (doc: string | null) => (doc === null ? null : (JSON.parse(doc) as T))
    return {
      get: async (id) => {
        this.assertOutside()
        return parse(this.readCommitted(table, id))
      },
      insert: (input) => {
        const id = input._id ?? randomUUID()
        return this.writeOutside(table, id, () => {
          if (this.readCommitted(table, id) !== null) throw new StoreConflictError(name, id)
          return { result: id, doc: JSON.stringify({ ...input, _id: id }) }
        })
      },
      update: (id, ops: UpdateOps) =>
        this.writeOutside(table, id, () => {
          const current = parse(this.readCommitted(table, id))
          if (!current) return { result: false }
          return { result: true, doc: JSON.stringify(applyUpdate(current as T & Record<string, unknown>, ops)) }
        }),
      updateIf: (id, condition: Filter, ops: UpdateOps) =>
        this.writeOutside(table, id, () => {
          const current = parse(this.readCommitted(table, id))
          if (!current || !matchesFilter(current as unknown as Record<string, unknown>, condition)) return { result: false }
          return { result: true, doc: JSON.stringify(applyUpdate(current as T & Record<string, unknown>, ops)) }
        }),
      set: (doc) => this.writeOutside(table, doc._id, () => ({ result: undefined, doc: JSON.stringify(doc) })),
      remove: (id) => this.writeOutside(table, id, () => (this.readCommitted(table, id) === null ? { result: false } : { result: true, doc: null }))
    }
  }

  private transactionOps<T extends BaseDoc>(name: string, tx: OpenTransaction): DocOps<T> {
    const table = this.ensureTable(name)
    const parse = (doc: string | null) => (doc === null ? null : (JSON.parse(doc) as T))
    const active = () => {
      if (tx.failure) throw new StoreTransactionAbortedError(tx.failure)
    }
    const fail = (error: Error): never => {
      tx.failure = error
      throw error
    }
    const read = (id: string): string | null => {
      const buffered = tx.writes.get(keyOf(table, id))
      return buffered ? buffered.doc : this.readAsOf(table, id, tx.snapshot)
    }
    /** Takes the document's write lock, or fails the transaction with a write conflict. */
    const lock = (id: string): void => {
      const key = keyOf(table, id)
      const holder = this.locks.get(key)
      if ((holder && holder !== tx) || (this.lastWrite.get(key) ?? 0) > tx.snapshot) fail(new StoreTransactionConflictError(name, id))
      this.locks.set(key, tx)
    }
    const write = (id: string, doc: string | null) => tx.writes.set(keyOf(table, id), { table, id, doc })
    return {
      get: async (id) => {
        active()
        return parse(read(id))
      },
      insert: async (input) => {
        active()
        const id = input._id ?? randomUUID()
        lock(id)
        // The unique _id index sees committed documents, not only this snapshot.
        if (read(id) !== null || (!tx.writes.has(keyOf(table, id)) && this.readCommitted(table, id) !== null)) fail(new StoreConflictError(name, id))
        write(id, JSON.stringify({ ...input, _id: id }))
        return id
      },
      update: async (id, ops: UpdateOps) => {
        active()
        const current = parse(read(id))
        if (!current) return false
        lock(id)
        write(id, JSON.stringify(applyUpdate(current as T & Record<string, unknown>, ops)))
        return true
      },
      updateIf: async (id, condition: Filter, ops: UpdateOps) => {
        active()
        const current = parse(read(id))
        if (!current || !matchesFilter(current as unknown as Record<string, unknown>, condition)) return false
        lock(id)
        write(id, JSON.stringify(applyUpdate(current as T & Record<string, unknown>, ops)))
        return true
      },
      set: async (doc) => {
        active()
        lock(doc._id)
        write(doc._id, JSON.stringify(doc))
      },
      remove: async (id) => {
        active()
        if (read(id) === null) return false
        lock(id)
        write(id, null)
        return true
      }
    }
  }

  collection<T extends BaseDoc>(name: string): Collection<T> {
    const table = this.ensureTable(name)
    return {
      ...this.outsideOps<T>(name),
      find: async (filter, options: FindOptions = {}) => {
        this.assertOutside()
        const sort = normalizeSort(options.sort)
        const limit = clampLimit(options.limit)
        const order = sort.map(([path, dir]) => `${fieldExpr(path)} ${dir.toUpperCase()}`).join(', ')
        const select = (extra: string[], extraParams: unknown[], take: number): T[] => {
          const params: unknown[] = []
          const where = [filterSql(filter, params), ...extra]
          const rows = this.statement(`SELECT doc FROM ${table} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`).all(...params, ...extraParams, take) as Array<{ doc: string }>
          return rows.map((row) => JSON.parse(row.doc) as T)
        }
        let rows: T[]
        if (!options.after) rows = select([], [], limit + 1)
        else {
          const values = decodeCursor(options.after, sort)
          if (!values) throw new InvalidCursorError()
          rows = this.pageAfter(sort, values, select, limit + 1)
        }
        const items = rows.slice(0, limit)
        const next = rows.length > limit ? encodeCursor(items[items.length - 1] as unknown as Record<string, unknown>, sort) : null
        return { items, next }
      },
      count: async (filter) => {
        this.assertOutside()
        const params: unknown[] = []
        const row = this.statement(`SELECT COUNT(*) AS n FROM ${table} WHERE ${filterSql(filter, params)}`).get(...params) as { n: number }
        return row.n
      }
    }
  }

  /**
   * The rows after a keyset cursor. A bound on the first sort key lets SQLite
   * seek straight to the cursor in the index (the OR of the full keyset
   * condition alone makes it scan from the start), so a deep page costs the
   * same as the first. Rows whose first key is NULL sort last when descending,
   * outside that bound, so they are read by a second query when the page
   * reaches them.
   */
  private pageAfter<T>(sort: Array<[string, SortDirection]>, values: Scalar[], select: (extra: string[], extraParams: unknown[], take: number) => T[], take: number): T[] {
    const [firstPath, firstDirection] = sort[0]
    const first = fieldExpr(firstPath)
    const keysetParams: unknown[] = []
    const keyset = keysetSql(sort, values, keysetParams)
    if (values[0] === null) return select([`${first} IS NULL`, keyset], keysetParams, take)
    const bound = `${first} ${firstDirection === 'asc' ? '>=' : '<='} ?`
    const rows = select([bound, keyset], [bindable(values[0]), ...keysetParams], take)
    if (firstDirection === 'asc' || rows.length >= take || firstPath === '_id') return rows
    return [...rows, ...select([`${first} IS NULL`], [], take - rows.length)]
  }

  /** One attempt: a snapshot, the callback, then commit — or nothing at all. */
  private async attempt<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    let end!: () => void
    const ended = new Promise<void>((resolve) => {
      end = resolve
    })
    const tx: OpenTransaction = { snapshot: this.sequence, writes: new Map(), failure: null, ended, end }
    this.open.add(tx)
    const release = () => {
      for (const key of tx.writes.keys()) if (this.locks.get(key) === tx) this.locks.delete(key)
      for (const [key, holder] of this.locks) if (holder === tx) this.locks.delete(key)
      this.open.delete(tx)
      this.prune()
      tx.end()
    }
    try {
      const result = await this.inTransaction.run(true, () => fn({ collection: <T extends BaseDoc>(name: string) => this.transactionOps<T>(name, tx) }))
      // The server aborted the transaction at its first failed operation: catching that error does not save it.
      if (tx.failure) throw new StoreTransactionAbortedError(tx.failure)
      this.applyWrites(tx.writes.values(), tx)
      return result
    } finally {
      release()
    }
  }

  async transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    if (this.inTransaction.getStore()) throw new StoreUsageError('transactions do not nest')
    for (let retries = TRANSACTION_CONFLICT_RETRIES; ; retries--) {
      try {
        return await this.attempt(fn)
      } catch (error) {
        // Like runTransaction: only a write conflict thrown out of the callback is retried, at once.
        if (!(error instanceof StoreTransactionConflictError) || retries <= 0) throw error
      }
    }
  }

  /** For tests and tooling: a digest of every document of every collection, to prove nothing was written. */
  fingerprint(): string {
    const hash = createHash('sha256')
    const tables = this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c!_%' ESCAPE '!' ORDER BY name`).all() as Array<{ name: string }>
    for (const { name } of tables) {
      hash.update(name)
      for (const row of this.db.prepare(`SELECT id, doc FROM "${name}" ORDER BY id`).iterate() as Iterable<{ id: string; doc: string }>) {
        hash.update(row.id).update(row.doc)
      }
    }
    return hash.digest('hex')
  }

  async close(): Promise<void> {
    await Promise.all([...this.open].map((t) => t.ended))
    this.db.close()
  }
}

/**
 * The database holds every member's data: readable by its owner only (0600),
 * like the secrets beside it. SQLite gives its -wal and -shm files the
 * database file's mode; files from before this rule are tightened too.
 */
function ownerOnly(databaseFile: string): void {
  closeSync(openSync(databaseFile, 'a', 0o600))
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) if (existsSync(file)) chmodSync(file, 0o600)
}
