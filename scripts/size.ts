// Weapp package sizes from a production build: WeChat refuses a main package
// over 2 MB, and we aim far below (400 KB, the design card's budget) so the first open stays quick.
// Usage: npm run size [-- --build]   (builds first when dist/weapp is missing or --build is given)
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

const LIMIT_KB = 2048
const GOAL_KB = 400
const root = join(__dirname, '..')
const outDir = join(root, 'dist', 'weapp')

// Not part of the uploaded code package: DevTools' own settings and source maps.
const notShipped = (file: string) => file.endsWith('.map') || /^project(\.private)?\.config\.json$/.test(file)

function build(): void {
  // `taro build` without --watch is a production build (minified); say so explicitly anyway.
  execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' }
  })
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

interface AppJson {
  subPackages?: { root: string }[]
  subpackages?: { root: string }[]
}

export function measure(dir: string) {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/\/+$/, ''))
  const bytes: Record<string, number> = {}
  let main = 0
  for (const file of filesUnder(dir)) {
    const rel = relative(dir, file).split(sep).join('/')
    if (notShipped(rel.split('/').pop() ?? '')) continue
    const size = statSync(file).size
    const sub = roots.find((r) => rel === r || rel.startsWith(r + '/'))
    if (sub) bytes[sub] = (bytes[sub] ?? 0) + size
    else main += size
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10
  const subpackages = Object.fromEntries(roots.map((r) => [r, kb(bytes[r] ?? 0)]))
  const total = main + Object.values(bytes).reduce((a, b) => a + b, 0)
  return { main_package_kb: kb(main), subpackages_kb: subpackages, total_kb: kb(total), limit_kb: LIMIT_KB, goal_kb: GOAL_KB }
}

if (require.main === module) {
  if (process.argv.includes('--build') || !existsSync(join(outDir, 'app.json'))) build()
  const report = measure(outDir)
  console.log(JSON.stringify(report))
  if (report.main_package_kb > LIMIT_KB) {
    console.error(`main package ${report.main_package_kb} KB is over WeChat's ${LIMIT_KB} KB limit`)
    process.exit(1)
  }
}
