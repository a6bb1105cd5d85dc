// The deploy configuration stays in step with the code: every function in the
// registry is deployed, the cron function has its timer, and every declared
// index becomes a CloudBase index request.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FUNCTION_NAMES, PLATFORM_FUNCTION_NAMES } from '../../cloudfunctions/functions'
import { allCollections } from '../../cloudfunctions/platform/collections'
import { indexRequests } from '../../scripts/cloudbase-setup'

const rc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cloudbaserc.json'), 'utf8'))

test('cloudbaserc.json deploys exactly the registered functions from dist/functions', () => {
  expect(rc.functionRoot).toBe('./dist/functions')
  expect(rc.functions.map((f: { name: string }) => f.name).sort()).toEqual([...FUNCTION_NAMES, ...PLATFORM_FUNCTION_NAMES].sort())
  for (const fn of rc.functions) expect(fn.handler).toBe('index.main')
})

test('the cron function runs on a timer trigger', () => {
  const cron = rc.functions.find((f: { name: string }) => f.name === 'cron')
  expect(cron.triggers).toEqual([expect.objectContaining({ type: 'timer' })])
})

test('every declared index becomes one CloudBase index with matching key order and directions', () => {
  const requests = indexRequests()
  const declared = allCollections().flatMap((c) => c.indexes)
  expect(requests).toHaveLength(declared.length)
  expect(requests.find((r) => r.collection === 'outbox')).toEqual({
    collection: 'outbox',
    IndexName: 'ix_due',
    MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: [{ Name: 'status', Direction: '1' }, { Name: 'nextAttemptAt', Direction: '1' }, { Name: '_id', Direction: '1' }] }
  })
})
