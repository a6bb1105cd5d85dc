// Creates every declared collection and its indexes in a CloudBase environment,
// from the same declarations the embedded database uses. Part of `npm run deploy`,
// which runs it before any function is deployed and before the cron timer exists.
// Needs TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY, and
// @cloudbase/manager-node (installed on demand by the deploy script, not a
// project dependency: nothing else needs it).
import { allCollections, indexKeys, type CollectionDeclaration } from '../cloudfunctions/platform/collection-indexes'

export interface IndexRequest {
  collection: string
  IndexName: string
  MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: Array<{ Name: string; Direction: '1' | '-1' }> }
}

export function indexRequests(collections: CollectionDeclaration[] = allCollections()): IndexRequest[] {
  return collections.flatMap((collection) =>
    collection.indexes.map((index) => ({
      collection: collection.name,
      IndexName: `ix_${index.name}`,
      MgoKeySchema: {
        MgoIsUnique: false,
        // The full key list, ending with the `_id` tie-breaker every sorted find adds (as the embedded indexes do).
        MgoIndexKeys: indexKeys(index).map(([path, direction]) => ({ Name: path, Direction: direction === 'asc' ? ('1' as const) : ('-1' as const) }))
      }
    }))
  )
}

async function main(): Promise<void> {
  const { TCB_ENV_ID: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  if (!envId || !secretId || !secretKey) throw new Error('set TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node')
  const { database } = new CloudBase({ envId, secretId, secretKey })
  for (const collection of allCollections()) {
    await database.createCollectionIfNotExists(collection.name)
    console.log(`collection ${collection.name}: ok`)
  }
  for (const { collection, ...index } of indexRequests()) {
    const { Exists } = await database.checkIndexExists(collection, index.IndexName)
    if (!Exists) await database.updateCollection(collection, { CreateIndexes: [index] })
    console.log(`index ${collection}.${index.IndexName}: ${Exists ? 'exists' : 'created'}`)
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
