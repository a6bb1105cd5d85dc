// The community's settings: its name, one document read by id. Members read it
// (the app caches it) to say the community's name on the invite poster and in
// the share text instead of "社群"; only a host changes it, 1–20 characters.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HOST, call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { CountingStore } from '../../cloudfunctions/adapters/store/counting-store'
import { setRuntime, type Runtime } from '../../cloudfunctions/platform/runtime'
import { COMMUNITY_INTRO_MAX, COMMUNITY_NAME_MAX, COMMUNITY_RULES_MAX, COMMUNITY_WELCOME_MAX, DEFAULT_COMMUNITY_NAME, type CommunitySettings } from '../../types/community'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'

let runtime: TestRuntime
let store: CountingStore
let fingerprint: () => string
beforeEach(async () => {
  runtime = useTestRuntime()
  const embedded = runtime.store
  fingerprint = () => embedded.fingerprint()
  store = new CountingStore(runtime.store)
  ;(runtime as unknown as Runtime).store = store
  setRuntime(runtime)
  ok(await call('member', 'me', {}, 'o_member'))
})
afterEach(() => closeTestRuntime(runtime))

const settings = (name: string, rest: Partial<CommunitySettings> = {}): CommunitySettings => ({ name, logoFileId: '', logoUrl: '', intro: '', rules: '', welcome: '', ...rest })
const read = (openid = 'o_member') => call('member', 'community', {}, openid)
const rename = (name: string, openid = HOST) => call('member', 'updateCommunity', { name }, openid)

test('a fresh community is called by the default name until the host names it; then every member reads the new name', async () => {
  expect(ok(await read())).toEqual(settings(DEFAULT_COMMUNITY_NAME))
  expect(DEFAULT_COMMUNITY_NAME).not.toBe('社群')
  expect(ok(await rename('  林教练燃脂俱乐部 '))).toEqual(settings('林教练燃脂俱乐部'))
  expect(ok(await read())).toEqual(settings('林教练燃脂俱乐部'))
  expect(ok(await read('o_other'))).toEqual(settings('林教练燃脂俱乐部'))
  expect(ok(await read(HOST))).toEqual(settings('林教练燃脂俱乐部'))
})

test("reading the settings is one request beyond the caller's own member document: the settings document by id", async () => {
  ok(await rename('跑团'))
  const { result, usage } = await store.measure(() => read())
  expect(ok(result)).toEqual(settings('跑团'))
  // The router reads the caller (1); the settings are one get by id.
  expect(usage.byOp).toEqual({ get: 2 })
})

test('the name is 1–20 characters after trimming, with no invisible characters; refusals name the field and change nothing', async () => {
  ok(await rename('跑团'))
  const before = fingerprint()
  const refused = async (name: string, message: string) => expect(await rename(name)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name', message } })
  await refused('', '请填写社群名称')
  await refused('   ', '请填写社群名称')
  await refused('一'.repeat(21), '社群名称最多 20 个字')
  await refused('林教练\u200b俱乐部', '社群名称不能包含不可见字符')
  await refused('林教练\u202e部乐俱', '社群名称不能包含不可见字符')
  await refused('坏\ud800名字', '社群名称不能包含不可见字符')
  expect(await call('member', 'updateCommunity', { name: 42 } as never, HOST)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } })
  expect(fingerprint()).toBe(before)
  // Exactly 20 characters, an emoji among them, is fine.
  ok(await rename('一'.repeat(19) + '🏃'))
  expect(ok(await read()).name).toBe('一'.repeat(19) + '🏃')
})

test('only a host may rename the community: a member is refused with nothing written', async () => {
  const before = fingerprint()
  expect(await rename('我的社群', 'o_member')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(fingerprint()).toBe(before)
  expect(ok(await read())).toEqual(settings(DEFAULT_COMMUNITY_NAME))
})

test('the app falls back to the same default name and limit as the server (types/ is type-only for the app build)', () => {
  const source = readFileSync(join(__dirname, '../../src/services/community.ts'), 'utf8')
  expect(source).toContain(`DEFAULT_COMMUNITY_NAME = '${DEFAULT_COMMUNITY_NAME}'`)
  expect(source).toContain(`COMMUNITY_NAME_MAX = ${COMMUNITY_NAME_MAX}`)
  expect(source).toContain(`COMMUNITY_INTRO_MAX = ${COMMUNITY_INTRO_MAX}`)
  expect(source).toContain(`COMMUNITY_RULES_MAX = ${COMMUNITY_RULES_MAX}`)
  expect(source).toContain(`COMMUNITY_WELCOME_MAX = ${COMMUNITY_WELCOME_MAX}`)
})

test("a new member's welcome message names the community", async () => {
  ok(await rename('林教练燃脂俱乐部'))
  ok(await call('member', 'me', {}, 'o_newcomer'))
  const queued = await runtime.store.collection<{ _id: string; payload: { data: Record<string, string> } }>(OUTBOX).get('welcome:o_newcomer')
  expect(queued?.payload.data.thing1).toBe('欢迎加入林教练燃脂俱乐部')
})

describe('logo, intro, rules and welcome', () => {
  const save = (input: Record<string, unknown>, openid = HOST) => call('member', 'updateCommunity', { name: '跑团', ...input } as never, openid)

  test('the owner sets them in one write; members read them; a rename alone keeps them; the logo comes with its URL', async () => {
    const { result, usage } = await store.measure(() => save({ logoFileId: 'cloud://env/logo.png', intro: '  每天跑 5 公里 ', rules: '一、友善交流\n二、不发广告', welcome: '欢迎你！\n先看看群规吧' }))
    expect(ok(result)).toMatchObject({ name: '跑团', logoFileId: 'cloud://env/logo.png', intro: '每天跑 5 公里', rules: '一、友善交流\n二、不发广告', welcome: '欢迎你！\n先看看群规吧' })
    expect(ok(result).logoUrl).not.toBe('')
    // The router reads the caller; the settings are read once and written once.
    expect(usage.byOp.set).toBe(1)
    expect(usage.byOp.update ?? 0).toBe(0)
    ok(await rename('林教练跑团'))
    expect(ok(await read())).toMatchObject({ name: '林教练跑团', intro: '每天跑 5 公里', rules: '一、友善交流\n二、不发广告', logoFileId: 'cloud://env/logo.png' })
    ok(await save({ intro: '', logoFileId: '' }))
    expect(ok(await read())).toMatchObject({ intro: '', logoFileId: '', logoUrl: '', rules: '一、友善交流\n二、不发广告' })
  })

  test('limits: intro one line ≤ 40, rules ≤ 1000, welcome ≤ 200, no invisible characters; refusals change nothing', async () => {
    ok(await save({}))
    const before = fingerprint()
    const refused = async (input: Record<string, unknown>, field: string, message: string) => expect(await save(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field, message } })
    await refused({ intro: '一'.repeat(41) }, 'intro', '简介最多 40 个字')
    await refused({ intro: '第一行\n第二行' }, 'intro', '简介只能是一行，不能包含不可见字符')
    await refused({ rules: '一'.repeat(1001) }, 'rules', '群规最多 1000 个字')
    await refused({ rules: '群规\u202e' }, 'rules', '群规不能包含不可见字符')
    await refused({ welcome: '一'.repeat(201) }, 'welcome', '欢迎语最多 200 个字')
    await refused({ logoFileId: 'https://evil.example/x.png' }, 'logoFileId', '文件标识格式不正确')
    expect(fingerprint()).toBe(before)
    ok(await save({ intro: '一'.repeat(40), rules: '一'.repeat(1000), welcome: '一'.repeat(200) }))
  })

  test('only the owner edits them: an admin is refused', async () => {
    const { token } = ok(await call('host', 'createStaffInvite', { role: 'admin' }, HOST))
    ok(await call('host', 'acceptStaffInvite', { token }, 'o_member'))
    expect(await save({ intro: '我来改' }, 'o_member')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test("a new member's welcome message carries the owner's welcome (first line, cut to WeChat's 20 characters)", async () => {
    ok(await save({ welcome: '\n欢迎来到跑团，每天早上六点在江边集合，记得先看群规\n第二段' }))
    ok(await call('member', 'me', {}, 'o_newcomer2'))
    const queued = await runtime.store.collection<{ _id: string; payload: { data: Record<string, string> } }>(OUTBOX).get('welcome:o_newcomer2')
    const line = queued!.payload.data.thing1
    expect([...line].length).toBeLessThanOrEqual(20)
    expect(line.startsWith('欢迎来到跑团，每天早上六点')).toBe(true)
  })
})
