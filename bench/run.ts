// `npm run bench`: prints one JSON object of figures. Speed targets live here,
// never in unit tests. Each capability adds its own figures.
import { join } from 'node:path'
import { benchStore } from './store'
import { benchFunctions } from './functions'
import { benchFeed } from './feed'
import { benchGrowth } from './growth'
import { benchEvents } from './events'
import { benchLeaderboard } from './leaderboard'
import { benchRequests } from './requests'
import { buildFunctions } from '../scripts/build-functions'

async function main(): Promise<void> {
  const figures: Record<string, number | string | boolean> = { node: process.version }
  Object.assign(figures, await benchStore())
  Object.assign(figures, await benchFunctions())
  Object.assign(figures, await benchFeed())
  Object.assign(figures, await benchGrowth())
  Object.assign(figures, await benchEvents())
  Object.assign(figures, await benchLeaderboard())
  Object.assign(figures, await benchRequests())
  const sizes = await buildFunctions()
  figures.function_bundle_kb_max = Math.round(Math.max(...Object.values(sizes)) / 1024)
  const start = process.hrtime.bigint()
  // Cold load of a bundle as CloudBase would require it (the SDK is external and lazy).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- timing a built file's require is the point
  require(join(__dirname, '..', 'dist', 'functions', 'member', 'index.js'))
  figures.function_cold_require_ms = Number((Number(process.hrtime.bigint() - start) / 1e6).toFixed(1))
  console.log(JSON.stringify(figures, null, 2))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
