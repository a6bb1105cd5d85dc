// Every declared index ends with the `_id` tie-breaker the Store adds, and the
// CloudBase index requests are built from the same full key lists. That every
// query the code makes is served by a declared index is checked in
// test/budget/request-budget.test.ts, from the one run of the budget scenarios
// (running them twice cost CI three minutes).
import { allCollections, indexKeys } from '../../cloudfunctions/platform/collection-indexes'
import { indexRequests } from '../../scripts/cloudbase-setup'

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
