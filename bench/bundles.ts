// The built cloud functions: each bundle's size, and its cold `require` timed
// the way CloudBase pays it: in a fresh `node` process (nothing cached, nothing
// warmed by earlier requires), the median of several runs since the machine is
// shared. `npx tsx bench/bundles.ts` prints the figures alone, after a build;
// `--packages` adds what each bundle holds, per npm package (esbuild's metafile).
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { bundleFunction, buildFunctions } from '../scripts/build-functions'
import { FUNCTION_NAMES, PLATFORM_FUNCTION_NAMES } from '../cloudfunctions/functions'
import { percentile } from './stats'

const DIST = join(__dirname, '..', 'dist', 'functions')
const RUNS = 7

/** The ms one fresh node process takes to `require` a bundle (measured inside it, so node's own start-up is not counted). */
export function coldRequireMs(file: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }))
}

export async function benchBundles(options: { build?: boolean } = {}): Promise<Record<string, number>> {
  if (options.build !== false) await buildFunctions()
  const names = [...FUNCTION_NAMES, ...PLATFORM_FUNCTION_NAMES]
  const figures: Record<string, number> = {}
  const sizes: Record<string, number> = {}
  const cold: Record<string, number> = {}
  for (const name of names) sizes[name] = Math.round(statSync(join(DIST, name, 'index.js')).size / 1024)
  // Interleave the runs so a burst of load on the shared machine spreads over every function.
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (let run = 0; run < RUNS; run++) for (const name of names) samples[name].push(coldRequireMs(join(DIST, name, 'index.js')))
  for (const name of names) cold[name] = Number(percentile(samples[name], 50).toFixed(1))
  figures.function_bundle_kb_max = Math.max(...Object.values(sizes))
  figures.function_cold_require_ms = Math.max(...Object.values(cold))
  // Not in any bundle (external, installed by CloudBase), but loaded by the first request of every cold
  // instance (adapters/cloudbase/cloudbase-runtime.ts): the part of a cold start our bundles do not decide.
  const sdk = Array.from({ length: RUNS }, () => coldRequireMs(require.resolve('@cloudbase/node-sdk')))
  figures.cloudbase_sdk_cold_require_ms = Number(percentile(sdk, 50).toFixed(1))
  for (const name of names) figures[`function_bundle_kb_${name}`] = sizes[name]
  for (const name of names) figures[`function_cold_require_ms_${name}`] = cold[name]
  return figures
}

/** Bytes per npm package (or `(app)` for our own code) in one bundle's output. */
export async function bundlePackages(name: string): Promise<Record<string, number>> {
  const { result } = await bundleFunction(name, join(DIST, name, 'index.js'))
  const out = Object.values(result.metafile.outputs)[0]
  const perPackage: Record<string, number> = {}
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)
    const key = match ? match[1] : input.startsWith('cloudfunctions/') ? `(app) ${input.split('/').slice(1, 3).join('/')}` : '(app)'
    perPackage[key] = (perPackage[key] ?? 0) + bytesInOutput
  }
  return Object.fromEntries(Object.entries(perPackage).sort((a, b) => b[1] - a[1]))
}

if (require.main === module) {
  ;(async () => {
    if (process.argv.includes('--packages')) {
      for (const name of [...FUNCTION_NAMES, ...PLATFORM_FUNCTION_NAMES]) {
        const perPackage = await bundlePackages(name)
        console.log(
          name,
          Object.entries(perPackage)
            .slice(0, 12)
            .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)}`)
            .join(' | ')
        )
      }
      return
    }
    console.log(JSON.stringify(await benchBundles({ build: !process.argv.includes('--no-build') }), null, 2))
  })().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
