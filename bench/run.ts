// `npm run bench`: prints one JSON object of figures. Speed targets live here,
// never in unit tests. Each capability adds its own figures.
import { benchStore } from './store'
import { benchFunctions } from './functions'
import { benchFeed } from './feed'
import { benchGrowth } from './growth'
import { benchEvents } from './events'
import { benchFlashSale } from './flash-sale'
import { benchLeaderboard } from './leaderboard'
import { benchConsole } from './console'
import { benchRequests } from './requests'
import { benchBundles } from './bundles'

async function main(): Promise<void> {
  const figures: Record<string, number | string | boolean> = { node: process.version }
  Object.assign(figures, await benchStore())
  Object.assign(figures, await benchFunctions())
  Object.assign(figures, await benchFeed())
  Object.assign(figures, await benchGrowth())
  Object.assign(figures, await benchEvents())
  Object.assign(figures, await benchFlashSale())
  Object.assign(figures, await benchLeaderboard())
  Object.assign(figures, await benchConsole())
  Object.assign(figures, await benchRequests())
  // Every bundle's size, and its cold require in a fresh node process (median of runs); the max of each first.
  Object.assign(figures, await benchBundles())
  console.log(JSON.stringify(figures, null, 2))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
