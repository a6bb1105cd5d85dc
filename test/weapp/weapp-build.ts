// Shared by the weapp tests: where the build is, building it when stale, and
// WeChat's own template/style compilers from the miniprogram-compiler package.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { accessSync, chmodSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
/** WEAPP_DIR points the tests at another build (e.g. a deliberately broken copy). */
export const WEAPP_DIR = process.env.WEAPP_DIR ?? join(ROOT, 'dist', 'weapp')

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

/** Relative, forward-slash paths of the build's files with this extension. */
export function builtFiles(ext: string): string[] {
  return filesUnder(WEAPP_DIR)
    .filter((f) => f.endsWith(ext))
    .map((f) => relative(WEAPP_DIR, f).split(sep).join('/'))
    .sort()
}

function newestMtime(paths: string[]): number {
  return Math.max(
    ...paths
      .filter(existsSync)
      .flatMap((p) => (statSync(p).isDirectory() ? filesUnder(p) : [p]))
      .map((f) => statSync(f).mtimeMs)
  )
}

/** Production build into dist/weapp unless it is newer than every source it comes from. */
export function ensureWeappBuild(): void {
  if (process.env.WEAPP_DIR) return
  const appJson = join(WEAPP_DIR, 'app.json')
  const sources = ['src', 'config', 'types', 'project.config.json', 'babel.config.js'].map((p) => join(ROOT, p))
  if (existsSync(appJson) && statSync(appJson).mtimeMs > newestMtime(sources)) return
  execFileSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } })
}

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[] }
}

export function readAppJson(): AppJson {
  return JSON.parse(readFileSync(join(WEAPP_DIR, 'app.json'), 'utf8')) as AppJson
}

export function subPackagesOf(app: AppJson) {
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])]
}

/** Every page path the app declares, main package first. */
export function allPages(app: AppJson): string[] {
  return [...app.pages, ...subPackagesOf(app).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/+$/, '')}/${page}`))]
}

// The npm package ships the Linux binaries without the execute bit; its own wrapper chmods them too.
export function compiler(name: 'wcc' | 'wcsc'): string {
  const bin = join(ROOT, 'node_modules', 'miniprogram-compiler', 'bin', 'linux', name)
  try {
    accessSync(bin, constants.X_OK)
  } catch {
    chmodSync(bin, 0o755)
  }
  return bin
}

export interface CompileResult {
  status: number | null
  stderr: string
}

/** wcc, called the way miniprogram-compiler's wxmlToJs calls it (complete code for custom components). */
export function compileWxml(wxml: string[], wxs: string[]): CompileResult {
  const run = runWcc(wxml, wxs)
  return { status: run.status, stderr: String(run.stderr ?? '') }
}

/** The wcc run itself, in a build folder: its stdout is the `$gwx` render code (the weapp runtime harness evaluates it). */
export function runWcc(wxml: string[], wxs: string[], dir = WEAPP_DIR): SpawnSyncReturns<Buffer> {
  const components = wxml.filter((f) => {
    const json = join(dir, f.replace(/\.wxml$/, '.json'))
    return existsSync(json) && (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: object }).usingComponents
  })
  const componentArgs = [
    String(components.length),
    ...components.flatMap((f) => {
      const using = (JSON.parse(readFileSync(join(dir, f.replace(/\.wxml$/, '.json')), 'utf8')) as { usingComponents: object }).usingComponents
      return [f, String(Object.keys(using).length), ...Object.keys(using)]
    })
  ]
  return spawnSync(compiler('wcc'), ['-d', '-cc', componentArgs.join(' '), ...wxml, ...wxs, '-gn', '$gwx'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 })
}

/** wcsc, called like miniprogram-compiler's wxssToJs: styles with a .json beside them (pages, components) first. */
export function compileWxss(wxss: string[]): CompileResult {
  const hasJson = (f: string) => existsSync(join(WEAPP_DIR, f.replace(/\.wxss$/, '.json')))
  const ordered = [...wxss.filter(hasJson), ...wxss.filter((f) => !hasJson(f))]
  const run = spawnSync(compiler('wcsc'), ['-db', '-pc', String(wxss.filter(hasJson).length), ...ordered], { cwd: WEAPP_DIR, maxBuffer: 64 * 1024 * 1024 })
  return { status: run.status, stderr: run.stderr.toString() }
}
