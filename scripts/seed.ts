// `npm run seed`: wipes the data folder and seeds the demo community again.
// Stop `npm run dev` first: the dev host keeps the database open.
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { createLocalRuntime } from '../cloudfunctions/adapters/local/local-runtime'
import { hostOpenidsFrom } from './dev-host/personas'
import { seedIfEmpty } from './dev-host/seed'

async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? '.data')
  rmSync(dataDir, { recursive: true, force: true })
  const runtime = createLocalRuntime({ dataDir, hostOpenids: hostOpenidsFrom(process.env.HOST_OPENIDS) })
  await seedIfEmpty(runtime)
  await runtime.store.close()
  console.log(`seeded a fresh community in ${dataDir}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
