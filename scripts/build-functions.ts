// `npm run build:functions`: bundles each cloud function into a self-contained
// folder under dist/functions/<name>/ (index.js + package.json) for CloudBase.
// APP_RUNTIME is fixed to 'cloudbase' so the local adapters and better-sqlite3
// are dropped from the bundle; @cloudbase/node-sdk stays external and is
// installed by CloudBase from the function's own package.json.
import { build } from 'esbuild'
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FUNCTION_NAMES, PLATFORM_FUNCTION_NAMES } from '../cloudfunctions/functions'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const rootPackage = require('../package.json') as { dependencies: Record<string, string> }
const OUT = join(__dirname, '..', 'dist', 'functions')

export async function buildFunctions(outDir = OUT): Promise<Record<string, number>> {
  rmSync(outDir, { recursive: true, force: true })
  const sizes: Record<string, number> = {}
  for (const name of [...FUNCTION_NAMES, ...PLATFORM_FUNCTION_NAMES]) {
    const dir = join(outDir, name)
    mkdirSync(dir, { recursive: true })
    await build({
      entryPoints: [join(__dirname, '..', 'cloudfunctions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      keepNames: true,
      legalComments: 'none',
      define: { 'process.env.APP_RUNTIME': '"cloudbase"' },
      external: ['@cloudbase/node-sdk', 'better-sqlite3'],
      logLevel: 'warning'
    })
    writeFileSync(join(dir, 'package.json'), JSON.stringify({
      name,
      version: '1.0.0',
      private: true,
      main: 'index.js',
      dependencies: { '@cloudbase/node-sdk': rootPackage.dependencies['@cloudbase/node-sdk'] }
    }, null, 2) + '\n')
    sizes[name] = statSync(join(dir, 'index.js')).size
  }
  return sizes
}

if (require.main === module) {
  buildFunctions().then((sizes) => {
    console.log(JSON.stringify({ out: 'dist/functions', bundle_bytes: sizes }))
  }).catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
