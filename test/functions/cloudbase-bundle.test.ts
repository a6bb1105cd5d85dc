// The artifact CloudBase runs: the bundled `member` function, loaded as CloudBase
// loads it, with the caller in a CloudBase-shaped context. Only the SDK's
// network transport is replaced; the database client serialises real requests.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Db } from '@cloudbase/database'
import { NO_OPENAPI_MESSAGE, buildFunctions } from '../../scripts/build-functions'
import { FUNCTION_NAMES, PLATFORM_FUNCTION_NAMES } from '../../cloudfunctions/functions'

const sent: Array<[string, Record<string, unknown>]> = []
const member = { _id: 'oCloudCaller000000000000001', nickname: '云端用户', avatarFileId: '', role: 'member', joinedAt: 1790000000000, updatedAt: 1790000000000 }

jest.mock(
  '@cloudbase/node-sdk',
  () => {
    const { Db: RealDb } = jest.requireActual('@cloudbase/database')
    RealDb.reqClass = class {
      async send(action: string, params: Record<string, unknown>) {
        sent.push([action, params])
        if (action === 'database.getDocument') return { data: { list: [JSON.stringify(member)] } }
        return { data: { updated: 1 } }
      }
    }
    return { __esModule: true, default: { SYMBOL_CURRENT_ENV: Symbol('current'), init: () => ({ database: () => new RealDb({}), callCompatibleWxOpenApi: async () => Buffer.alloc(0) }) } }
  },
  { virtual: false }
)

let outDir: string
beforeAll(async () => {
  // Inside the repository, so the bundle resolves @cloudbase/node-sdk as it would on CloudBase.
  mkdirSync(join(__dirname, '..', '..', 'dist'), { recursive: true })
  outDir = mkdtempSync(join(__dirname, '..', '..', 'dist', 'functions-test-'))
  await buildFunctions(outDir)
})
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

test('each bundle is self-contained: the CloudBase SDK external, no embedded database inside', () => {
  const code = readFileSync(join(outDir, 'member', 'index.js'), 'utf8')
  expect(code).toContain('@cloudbase/node-sdk')
  expect(code).not.toContain('better-sqlite3')
  expect(code).not.toContain('EmbeddedStore')
  // The collections' index declarations are for the setup script and the embedded store (platform/collection-indexes.ts).
  expect(code).toMatch(/name:\s*["']members["']/)
  expect(code).not.toContain('memberUnprocessed')
  const pkg = JSON.parse(readFileSync(join(outDir, 'member', 'package.json'), 'utf8'))
  expect(Object.keys(pkg.dependencies)).toEqual(['@cloudbase/node-sdk'])
})

test('the bundled member function answers me for the caller CloudBase names in the context', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(join(outDir, 'member', 'index.js'))
  void Db
  const context = { request_id: 'req-1', function_name: 'member', environment: JSON.stringify({ WX_OPENID: member._id, WX_APPID: 'wx0000000000000000', TCB_ENV: 'env-test' }) }
  const result = await main({ action: 'me' }, context)
  expect(result).toEqual({ ok: true, data: { openid: member._id, nickname: '云端用户', avatarUrl: '', role: 'member', joinedAt: member.joinedAt, askProfile: false } })
  expect(sent[0]).toEqual(['database.getDocument', expect.objectContaining({ collectionName: 'members', query: JSON.stringify({ _id: member._id }) })])
  const anonymous = await main({ action: 'me' }, { request_id: 'req-2' })
  expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
})

test('each bundle ships config.json with the 云调用 its modules make (else WeChat answers -604101)', () => {
  const openapi = (name: string) => JSON.parse(readFileSync(join(outDir, name, 'config.json'), 'utf8')).permissions.openapi
  expect(openapi('checkin')).toEqual(expect.arrayContaining(['security.mediaCheckAsync', 'security.msgSecCheck']))
  expect(openapi('leaderboard')).toContain('wxacode.getUnlimited')
  expect(openapi('cron')).toContain('subscribeMessage.send')
  expect(openapi('payNotify')).toEqual([])
  // Only the documented route ships: no bundle calls the deprecated callWxOpenApi.
  for (const name of ['checkin', 'leaderboard', 'cron']) expect(readFileSync(join(outDir, name, 'index.js'), 'utf8')).not.toContain('callWxOpenApi(')
})

test('a function config.json permits no 云调用 carries no 云调用 codec, only a stand-in that refuses; one that does carries the codec', () => {
  // esbuild writes non-ASCII characters as escapes: look for the ASCII run between the two 云调用.
  const refusal = NO_OPENAPI_MESSAGE.split('云调用')[1]
  for (const name of ['events', 'membership', 'rewards', 'payNotify']) {
    const config = JSON.parse(readFileSync(join(outDir, name, 'config.json'), 'utf8'))
    expect([name, config.permissions.openapi]).toEqual([name, []])
    expect([name, readFileSync(join(outDir, name, 'index.js'), 'utf8').includes(refusal)]).toEqual([name, true])
  }
  const checkin = readFileSync(join(outDir, 'checkin', 'index.js'), 'utf8')
  expect(checkin.includes(refusal)).toBe(false)
  expect(JSON.parse(readFileSync(join(outDir, 'checkin', 'config.json'), 'utf8')).permissions.openapi.length).toBeGreaterThan(0)
})

test('every function bundle stays within 150 KB: a capability that outgrows it gets its own function (npm run bench reports each size)', () => {
  const sizes = [...FUNCTION_NAMES, ...PLATFORM_FUNCTION_NAMES].map((name) => [name, statSync(join(outDir, name, 'index.js')).size] as const)
  expect(sizes.filter(([, bytes]) => bytes > 150 * 1024)).toEqual([])
})
