// Translation of the Store's neutral filters, sorts and updates into CloudBase
// database commands (db.command). Kept apart from the adapter so it can be
// checked against the SDK's real wire serialisation without a cloud.
import type { FieldCondition, Filter, Scalar, SortDirection, UpdateOps } from '../../ports/store'

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Command = any

function fieldCommand(_: Command, condition: FieldCondition): unknown {
  if (condition === null || typeof condition !== 'object') return condition === null ? _.eq(null) : condition
  const parts: unknown[] = []
  if ('$eq' in condition) parts.push(_.eq(condition.$eq))
  if ('$ne' in condition) parts.push(_.neq(condition.$ne))
  if (condition.$in) parts.push(_.in(condition.$in))
  if (condition.$exists !== undefined) parts.push(_.exists(condition.$exists))
  if ('$gt' in condition) parts.push(_.gt(condition.$gt))
  if ('$gte' in condition) parts.push(_.gte(condition.$gte))
  if ('$lt' in condition) parts.push(_.lt(condition.$lt))
  if ('$lte' in condition) parts.push(_.lte(condition.$lte))
  if (parts.length === 0) return _.exists(true).or(_.exists(false))
  return parts.length === 1 ? parts[0] : _.and(...parts)
}

export function toQuery(_: Command, filter: Filter): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  for (const [path, condition] of Object.entries(filter)) query[path] = fieldCommand(_, condition)
  return query
}

/** Documents strictly after the cursor values in this order (nulls first ascending, as in MongoDB). */
export function keysetQuery(_: Command, sort: Array<[string, SortDirection]>, values: Scalar[]): unknown {
  const alternatives: Array<Record<string, unknown>> = []
  sort.forEach(([path, direction], i) => {
    const clause: Record<string, unknown> = {}
    sort.slice(0, i).forEach(([p], j) => {
      clause[p] = values[j] === null ? _.eq(null) : values[j]
    })
    const value = values[i]
    if (value === null) {
      if (direction === 'desc') return
      clause[path] = _.neq(null)
    } else {
      clause[path] = direction === 'asc' ? _.gt(value) : _.lt(value).or(_.eq(null))
    }
    alternatives.push(clause)
  })
  return alternatives.length === 1 ? alternatives[0] : _.or(alternatives)
}

export function toUpdate(_: Command, ops: UpdateOps): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(ops.set ?? {})) {
    if (path === '_id') continue
    // A plain object would be merged field by field; the Store's set replaces it.
    data[path] = value !== null && typeof value === 'object' ? _.set(value) : value
  }
  for (const [path, by] of Object.entries(ops.inc ?? {})) data[path] = _.inc(by)
  for (const [path, value] of Object.entries(ops.push ?? {})) data[path] = _.push([value])
  for (const path of ops.unset ?? []) data[path] = _.remove()
  return data
}

/** The error code of a failed database call: a thrown TcbError or a resolved `{ code, message }` both carry it. */
export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  return code === undefined || code === null || code === '' ? null : String(code)
}

function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : ''
}

/**
 * A duplicate `_id` (or other unique index) write. CloudBase answers
 * `DATABASE_DUPLICATE_WRITE` (docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE);
 * older gateways and wx-server-sdk wrap MongoDB's own error instead
 * (`DATABASE_REQUEST_FAILED` with an `E11000 duplicate key error …` message, or code 11000).
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const code = errorCode(error)
  if (code === 'DATABASE_DUPLICATE_WRITE' || code === '11000') return true
  return /\bE11000 duplicate key\b|DATABASE_DUPLICATE_WRITE/.test(errorMessage(error))
}

/** A write lock conflict: the only error runTransaction retries (@cloudbase/database src/transaction/index.ts). */
export const TRANSACTION_CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT'

export function isTransactionConflictCode(error: unknown): boolean {
  return errorCode(error) === TRANSACTION_CONFLICT_CODE
}
