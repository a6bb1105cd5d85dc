// Every query the code makes while the budget scenarios drive every action and
// cron job (test/budget/scenarios.ts) is served by a declared index
// (collections.ts): equality fields first, then the sort keys ending with the
// `_id` tie-breaker the Store adds (see test/budget/index-coverage.ts). And the
// CloudBase index requests are built from the same full key lists.
import { allCollections, indexKeys } from '../../cloudfunctions/platform/collections'
import { formatQuery, type RecordedQuery } from '../../cloudfunctions/adapters/store/counting-store'
import { indexRequests } from '../../scripts/cloudbase-setup'
import { runScenarios, type ScenarioResult } from '../budget/scenarios'
import { coverage, distinctQueries } from '../budget/index-coverage'

jest.setTimeout(600_000)

let results: ScenarioResult[]
let queries: Array<RecordedQuery & { scenario: string }>

beforeAll(async () => {
  results = await runScenarios()
  queries = results.flatMap((r) => r.worldQueries.map((q) => ({ ...q, scenario: r.id })))
})

test('the scenarios ran (so the queries below are every query they make)', () => {
  expect(results.filter((r) => r.error).map((r) => `${r.id}: ${r.error}`)).toEqual([])
  expect(queries.length).toBeGreaterThan(0)
})

test('every query is served by a declared index', () => {
  const uncovered = distinctQueries(queries).filter((q) => !coverage(q).covered)
  if (uncovered.length > 0) {
    console.log(
      [
        'queries no declared index serves:',
        ...uncovered.map((q) => {
          const where = queries.find((x) => formatQuery(x) === formatQuery(q))
          return `  ${formatQuery(q)}   (e.g. in ${where?.scenario})`
        })
      ].join('\n')
    )
  }
  expect(uncovered.map(formatQuery)).toEqual([])
})

test("every declared index ends with the _id tie-breaker, in the last key's direction", () => {
  for (const collection of allCollections()) {
    for (const index of collection.indexes) {
      const keys = indexKeys(index)
      expect(keys.slice(0, index.fields.length)).toEqual(index.fields)
      expect(keys[keys.length - 1]).toEqual(['_id', index.fields[index.fields.length - 1][1]])
    }
  }
})

test('the CloudBase index requests end with _id for every sorted index, as the embedded indexes do', () => {
  const requests = indexRequests()
  for (const collection of allCollections()) {
    for (const index of collection.indexes) {
      const request = requests.find((r) => r.collection === collection.name && r.IndexName === `ix_${index.name}`)!
      const expected = indexKeys(index).map(([path, direction]) => ({ Name: path, Direction: direction === 'asc' ? '1' : '-1' }))
      expect(request.MgoKeySchema.MgoIndexKeys).toEqual(expected)
      expect(request.MgoKeySchema.MgoIndexKeys[request.MgoKeySchema.MgoIndexKeys.length - 1].Name).toBe('_id')
    }
  }
})
