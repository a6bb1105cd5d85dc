// Pure helpers over JSON documents shared by the storage adapters: dotted paths,
// update operators, filter matching and keyset cursors.
import type { FieldCondition, Filter, Scalar, SortDirection, UpdateOps } from '../../ports/store'

export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[key]
  }
  return cur
}

function parentOf(doc: Record<string, unknown>, path: string, create: boolean): [Record<string, unknown> | null, string] {
  const keys = path.split('.')
  let cur: Record<string, unknown> = doc
  for (const key of keys.slice(0, -1)) {
    const next = cur[key]
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      if (!create) return [null, keys[keys.length - 1]]
      cur[key] = {}
    }
    cur = cur[key] as Record<string, unknown>
  }
  return [cur, keys[keys.length - 1]]
}

/** Returns a new document with the ops applied; `_id` can never change. */
export function applyUpdate<T extends Record<string, unknown>>(doc: T, ops: UpdateOps): T {
  const next = structuredClone(doc) as Record<string, unknown>
  for (const [path, value] of Object.entries(ops.set ?? {})) {
    if (path === '_id') continue
    const [parent, key] = parentOf(next, path, true)
    parent![key] = value
  }
  for (const [path, by] of Object.entries(ops.inc ?? {})) {
    const [parent, key] = parentOf(next, path, true)
    const current = parent![key]
    parent![key] = (typeof current === 'number' ? current : 0) + by
  }
  for (const [path, value] of Object.entries(ops.push ?? {})) {
    const [parent, key] = parentOf(next, path, true)
    const current = parent![key]
    parent![key] = Array.isArray(current) ? [...current, value] : [value]
  }
  for (const path of ops.unset ?? []) {
    const [parent, key] = parentOf(next, path, false)
    if (parent) delete parent[key]
  }
  return next as T
}

function isOperatorObject(c: FieldCondition): c is Exclude<FieldCondition, Scalar> {
  return c !== null && typeof c === 'object'
}

function compare(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return null
}

function matchesCondition(value: unknown, condition: FieldCondition): boolean {
  if (!isOperatorObject(condition)) return (value ?? null) === condition
  const c = condition
  if (c.$exists !== undefined && (value !== undefined) !== c.$exists) return false
  if ('$eq' in c && (value ?? null) !== c.$eq) return false
  if ('$ne' in c && (value ?? null) === c.$ne) return false
  if (c.$in && !c.$in.includes((value ?? null) as Scalar)) return false
  const bounds: Array<[keyof typeof c, (d: number) => boolean]> = [
    ['$gt', (d) => d > 0],
    ['$gte', (d) => d >= 0],
    ['$lt', (d) => d < 0],
    ['$lte', (d) => d <= 0]
  ]
  for (const [op, holds] of bounds) {
    if (!(op in c)) continue
    const d = compare(value, c[op])
    if (d === null || !holds(d)) return false
  }
  return true
}

export function matchesFilter(doc: Record<string, unknown>, filter: Filter): boolean {
  return Object.entries(filter).every(([path, condition]) => matchesCondition(getPath(doc, path), condition))
}

/** Sort keys with `_id` appended as the final tie-breaker. */
export function normalizeSort(sort: Array<[string, SortDirection]> | undefined): Array<[string, SortDirection]> {
  const keys = (sort ?? []).filter(([path]) => path !== '_id')
  const lastDirection = sort && sort.length > 0 ? sort[sort.length - 1][1] : 'asc'
  return [...keys, ['_id', lastDirection]]
}

export function encodeCursor(doc: Record<string, unknown>, sort: Array<[string, SortDirection]>): string {
  const values = sort.map(([path]) => getPath(doc, path) ?? null)
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor(cursor: string, sort: Array<[string, SortDirection]>): Scalar[] | null {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!Array.isArray(values) || values.length !== sort.length) return null
    if (!values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) return null
    return values as Scalar[]
  } catch {
    return null
  }
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return 20
  if (!Number.isInteger(limit) || limit < 1) return 1
  return Math.min(limit, 100)
}
