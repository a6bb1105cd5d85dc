// The architecture's boundaries as eslint.config.mjs holds them, each shown
// refusing a deliberate violation and letting a legal import through. ESLint's
// Node API lints small sources in memory under a path inside the folder a
// rule guards. It runs in a child process: ESLint loads eslint.config.mjs with
// import(), which jest's module sandbox refuses.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')

interface Probe {
  name: string
  filePath: string
  code: string
}

interface Finding {
  ruleId: string | null
  message: string
}

const LINT_IN_MEMORY = `
import { ESLint } from 'eslint'
const probes = JSON.parse(await new Promise((resolve) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => resolve(s)) }))
const eslint = new ESLint({ cwd: process.cwd() })
const out = {}
for (const p of probes) {
  const [result] = await eslint.lintText(p.code, { filePath: p.filePath })
  out[p.name] = result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }))
}
process.stdout.write(JSON.stringify(out))
`

const probes: Probe[] = []
function probe(name: string, filePath: string, ...lines: string[]): string {
  probes.push({ name, filePath, code: `${lines.join('\n')}\n` })
  return name
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports'

// The domain (and the ports it is handed) imports no adapter and no SDK.
const domainAdapter = probe('domain → adapter', 'cloudfunctions/domain/growth/probe.ts', "import { EmbeddedStore } from '../../adapters/store/embedded-store'", 'export { EmbeddedStore }')
const domainAdapterType = probe(
  'domain → adapter (type only)',
  'cloudfunctions/domain/checkin/probe.ts',
  "import type { CloudbaseStore } from '../../adapters/cloudbase/cloudbase-store'",
  'export type Probe = CloudbaseStore'
)
const portAdapter = probe('ports → adapter', 'cloudfunctions/ports/probe.ts', "import { LocalFiles } from '../adapters/local/local-files'", 'export { LocalFiles }')
const domainSdk = probe('domain → node-sdk', 'cloudfunctions/domain/members/probe.ts', "import tcb from '@cloudbase/node-sdk'", 'export default tcb')
const domainDriver = probe('domain → better-sqlite3', 'cloudfunctions/domain/leaderboard/probe.ts', "import Database from 'better-sqlite3'", 'export default Database')
const domainLegal = probe(
  'domain → ports, platform, domain, libraries',
  'cloudfunctions/domain/growth/probe.ts',
  "import type { Store } from '../../ports/store'",
  "import { COLLECTIONS } from '../../platform/collections'",
  "import { MEMBERS } from '../members/member'",
  "import { z } from 'zod'",
  'export type Probe = Store',
  'export const probe = [COLLECTIONS, MEMBERS, z]'
)

// The app imports nothing from the functions.
const appFunctions = probe('src → cloudfunctions', 'src/services/probe.ts', "import { FUNCTIONS } from '../../cloudfunctions/functions'", 'export { FUNCTIONS }')
const appFunctionsType = probe(
  'src → cloudfunctions (type only)',
  'src/packages/growth/probe.ts',
  "import type { Runtime } from '../../../cloudfunctions/platform/runtime'",
  'export type Probe = Runtime'
)
const appLegal = probe(
  'src → types, services',
  'src/services/probe.ts',
  "import type { ApiResult } from '../../types/result'",
  "import { callFunction } from './api'",
  'export type Probe = ApiResult<number>',
  'export { callFunction }'
)

// Only the CloudBase adapter loads @cloudbase/node-sdk.
const sdkInPlatform = probe('platform → node-sdk', 'cloudfunctions/platform/probe.ts', "import tcb from '@cloudbase/node-sdk'", 'export default tcb')
const sdkInLocalAdapter = probe('local adapter → node-sdk', 'cloudfunctions/adapters/local/probe.ts', "import tcb from '@cloudbase/node-sdk'", 'export default tcb')
const sdkDeepInFunction = probe('function entry → node-sdk/dist/wx', 'cloudfunctions/member/probe.ts', "import wx from '@cloudbase/node-sdk/dist/wx'", 'export default wx')
const sdkInApp = probe('src → node-sdk', 'src/services/probe.ts', "import tcb from '@cloudbase/node-sdk'", 'export default tcb')
const sdkInCloudbaseAdapter = probe('cloudbase adapter → node-sdk', 'cloudfunctions/adapters/cloudbase/probe.ts', "import tcb from '@cloudbase/node-sdk'", 'export default tcb')

// Import cycles, through files on disk: upload.ts imports call-function.ts.
const cycle = probe('call-function ↔ upload', 'src/services/call-function.ts', "import { uploadImage } from './upload'", 'export { uploadImage }')
const noCycle = probe('call-function → session', 'src/services/call-function.ts', "import { getToken } from './session'", 'export { getToken }')
const requireCycle = probe(
  'runtime-shape ↔ local runtime, by require()',
  'cloudfunctions/platform/runtime-shape.ts',
  '// eslint-disable-next-line @typescript-eslint/no-require-imports',
  "export const probe = require('../adapters/local/local-runtime')"
)

let findings: Record<string, Finding[]>
beforeAll(() => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_IN_MEMORY], { cwd: ROOT, input: JSON.stringify(probes), encoding: 'utf8', timeout: 120_000 })
  findings = JSON.parse(out) as Record<string, Finding[]>
}, 120_000)

const byRule = (name: string, ruleId: string) => findings[name].filter((f) => f.ruleId === ruleId)

test.each([domainAdapter, domainAdapterType, portAdapter])('the domain imports no adapter: %s is refused', (name) => {
  expect(byRule(name, RESTRICTED).map((f) => f.message)).toEqual([expect.stringContaining('领域代码不导入适配器')])
})

test.each([domainSdk, domainDriver])('the domain imports no SDK: %s is refused', (name) => {
  expect(byRule(name, RESTRICTED).map((f) => f.message)).toEqual([expect.stringContaining('领域代码不导入平台 SDK')])
})

test.each([appFunctions, appFunctionsType])('the app imports nothing from cloudfunctions/: %s is refused', (name) => {
  expect(byRule(name, RESTRICTED).map((f) => f.message)).toEqual([expect.stringContaining('src/ 不导入 cloudfunctions/')])
})

test.each([sdkInPlatform, sdkInLocalAdapter, sdkDeepInFunction, sdkInApp])('only the CloudBase adapter loads @cloudbase/node-sdk: %s is refused', (name) => {
  expect(byRule(name, RESTRICTED).map((f) => f.message)).toEqual([expect.stringContaining('只有 cloudfunctions/adapters/cloudbase/ 加载 @cloudbase/node-sdk')])
})

test.each([cycle, requireCycle])('an import cycle is refused: %s', (name) => {
  expect(byRule(name, 'import-x/no-cycle')).toHaveLength(1)
})

test.each([domainLegal, appLegal, sdkInCloudbaseAdapter, noCycle])('a legal import passes every rule: %s', (name) => {
  expect(findings[name]).toEqual([])
})
