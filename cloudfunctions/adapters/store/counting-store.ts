// A Store that wraps any Store and charges each call as the network round trips
// it costs on CloudBase (request-cost.ts), so a test or the bench can see what an
// action would cost in the cloud. It also records every query (find/count): the
// collection, which fields the filter constrains and how, and the sort with the
// `_id` tie-breaker the Store adds, so a test can check each is served by an index.
//
// Charges go to every meter active in the async context of the call
// (`measure(fn)`, AsyncLocalStorage: concurrent actions never mix counts) and to
// any meter started with `startMeter()` (process-wide: for one action at a time).
import { AsyncLocalStorage } from 'node:async_hooks'
import type { BaseDoc, Collection, DocOps, FieldCondition, Filter, FindOptions, SortDirection, Store, Transaction, UpdateOps } from '../../ports/store'
import { StoreTransactionAbortedError, StoreTransactionConflictError, TRANSACTION_CONFLICT_RETRIES } from '../../ports/store'
import { INSIDE_COST, OUTSIDE_COST, TRANSACTION_COST } from './request-cost'
import { applyUpdate, normalizeSort } from './document-ops'

/** How a filter constrains one field: equality can lead an index; the others cannot. */
export type ConditionKind = 'eq' | 'range' | 'in' | 'ne' | 'exists'

export interface QueryField {
  path: string
  kind: ConditionKind
}

export interface RecordedQuery {
  collection: string
  op: 'find' | 'count'
  filter: QueryField[]
  /** The sort the database applies (`_id` appended as normalizeSort does); null for a count. */
  sort: Array<[string, SortDirection]> | null
  /** A next page (keyset cursor) rather than the first one. */
  paged: boolean
}

export interface MeterReading {
  /** Every request, inside transactions or not. */
  requests: number
  /** Requests that belong to transactions: start, document operations, commit/rollback. */
  insideTx: number
  /** Transaction attempts (a retried transaction counts each attempt). */
  transactions: number
  /** The most document-operation requests of one attempt (start and commit excluded; an update is 2). */
  largestTx: number
  /** Requests per operation, e.g. { 'find': 3, 'tx.update': 4, 'tx.start': 1 }. */
  byOp: Record<string, number>
  queries: RecordedQuery[]
}

export class Meter {
  requests = 0
  insideTx = 0
  transactions = 0
  largestTx = 0
  readonly byOp: Record<string, number> = {}
  readonly queries: RecordedQuery[] = []
  private stopped = false

  constructor(private readonly onStop?: (meter: Meter) => void) {}

  charge(op: string, requests: number, inside: boolean): void {
    if (this.stopped || requests === 0) return
    this.requests += requests
    if (inside) this.insideTx += requests
    this.byOp[op] = (this.byOp[op] ?? 0) + requests
  }

  /** Stops charging this meter and returns what it counted. */
  stop(): MeterReading {
    if (!this.stopped) {
      this.stopped = true
      this.onStop?.(this)
    }
    return this.reading()
  }

  get active(): boolean {
    return !this.stopped
  }

  reading(): MeterReading {
    return {
      requests: this.requests,
      insideTx: this.insideTx,
      transactions: this.transactions,
      largestTx: this.largestTx,
      byOp: { ...this.byOp },
      queries: [...this.queries]
    }
  }
}

/** Classifies one field's condition as the index planner sees it. */
export function conditionKind(condition: FieldCondition): ConditionKind {
  if (condition === null || typeof condition !== 'object') return 'eq'
  const ops = Object.keys(condition)
  if (ops.some((op) => op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte')) return 'range'
  if (ops.includes('$in')) return 'in'
  if (ops.includes('$ne')) return 'ne'
  if (ops.includes('$exists')) return 'exists'
  return 'eq'
}

export function describeFilter(filter: Filter): QueryField[] {
  return Object.entries(filter).map(([path, condition]) => ({ path, kind: conditionKind(condition) }))
}

/** A one-line form of a recorded query, for reports: `orders find {status=, payBefore<>} sort payBefore asc, _id asc`. */
export function formatQuery(query: RecordedQuery): string {
  const mark: Record<ConditionKind, string> = { eq: '=', range: '<>', in: ' in', ne: '≠', exists: ' exists' }
  const filter = query.filter.map((f) => `${f.path}${mark[f.kind]}`).join(', ')
  const sort = query.sort ? ` sort ${query.sort.map(([p, d]) => `${p} ${d}`).join(', ')}` : ''
  return `${query.collection} ${query.op} {${filter}}${sort}`
}

interface Attempt {
  ops: number
}

export class CountingStore implements Store {
  readonly kind: Store['kind']
  /** Everything charged since this store was made. */
  readonly total = new Meter()
  /** Every query made through this store, in order. */
  readonly queries: RecordedQuery[] = []
  private readonly context = new AsyncLocalStorage<Meter[]>()
  private readonly started = new Set<Meter>()

  constructor(readonly inner: Store) {
    this.kind = inner.kind
  }

  /** Runs fn with a meter of its own (nested measures each see their part). */
  async measure<R>(fn: () => Promise<R>): Promise<{ result: R; usage: MeterReading }> {
    const meter = new Meter()
    const outer = this.context.getStore() ?? []
    try {
      const result = await this.context.run([...outer, meter], fn)
      return { result, usage: meter.stop() }
    } catch (error) {
      meter.stop()
      throw error
    }
  }

  /** A meter charged by every call from now until stop(), whatever its async context: for one action at a time. */
  startMeter(): Meter {
    const meter = new Meter((m) => this.started.delete(m))
    this.started.add(meter)
    return meter
  }

  private meters(): Meter[] {
    return [this.total, ...this.started, ...(this.context.getStore() ?? [])]
  }

  private charge(meters: Meter[], op: string, requests: number, inside: boolean): void {
    for (const meter of meters) meter.charge(op, requests, inside)
  }

  private record(meters: Meter[], query: RecordedQuery): void {
    this.queries.push(query)
    for (const meter of meters) if (meter !== this.total && meter.active) meter.queries.push(query)
  }

  collection<T extends BaseDoc>(name: string): Collection<T> {
    const inner = this.inner.collection<T>(name)
    const charged =
      <A extends unknown[], R>(op: string, cost: number, call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        this.charge(this.meters(), op, cost, false)
        return call(...args)
      }
    return {
      get: charged('get', OUTSIDE_COST.get, (id: string) => inner.get(id)),
      insert: charged('insert', OUTSIDE_COST.insert, (doc: Omit<T, '_id'> & { _id?: string }) => inner.insert(doc)),
      set: charged('set', OUTSIDE_COST.set, (doc: T) => inner.set(doc)),
      remove: charged('remove', OUTSIDE_COST.remove, (id: string) => inner.remove(id)),
      updateIf: charged('updateIf', OUTSIDE_COST.updateIf, (id: string, condition: Filter, ops: UpdateOps) => inner.updateIf(id, condition, ops)),
      update: async (id: string, ops: UpdateOps) => {
        const meters = this.meters()
        // The adapter's modifyDocument reports how many documents it changed; when
        // none (missing, or the ops change nothing) it reads once more to tell which.
        const before = await inner.get(id)
        const changes = before !== null && JSON.stringify(applyUpdate(before as T & Record<string, unknown>, ops)) !== JSON.stringify(before)
        this.charge(meters, 'update', OUTSIDE_COST.update + (changes ? 0 : OUTSIDE_COST.updateConfirm), false)
        return inner.update(id, ops)
      },
      find: async (filter: Filter, options?: FindOptions) => {
        const meters = this.meters()
        this.charge(meters, 'find', OUTSIDE_COST.find, false)
        this.record(meters, { collection: name, op: 'find', filter: describeFilter(filter), sort: normalizeSort(options?.sort), paged: Boolean(options?.after) })
        return inner.find(filter, options)
      },
      count: async (filter: Filter) => {
        const meters = this.meters()
        this.charge(meters, 'count', OUTSIDE_COST.count, false)
        this.record(meters, { collection: name, op: 'count', filter: describeFilter(filter), sort: null, paged: false })
        return inner.count(filter)
      }
    }
  }

  private txDocOps<T extends BaseDoc>(inner: DocOps<T>, meters: Meter[], attempt: Attempt): DocOps<T> {
    const charge = (op: string, requests: number) => {
      attempt.ops += requests
      this.charge(meters, `tx.${op}`, requests, true)
    }
    /**
     * A request is sent (and charged) even when the operation then fails, except
     * after an earlier failure: the adapter knows the transaction is aborted and
     * refuses without sending anything.
     */
    const flat =
      <A extends unknown[], R>(op: string, cost: number, call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        try {
          return await call(...args)
        } catch (error) {
          if (error instanceof StoreTransactionAbortedError) cost = 0
          throw error
        } finally {
          charge(op, cost)
        }
      }
    /** Read, then a write only when the document exists (and the condition holds); a write refused by a conflict was still sent. */
    const readWrite =
      <A extends unknown[]>(op: string, call: (...args: A) => Promise<boolean>) =>
      async (...args: A): Promise<boolean> => {
        let cost: number = INSIDE_COST.updateMiss
        try {
          const applied = await call(...args)
          if (applied) cost = INSIDE_COST[op as 'update' | 'updateIf']
          return applied
        } catch (error) {
          if (error instanceof StoreTransactionAbortedError) cost = 0
          else if (error instanceof StoreTransactionConflictError) cost = INSIDE_COST[op as 'update' | 'updateIf']
          throw error
        } finally {
          charge(op, cost)
        }
      }
    return {
      get: flat('get', INSIDE_COST.get, (id: string) => inner.get(id)),
      insert: flat('insert', INSIDE_COST.insert, (doc: Omit<T, '_id'> & { _id?: string }) => inner.insert(doc)),
      set: flat('set', INSIDE_COST.set, (doc: T) => inner.set(doc)),
      remove: flat('remove', INSIDE_COST.remove, (id: string) => inner.remove(id)),
      update: readWrite('update', (id: string, ops: UpdateOps) => inner.update(id, ops)),
      updateIf: readWrite('updateIf', (id: string, condition: Filter, ops: UpdateOps) => inner.updateIf(id, condition, ops))
    }
  }

  transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    const meters = this.meters()
    let attempts = 0
    // Wrapping the callback charges every attempt when the inner store retries it.
    return this.inner.transaction(async (innerTx) => {
      attempts++
      const attempt: Attempt = { ops: 0 }
      for (const meter of meters) if (meter.active) meter.transactions += 1
      this.charge(meters, 'tx.start', TRANSACTION_COST.start, true)
      const tx: Transaction = { collection: <T extends BaseDoc>(name: string) => this.txDocOps<T>(innerTx.collection<T>(name), meters, attempt) }
      const finish = (op: 'commit' | 'rollback') => {
        this.charge(meters, `tx.${op}`, TRANSACTION_COST[op], true)
        for (const meter of meters) if (meter.active) meter.largestTx = Math.max(meter.largestTx, attempt.ops)
      }
      try {
        const result = await fn(tx)
        finish('commit')
        return result
      } catch (error) {
        // runTransaction re-runs a conflicted attempt without aborting it; only the last attempt rolls back.
        const retried = error instanceof StoreTransactionConflictError && attempts <= TRANSACTION_CONFLICT_RETRIES
        if (retried) {
          for (const meter of meters) if (meter.active) meter.largestTx = Math.max(meter.largestTx, attempt.ops)
        } else {
          finish('rollback')
        }
        throw error
      }
    })
  }

  close(): Promise<void> {
    return this.inner.close()
  }
}
