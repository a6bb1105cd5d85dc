// `npm run build:functions`: bundles each cloud function into a self-contained
// folder under dist/functions/<name>/ (index.js + package.json) for CloudBase.
// APP_RUNTIME is fixed to 'cloudbase' so the local adapters and better-sqlite3
// are dropped from the bundle; @cloudbase/node-sdk stays external and is
// installed by CloudBase from the function's own package.json.
// config.json carries `permissions.openapi`: each 云调用 a function makes must be
// listed there, else WeChat refuses it with -604101 (docs.cloudbase.net FAQ
// "云调用报错 -604101"; the guide's openapi page). The list is derived from the
// modules esbuild actually put into the bundle.
import { build, type BuildOptions, type Plugin } from 'esbuild'
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import packageJson from '../package.json'
import { FUNCTION_NAMES, PLATFORM_FUNCTION_NAMES } from '../cloudfunctions/functions'
import { OPENAPI_MEDIA_CHECK_ASYNC, OPENAPI_MSG_SEC_CHECK, OPENAPI_SUBSCRIBE_SEND, OPENAPI_WXACODE_UNLIMITED } from '../cloudfunctions/adapters/cloudbase/wechat-openapi'

/** The modules that reach a 云调用 through a port, and which ones (ports/content-safety, mini-codes, notifier). */
export const OPENAPI_CALLERS: Record<string, string[]> = {
  'cloudfunctions/domain/checkin/post-checkin.ts': [OPENAPI_MSG_SEC_CHECK, OPENAPI_MEDIA_CHECK_ASYNC],
  'cloudfunctions/domain/checkin/comment.ts': [OPENAPI_MSG_SEC_CHECK],
  'cloudfunctions/domain/leaderboard/referral.ts': [OPENAPI_WXACODE_UNLIMITED],
  'cloudfunctions/domain/outbox/drain-outbox.ts': [OPENAPI_SUBSCRIBE_SEND]
}

/** config.json for one bundle: the 云调用 its modules make (an empty list when none). */
export function functionConfig(bundleInputs: string[]): { permissions: { openapi: string[] } } {
  const apis = new Set<string>()
  for (const input of bundleInputs) for (const api of OPENAPI_CALLERS[input.replace(/\\/g, '/')] ?? []) apis.add(api)
  return { permissions: { openapi: [...apis].sort() } }
}

const rootPackage: { dependencies: Record<string, string> } = packageJson
const OUT = join(__dirname, '..', 'dist', 'functions')

/**
 * A function whose modules make no 云调用 gets an empty config.json permissions.openapi, so
 * WeChat would refuse any 云调用 it tried (-604101). Its bundle carries no protobuf codec
 * for that route either (pbf, ~8 KB, imported only by
 * adapters/cloudbase/wechat-openapi.ts): a stand-in whose reader and writer refuse.
 */
export const NO_OPENAPI_MESSAGE = 'this function makes no 云调用 (config.json permits none), so its bundle has no 云调用 codec'
const noOpenApiCodec: Plugin = {
  name: 'no-openapi-codec',
  setup(b) {
    b.onResolve({ filter: /^pbf$/ }, () => ({ path: 'pbf', namespace: 'no-openapi-codec' }))
    b.onLoad({ filter: /.*/, namespace: 'no-openapi-codec' }, () => ({
      contents: `function refuse() { throw new Error(${JSON.stringify(NO_OPENAPI_MESSAGE)}) }
module.exports = { PbfReader: refuse, PbfWriter: refuse }`,
      loader: 'js'
    }))
  }
}

/** esbuild's options for one function's bundle; `openapi: false` leaves the 云调用 codec out. */
export function bundleOptions(name: string, outfile: string, { openapi = true }: { openapi?: boolean } = {}) {
  const root = join(__dirname, '..')
  return {
    metafile: true,
    absWorkingDir: root,
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    // No keepNames: its __name() call per function and class ran ~700 defineProperty calls at
    // every cold start (about 6 ms and 13 KB of the events bundle); nothing reads a function's
    // name, and an INTERNAL error's log line still names the function and the request.
    minify: true,
    legalComments: 'none',
    define: { 'process.env.APP_RUNTIME': '"cloudbase"' },
    external: ['@cloudbase/node-sdk', 'better-sqlite3'],
    plugins: openapi ? [] : [noOpenApiCodec],
    logLevel: 'warning'
  } satisfies BuildOptions
}

/** One function's bundle (in memory) and its config.json; the codec stays only where a 云调用 is permitted. */
export async function bundleFunction(name: string, outfile: string) {
  const withCodec = await build({ ...bundleOptions(name, outfile), write: false })
  const config = functionConfig(Object.keys(withCodec.metafile.inputs))
  const result = config.permissions.openapi.length > 0 ? withCodec : await build({ ...bundleOptions(name, outfile, { openapi: false }), write: false })
  return { result, config }
}

export async function buildFunctions(outDir = OUT): Promise<Record<string, number>> {
  rmSync(outDir, { recursive: true, force: true })
  const sizes: Record<string, number> = {}
  for (const name of [...FUNCTION_NAMES, ...PLATFORM_FUNCTION_NAMES]) {
    const dir = join(outDir, name)
    mkdirSync(dir, { recursive: true })
    const { result, config } = await bundleFunction(name, join(dir, 'index.js'))
    writeFileSync(join(dir, 'index.js'), result.outputFiles[0].contents)
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        {
          name,
          version: '1.0.0',
          private: true,
          main: 'index.js',
          dependencies: { '@cloudbase/node-sdk': rootPackage.dependencies['@cloudbase/node-sdk'] }
        },
        null,
        2
      ) + '\n'
    )
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n')
    sizes[name] = statSync(join(dir, 'index.js')).size
  }
  return sizes
}

if (require.main === module) {
  buildFunctions()
    .then((sizes) => {
      console.log(JSON.stringify({ out: 'dist/functions', bundle_bytes: sizes }))
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
