// The Store on CloudBase's document database (@cloudbase/node-sdk 3.18 over
// @cloudbase/database 1.4). The database handle is created once per function
// instance by the CloudBase runtime. Every platform rule this relies on is written
// down, with its source, in README.md beside this file; the request each call
// costs is in ../store/request-cost.ts and checked by test/store/cloudbase-store.test.ts.
//
// - Failures: node-sdk's transport throws a TcbError `{ code, message, requestId }`
//   for any answer that carries a code (its default `throwOnCode`); with
//   `setThrowOnCode(false)` the database methods resolve `{ code, message }`
//   instead. Both shapes are translated here: a duplicate `_id` to
//   StoreConflictError, a write lock conflict to StoreTransactionConflictError,
//   anything else to CloudbaseError.
// - Transactions are MongoDB transactions: the first failed operation aborts the
//   transaction on the server. This adapter marks it aborted too: later operations
//   throw StoreTransactionAbortedError without sending anything, and a callback that
//   caught the failure and returned makes runTransaction roll back, never commit.
// - runTransaction re-runs the callback at once when the thrown error's code is
//   DATABASE_TRANSACTION_CONFLICT; the conflict error thrown here is a
//   StoreTransactionConflictError that carries that code, so it is retried, and it
//   reaches the caller once the retries are spent.
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import type { BaseDoc, Collection, DocOps, FindOptions, Page, Store, Transaction } from '../../ports/store'
import { InvalidCursorError, StoreConflictError, StoreTransactionAbortedError, StoreTransactionConflictError, StoreUsageError, TRANSACTION_CONFLICT_RETRIES } from '../../ports/store'
import { applyUpdate, clampLimit, decodeCursor, encodeCursor, matchesFilter, normalizeSort } from '../store/document-ops'
import { errorCode, isDuplicateKeyError, isTransactionConflictCode, keysetQuery, toQuery, toUpdate, TRANSACTION_CONFLICT_CODE, type Command } from './cloudbase-query'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Db = any

/** A database failure other than the ones the Store names (permission, timeout, expired transaction, …). */
export class CloudbaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly requestId = ''
  ) {
    super(`${code}: ${message}`)
    this.name = 'CloudbaseError'
  }
}

/**
 * A write conflict, still carrying CloudBase's code: runTransaction retries only
 * errors whose `code` is DATABASE_TRANSACTION_CONFLICT, and this is what the
 * callback throws, so the conflict is retried like the SDK's own error would be.
 */
class CloudbaseTransactionConflictError extends StoreTransactionConflictError {
  readonly code = TRANSACTION_CONFLICT_CODE
}

function isStoreError(error: unknown): error is Error {
  return (
    error instanceof StoreConflictError ||
    error instanceof StoreTransactionConflictError ||
    error instanceof StoreTransactionAbortedError ||
    error instanceof StoreUsageError ||
    error instanceof CloudbaseError
  )
}

/** The Store's error for a failed database call on `collection`/`id`, whichever shape the SDK gave it. */
function storeError(error: unknown, collection: string, id: string): Error {
  if (isStoreError(error)) return error
  if (isDuplicateKeyError(error)) return new StoreConflictError(collection, id)
  if (isTransactionConflictCode(error)) return new CloudbaseTransactionConflictError(collection, id)
  const code = errorCode(error)
  if (code) {
    const e = error as { message?: unknown; requestId?: unknown }
    return new CloudbaseError(code, String(e.message ?? ''), String(e.requestId ?? ''))
  }
  return error instanceof Error ? error : new Error(String(error))
}

/** Sends one request and gives its answer, or throws the Store's error for a thrown TcbError or a resolved `{ code }`. */
async function call(collection: string, id: string, request: () => Promise<any>): Promise<any> {
  let res: any
  try {
    res = await request()
  } catch (error) {
    throw storeError(error, collection, id)
  }
  if (res && typeof res === 'object' && errorCode(res)) throw storeError(res, collection, id)
  return res
}

/** Outside a transaction `doc().get()` answers `{ data: [doc] }`, inside one `{ data: doc | null }`. */
function firstDoc<T>(res: { data?: unknown }): T | null {
  const data = res?.data
  if (Array.isArray(data)) return (data[0] as T) ?? null
  return (data as T) ?? null
}

function withoutId(doc: BaseDoc): [string, Record<string, unknown>] {
  const { _id, ...rest } = doc as BaseDoc & Record<string, unknown>
  return [_id, rest]
}

/** The state of one transaction attempt as the server sees it. */
interface Attempt {
  /** The first failed operation: the server has aborted the transaction. */
  failure: Error | null
}

/** `add` with the document's own _id (a new one when it has none); a duplicate surfaces as a Conflict through `send`. */
async function insertInto(ref: () => any, send: (id: string, request: () => Promise<any>) => Promise<any>, input: Record<string, unknown>): Promise<string> {
  const id = (input._id as string | undefined) ?? randomUUID()
  await send(id, () => ref().add({ ...input, _id: id }))
  return id
}

export class CloudbaseStore implements Store {
  readonly kind = 'cloudbase' as const
  private readonly _: Command
  /** Set while a transaction callback runs: the store's own (non-transactional) methods are refused there. */
  private readonly inTransaction = new AsyncLocalStorage<true>()

  constructor(private readonly db: Db) {
    this._ = db.command
  }

  /**
   * A write outside the transaction to a document the transaction has written
   * would wait for the transaction's lock, while the transaction waits for it:
   * stuck until the server's transaction lifetime (30 s) runs out. Refused instead,
   * as the embedded store does.
   */
  private assertOutside(): void {
    if (this.inTransaction.getStore()) {
      throw new StoreUsageError('inside a transaction, use the transaction handle (tx.collection), not the store')
    }
  }

  collection<T extends BaseDoc>(name: string): Collection<T> {
    const ref = () => this.db.collection(name)
    const _ = this._
    const send = (id: string, request: () => Promise<any>) => {
      this.assertOutside()
      return call(name, id, request)
    }
    const get = async (id: string) => firstDoc<T>(await send(id, () => ref().doc(id).get()))
    const ops: DocOps<T> = {
      get,
      insert: (input) => insertInto(ref, send, input as Record<string, unknown>),
      update: async (id, update) => {
        const res = await send(id, () => ref().where({ _id: id }).update(toUpdate(_, update)))
        // `updated` counts modified documents: an update that changes nothing reports 0,
        // so only a read tells a missing document from an unchanged one.
        return res.updated > 0 || (await get(id)) !== null
      },
      updateIf: async (id, condition, update) => {
        // One conditional write on the server: atomic, no read-then-write race. Every
        // caller's ops change the document, so 0 updated means the condition failed.
        const res = await send(id, () =>
          ref()
            .where({ ...toQuery(_, condition), _id: id })
            .update(toUpdate(_, update))
        )
        return res.updated > 0
      },
      set: async (doc) => {
        const [id, rest] = withoutId(doc)
        await send(id, () => ref().doc(id).set(rest))
      },
      remove: async (id) => ((await send(id, () => ref().doc(id).remove())).deleted ?? 0) > 0
    }
    return {
      ...ops,
      find: async (filter, options: FindOptions = {}): Promise<Page<T>> => {
        const sort = normalizeSort(options.sort)
        const limit = clampLimit(options.limit)
        let where: unknown = toQuery(_, filter)
        if (options.after) {
          const values = decodeCursor(options.after, sort)
          if (!values) throw new InvalidCursorError()
          where = _.and([where, keysetQuery(_, sort, values)])
        }
        let query = ref().where(where)
        for (const [path, direction] of sort) query = query.orderBy(path, direction)
        const res = await send('', () => query.limit(limit + 1).get())
        const rows = (res.data ?? []) as T[]
        const items = rows.slice(0, limit)
        const next = rows.length > limit ? encodeCursor(items[items.length - 1] as unknown as Record<string, unknown>, sort) : null
        return { items, next }
      },
      count: async (filter) => (await send('', () => ref().where(toQuery(_, filter)).count())).total ?? 0
    }
  }

  /** Document operations on one transaction attempt (`t` is the SDK's Transaction). */
  private transactionOps<T extends BaseDoc>(t: any, name: string, attempt: Attempt): DocOps<T> {
    const ref = () => t.collection(name)
    const send = async (id: string, request: () => Promise<any>) => {
      // Nothing more reaches an aborted transaction: the server would refuse it anyway.
      if (attempt.failure) throw new StoreTransactionAbortedError(attempt.failure)
      try {
        return await call(name, id, request)
      } catch (error) {
        attempt.failure ??= error as Error
        throw error
      }
    }
    const get = async (id: string) => firstDoc<T>(await send(id, () => ref().doc(id).get()))
    const replace = async (doc: T) => {
      const [id, rest] = withoutId(doc)
      await send(id, () => ref().doc(id).set(rest))
    }
    return {
      get,
      insert: (input) => insertInto(ref, send, input as Record<string, unknown>),
      // No conditional write inside a transaction (doc().update() matches by _id only):
      // read the snapshot, apply the ops here, write the whole document. A write to a
      // document changed since the snapshot is a conflict, so nothing is lost.
      update: async (id, update) => {
        const current = await get(id)
        if (!current) return false
        await replace(applyUpdate(current as T & Record<string, unknown>, update))
        return true
      },
      updateIf: async (id, condition, update) => {
        const current = await get(id)
        if (!current || !matchesFilter(current as unknown as Record<string, unknown>, condition)) return false
        await replace(applyUpdate(current as T & Record<string, unknown>, update))
        return true
      },
      set: replace,
      remove: async (id) => {
        const deleted = (await send(id, () => ref().doc(id).delete())).deleted
        return typeof deleted === 'number' ? deleted > 0 : true
      }
    }
  }

  /** One attempt of the callback on a started transaction; runTransaction commits when it returns. */
  private async attempt<R>(t: any, fn: (tx: Transaction) => Promise<R>): Promise<R> {
    const attempt: Attempt = { failure: null }
    const result = await fn({ collection: <T extends BaseDoc>(name: string) => this.transactionOps<T>(t, name, attempt) })
    // The server aborted the transaction at its first failed operation: catching that
    // error does not save it. Throwing here makes runTransaction roll back, not commit.
    if (attempt.failure) throw new StoreTransactionAbortedError(attempt.failure)
    return result
  }

  async transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    if (this.inTransaction.getStore()) throw new StoreUsageError('transactions do not nest')
    // CloudBase transactions allow document operations only, and runTransaction
    // re-runs fn on a write conflict, so fn must have no effects outside tx.
    let fromCallback: { error: unknown } | null = null
    try {
      return await this.db.runTransaction(async (t: any) => {
        fromCallback = null
        try {
          return await this.inTransaction.run(true, () => this.attempt(t, fn))
        } catch (error) {
          fromCallback = { error }
          throw error
        }
      }, TRANSACTION_CONFLICT_RETRIES)
    } catch (error) {
      // What the callback threw reaches the caller as it is (a domain error may carry
      // a `code` of its own); a failed start or commit is translated here.
      if (fromCallback && (fromCallback as { error: unknown }).error === error) throw error
      throw storeError(error, '', '')
    }
  }

  async close(): Promise<void> {}
}
