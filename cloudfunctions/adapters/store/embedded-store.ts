// The embedded Store: SQLite through better-sqlite3, one table of JSON documents
// per collection with expression indexes from the collection declarations.
// better-sqlite3 is synchronous, so a single operation is atomic by itself; an
// async transaction holds a mutex from BEGIN to COMMIT so no other request can
// run inside it or see it half done.
import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Mutex } from 'async-mutex'
import type {
  BaseDoc, Collection, DocOps, Filter, FieldCondition, FindOptions, Page, Scalar, SortDirection, Store, Transaction, UpdateOps
} from '../../ports/store'
import { InvalidCursorError, StoreConflictError, StoreUsageError } from '../../ports/store'
import type { CollectionDeclaration } from '../../platform/collections'
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
  for (const [op, sql] of [['$gt', '>'], ['$gte', '>='], ['$lt', '<'], ['$lte', '<=']] as const) {
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

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const
  private readonly db: Database.Database
  private readonly mutex = new Mutex()
  private readonly inTransaction = new AsyncLocalStorage<true>()
  private readonly statements = new Map<string, Database.Statement>()
  private readonly tables = new Set<string>()

  constructor(options: EmbeddedStoreOptions) {
    if (options.dataDir === ':memory:') this.db = new Database(':memory:')
    else {
      mkdirSync(options.dataDir, { recursive: true })
      this.db = new Database(join(options.dataDir, 'community.sqlite'))
      this.db.pragma('journal_mode = WAL')
      this.db.pragma('synchronous = NORMAL')
    }
    for (const declaration of options.collections) this.declare(declaration)
  }

  private declare(declaration: CollectionDeclaration): void {
    this.ensureTable(declaration.name)
    for (const index of declaration.indexes) {
      // _id last, as every find() sorts by it last, so the index serves the whole ORDER BY.
      const lastDirection = index.fields[index.fields.length - 1][1].toUpperCase()
      const columns = [...index.fields.map(([path, dir]) => `${fieldExpr(path)} ${dir.toUpperCase()}`), `id ${lastDirection}`].join(', ')
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

  /** Runs a synchronous operation outside any open transaction. */
  private async outside<R>(op: () => R): Promise<R> {
    if (this.inTransaction.getStore()) {
      throw new StoreUsageError('inside a transaction, use the transaction handle (tx.collection), not the store')
    }
    if (!this.mutex.isLocked()) return op()
    return this.mutex.runExclusive(op)
  }

  private docOps<T extends BaseDoc>(name: string, run: <R>(op: () => R) => Promise<R>): DocOps<T> {
    const table = this.ensureTable(name)
    const read = (id: string): T | null => {
      const row = this.statement(`SELECT doc FROM ${table} WHERE id = ?`).get(id) as { doc: string } | undefined
      return row ? (JSON.parse(row.doc) as T) : null
    }
    const write = (doc: T): void => {
      this.statement(`UPDATE ${table} SET doc = ? WHERE id = ?`).run(JSON.stringify(doc), doc._id)
    }
    return {
      get: (id) => run(() => read(id)),
      insert: (input) =>
        run(() => {
          const id = input._id ?? randomUUID()
          try {
            this.statement(`INSERT INTO ${table} (id, doc) VALUES (?, ?)`).run(id, JSON.stringify({ ...input, _id: id }))
          } catch (error) {
            if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new StoreConflictError(name, id)
            throw error
          }
          return id
        }),
      update: (id, ops: UpdateOps) =>
        run(() => {
          const current = read(id)
          if (!current) return false
          write(applyUpdate(current as T & Record<string, unknown>, ops))
          return true
        }),
      updateIf: (id, condition: Filter, ops: UpdateOps) =>
        run(() => {
          const current = read(id)
          if (!current || !matchesFilter(current as unknown as Record<string, unknown>, condition)) return false
          write(applyUpdate(current as T & Record<string, unknown>, ops))
          return true
        }),
      set: (doc) =>
        run(() => {
          this.statement(`INSERT INTO ${table} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`)
            .run(doc._id, JSON.stringify(doc))
        }),
      remove: (id) => run(() => this.statement(`DELETE FROM ${table} WHERE id = ?`).run(id).changes > 0)
    }
  }

  collection<T extends BaseDoc>(name: string): Collection<T> {
    const table = this.ensureTable(name)
    const ops = this.docOps<T>(name, (op) => this.outside(op))
    return {
      ...ops,
      find: (filter, options: FindOptions = {}) =>
        this.outside((): Page<T> => {
          const sort = normalizeSort(options.sort)
          const limit = clampLimit(options.limit)
          const order = sort.map(([path, dir]) => `${fieldExpr(path)} ${dir.toUpperCase()}`).join(', ')
          const select = (extra: string[], extraParams: unknown[], take: number): T[] => {
            const params: unknown[] = []
            const where = [filterSql(filter, params), ...extra]
            const rows = this.statement(`SELECT doc FROM ${table} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`)
              .all(...params, ...extraParams, take) as Array<{ doc: string }>
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
        }),
      count: (filter) =>
        this.outside(() => {
          const params: unknown[] = []
          const row = this.statement(`SELECT COUNT(*) AS n FROM ${table} WHERE ${filterSql(filter, params)}`).get(...params) as { n: number }
          return row.n
        })
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
  private pageAfter<T>(
    sort: Array<[string, SortDirection]>,
    values: Scalar[],
    select: (extra: string[], extraParams: unknown[], take: number) => T[],
    take: number
  ): T[] {
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

  async transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    if (this.inTransaction.getStore()) throw new StoreUsageError('transactions do not nest')
    return this.mutex.runExclusive(() =>
      this.inTransaction.run(true, async () => {
        const tx: Transaction = {
          collection: <T extends BaseDoc>(name: string) => this.docOps<T>(name, async (op) => op())
        }
        this.db.exec('BEGIN IMMEDIATE')
        try {
          const result = await fn(tx)
          this.db.exec('COMMIT')
          return result
        } catch (error) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK')
          throw error
        }
      })
    )
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
    await this.mutex.waitForUnlock()
    this.db.close()
  }
}
