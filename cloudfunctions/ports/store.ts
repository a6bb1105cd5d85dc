// The Store port: what every storage adapter offers. Shaped by what CloudBase's
// document database can do, so a rule that holds here holds there: transactions
// contain document operations by id only, never queries.

export type Scalar = string | number | boolean | null

export type FieldCondition =
  | Scalar
  | {
      $eq?: Scalar
      $ne?: Scalar
      $gt?: string | number
      $gte?: string | number
      $lt?: string | number
      $lte?: string | number
      $in?: Scalar[]
      $exists?: boolean
    }

/** Field path (dots for nesting) → condition. All conditions must hold. */
export type Filter = Record<string, FieldCondition>

export interface UpdateOps {
  set?: Record<string, unknown>
  inc?: Record<string, number>
  push?: Record<string, unknown>
  unset?: string[]
}

export type SortDirection = 'asc' | 'desc'

export interface FindOptions {
  /** Sort keys in order; `_id` is always added last as the tie-breaker, in the direction of the last key. */
  sort?: Array<[string, SortDirection]>
  /** 1–100, default 20. */
  limit?: number
  /** The `next` cursor of the previous page (keyset paging: no offset scans). */
  after?: string | null
}

export interface Page<T> {
  items: T[]
  /** Cursor for the next page, null when this was the last one. */
  next: string | null
}

export interface BaseDoc {
  _id: string
}

/** Document operations, available both directly and inside a transaction. */
export interface DocOps<T extends BaseDoc> {
  get(id: string): Promise<T | null>
  /** Inserts; a duplicate id throws StoreConflictError: the idempotency primitive. Returns the id. */
  insert(doc: Omit<T, '_id'> & { _id?: string }): Promise<string>
  /** Applies ops to the document; false when no document has that id. */
  update(id: string, ops: UpdateOps): Promise<boolean>
  /** Atomically applies ops only if the document matches the condition; says whether it applied. */
  updateIf(id: string, condition: Filter, ops: UpdateOps): Promise<boolean>
  /** Inserts or replaces the whole document. */
  set(doc: T): Promise<void>
  /** False when no document has that id. */
  remove(id: string): Promise<boolean>
}

export interface Collection<T extends BaseDoc> extends DocOps<T> {
  find(filter: Filter, options?: FindOptions): Promise<Page<T>>
  count(filter: Filter): Promise<number>
}

export interface Transaction {
  collection<T extends BaseDoc>(name: string): DocOps<T>
}

export interface Store {
  readonly kind: 'embedded' | 'cloudbase'
  collection<T extends BaseDoc>(name: string): Collection<T>
  /**
   * Runs fn with document-level operations that commit together or not at all.
   * Throwing inside fn rolls everything back and rethrows.
   */
  transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R>
  close(): Promise<void>
}

export class StoreConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string
  ) {
    super(`duplicate id ${id} in ${collection}`)
    this.name = 'StoreConflictError'
  }
}

export class StoreUsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StoreUsageError'
  }
}

export function isConflict(error: unknown): error is StoreConflictError {
  return error instanceof StoreConflictError
}

/**
 * A transaction wrote a document another open transaction had written (or that
 * changed after its snapshot): CloudBase's DATABASE_TRANSACTION_CONFLICT.
 * `transaction()` already re-ran the callback as `runTransaction` does; this
 * reaches the caller only when those retries are spent. Retryable as a whole.
 */
export class StoreTransactionConflictError extends Error {
  readonly retryable = true
  constructor(
    readonly collection: string,
    readonly id: string
  ) {
    super(`write conflict on ${collection}/${id}`)
    this.name = 'StoreTransactionConflictError'
  }
}

/**
 * A transaction whose earlier operation failed (a duplicate insert, a write
 * conflict) is aborted on the server: every later operation and the commit
 * fail, even when the callback caught the first error. Nothing of it is kept.
 */
export class StoreTransactionAbortedError extends Error {
  constructor(readonly cause: Error) {
    super(`transaction aborted by an earlier failed operation: ${cause.message}`)
    this.name = 'StoreTransactionAbortedError'
  }
}

export function isTransactionConflict(error: unknown): error is StoreTransactionConflictError {
  return error instanceof StoreTransactionConflictError || (error instanceof StoreTransactionAbortedError && error.cause instanceof StoreTransactionConflictError)
}

/** Retries a transaction makes on a write conflict before the conflict reaches the caller (runTransaction's default). */
export const TRANSACTION_CONFLICT_RETRIES = 3

/** A cursor that was not produced by this query (tampered, or from another list). */
export class InvalidCursorError extends StoreUsageError {
  constructor() {
    super('invalid cursor')
    this.name = 'InvalidCursorError'
  }
}
