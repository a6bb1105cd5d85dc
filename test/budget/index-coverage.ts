// Whether a recorded query (counting-store.ts) is served by a declared index
// (collections.ts, full key lists from indexKeys):
// - a query on `_id` alone (e.g. `_id: {$in: [...]}`) needs no index;
// - the filter's equality fields are the index's first keys (any order among
//   themselves), followed by the query's sort keys in order (with the `_id`
//   tie-breaker the Store appends), all in the index's directions or all reversed;
// - a range condition may be on the first sort key; other non-equality conditions
//   ($in, $ne, $exists, ranges elsewhere) are checked on the rows the index yields;
// - an unsorted count needs an index whose first keys are its equality fields (or,
//   with none, whose first key is a field it bounds);
// - a find with no equality field and no sort of its own but some condition would
//   walk the whole collection in `_id` order: it needs an index that leads with a
//   bounded field, which cannot serve `_id` order, so it is uncovered.
import type { SortDirection } from '../../cloudfunctions/ports/store'
import { allCollections, indexKeys, type CollectionDeclaration } from '../../cloudfunctions/platform/collection-indexes'
import type { RecordedQuery } from '../../cloudfunctions/adapters/store/counting-store'

export interface Coverage {
  covered: boolean
  /** The index that serves it ('_id' for the primary key). */
  index: string | null
}

function sameOrder(keys: Array<[string, SortDirection]>, sort: Array<[string, SortDirection]>): boolean {
  if (keys.length < sort.length) return false
  const flip = (d: SortDirection): SortDirection => (d === 'asc' ? 'desc' : 'asc')
  const forward = sort.every(([path, dir], i) => keys[i][0] === path && keys[i][1] === dir)
  const reversed = sort.every(([path, dir], i) => keys[i][0] === path && keys[i][1] === flip(dir))
  return forward || reversed
}

function leadsWith(keys: Array<[string, SortDirection]>, fields: Set<string>): boolean {
  if (keys.length < fields.size) return false
  return keys.slice(0, fields.size).every(([path]) => fields.has(path)) && new Set(keys.slice(0, fields.size).map(([p]) => p)).size === fields.size
}

export function coverage(query: RecordedQuery, collections: CollectionDeclaration[] = allCollections()): Coverage {
  const conditions = query.filter
  const onIdOnly = conditions.length > 0 && conditions.every((f) => f.path === '_id')
  const sortKeys = query.sort ?? []
  const unsorted = sortKeys.every(([path]) => path === '_id')
  if (onIdOnly && unsorted) return { covered: true, index: '_id' }
  if (conditions.length === 0 && unsorted) return { covered: true, index: '_id' }
  const declaration = collections.find((c) => c.name === query.collection)
  const indexes = (declaration?.indexes ?? []).map((index) => ({ name: index.name, keys: indexKeys(index) }))
  const equality = new Set(conditions.filter((f) => f.kind === 'eq' && f.path !== '_id').map((f) => f.path))

  if (query.op === 'count') {
    for (const index of indexes) {
      if (equality.size > 0 ? leadsWith(index.keys, equality) : conditions.some((f) => f.path === index.keys[0][0])) return { covered: true, index: index.name }
    }
    return { covered: false, index: null }
  }

  if (equality.size === 0 && unsorted) return { covered: false, index: null }
  for (const index of indexes) {
    if (!leadsWith(index.keys, equality)) continue
    if (sameOrder(index.keys.slice(equality.size), sortKeys)) return { covered: true, index: index.name }
  }
  // No equality and sorted by `_id` alone after it: the primary key serves the order.
  if (equality.size === 0 && sortKeys.length === 1 && sortKeys[0][0] === '_id') return { covered: true, index: '_id' }
  return { covered: false, index: null }
}

/** Distinct queries by shape (collection, op, filter fields and kinds, sort). */
export function distinctQueries(queries: RecordedQuery[]): RecordedQuery[] {
  const seen = new Map<string, RecordedQuery>()
  for (const q of queries) {
    const key = JSON.stringify([q.collection, q.op, [...q.filter].sort((a, b) => a.path.localeCompare(b.path)), q.sort])
    if (!seen.has(key)) seen.set(key, q)
  }
  return [...seen.values()]
}
