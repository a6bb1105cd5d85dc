import { HOST, START, call, callRaw, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'
import { MEMBERS } from '../../cloudfunctions/domain/members/member'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

let runtime: TestRuntime
beforeEach(() => { runtime = useTestRuntime() })
afterEach(() => closeTestRuntime(runtime))

describe('member.me', () => {
  test('creates the member on the first call with a default nickname and the member role', async () => {
    const profile = ok(await call('member', 'me', {}, 'o_abcd1234'))
    expect(profile).toEqual({ openid: 'o_abcd1234', nickname: '成员1234', avatarUrl: '', role: 'member', joinedAt: START, askProfile: true })
    runtime.clock.advance(60_000)
    expect(ok(await call('member', 'me', {}, 'o_abcd1234')).joinedAt).toBe(START)
  })

  test('hosts are recognised from configuration, not from anything the caller sends', async () => {
    expect(ok(await call('member', 'me', {}, HOST)).role).toBe('host')
    const claimed = await callRaw('member', { action: 'me', role: 'host' }, 'o_member')
    expect(claimed.ok).toBe(false)
    expect(ok(await call('member', 'me', {}, 'o_member')).role).toBe('member')
  })

  test('20 concurrent first calls create one member and queue one welcome message', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => call('member', 'me', {}, 'o_rush')))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await runtime.store.collection(MEMBERS).count({ _id: 'o_rush' })).toBe(1)
    expect(await runtime.store.collection(OUTBOX).count({ 'payload.openid': 'o_rush' })).toBe(1)
  })
})

describe('member.updateProfile', () => {
  test('trims and saves the nickname', async () => {
    ok(await call('member', 'me', {}, 'o_m'))
    runtime.clock.advance(1000)
    const profile = ok(await call('member', 'updateProfile', { nickname: '  跑步的小美  ' }, 'o_m'))
    expect(profile.nickname).toBe('跑步的小美')
    expect(ok(await call('member', 'me', {}, 'o_m')).nickname).toBe('跑步的小美')
  })

  test.each([
    ['empty after trimming', '   ', '昵称需为 1–20 个字'],
    ['longer than 20 characters', '一二三四五六七八九十一二三四五六七八九十一', '昵称需为 1–20 个字'],
    ['invisible characters', 'a\u200bb', '昵称不能包含不可见字符']
  ])('refuses a nickname that is %s, keeping the old one', async (_label, nickname, message) => {
    ok(await call('member', 'updateProfile', { nickname: '原来的' }, 'o_m'))
    const result = await call('member', 'updateProfile', { nickname }, 'o_m')
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message, field: 'nickname' } })
    expect(ok(await call('member', 'me', {}, 'o_m')).nickname).toBe('原来的')
  })

  test('20 characters counted as characters, not bytes, are accepted', async () => {
    expect(ok(await call('member', 'updateProfile', { nickname: '一二三四五六七八九十一二三四五六七八九十' }, 'o_m')).nickname).toHaveLength(20)
  })

  test('an empty update is refused', async () => {
    expect(await call('member', 'updateProfile', {}, 'o_m')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  test('an avatar must be a file the caller uploaded', async () => {
    const mine = await runtime.files.save('o_m', PNG, 'image/png')
    const theirs = await runtime.files.save('o_other', PNG, 'image/png')
    const saved = ok(await call('member', 'updateProfile', { avatarFileId: mine.fileId }, 'o_m'))
    expect(saved.avatarUrl).toBe(mine.url)
    expect(saved.avatarUrl).toMatch(/^\/files\/[0-9a-f]+\.png$/)
    const stolen = await call('member', 'updateProfile', { avatarFileId: theirs.fileId }, 'o_m')
    expect(stolen).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '头像文件无效，请重新上传', field: 'avatarFileId' } })
    const forged = await call('member', 'updateProfile', { avatarFileId: 'local://../../etc/passwd' }, 'o_m')
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'avatarFileId' } })
    expect(ok(await call('member', 'me', {}, 'o_m')).avatarUrl).toBe(mine.url)
    expect(ok(await call('member', 'updateProfile', { avatarFileId: '' }, 'o_m')).avatarUrl).toBe('')
  })
})
