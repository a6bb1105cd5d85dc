import { HOST, START, call, callRaw, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { OUTBOX } from '../../cloudfunctions/domain/outbox/outbox'
import { MEMBERS } from '../../cloudfunctions/domain/members/member'
import { isWellFormedText, nicknameError, nicknameLength } from '../../types/nickname'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

describe('member.me', () => {
  test('creates the member on the first call with a default nickname and the member role', async () => {
    const profile = ok(await call('member', 'me', {}, 'o_abcd1234'))
    expect(profile).toEqual({ openid: 'o_abcd1234', nickname: '成员1234', avatarUrl: '', role: 'member', joinedAt: START, askProfile: true })
    runtime.clock.advance(60_000)
    expect(ok(await call('member', 'me', {}, 'o_abcd1234')).joinedAt).toBe(START)
  })

  test('hosts are recognised from configuration, not from anything the caller sends', async () => {
    expect(ok(await call('member', 'me', {}, HOST)).role).toBe('owner')
    const claimed = await callRaw('member', { action: 'me', role: 'owner' }, 'o_member')
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

  test.each([
    ['a ZWJ sequence (woman running)', '跑步的小美🏃\u200d♀\ufe0f'],
    ['a ZWJ sequence (woman technologist)', '码农👩\u200d💻'],
    ['a ZWJ sequence with a skin tone (astronaut)', '🧑🏽\u200d🚀上天'],
    ['a flag', '中国🇨🇳加油'],
    ['two flags side by side', '🇨🇳🇯🇵'],
    ['a skin-tone modifier', '点赞👍🏽'],
    ['a variation selector', '晴天☀\ufe0f'],
    ['a keycap', '1\ufe0f\u20e3号'],
    ['a subdivision flag (tag sequence)', '🏴\udb40\udc67\udb40\udc62\udb40\udc65\udb40\udc6e\udb40\udc67\udb40\udc7f球迷'],
    ['a family of four', '👨\u200d👩\u200d👧\u200d👦一家人'],
    ['an eye in a speech bubble', '👁\ufe0f\u200d🗨\ufe0f'],
    ['only emoji', '🏃\u200d♀\ufe0f']
  ])('accepts a nickname with %s, stored exactly', async (_label, nickname) => {
    const saved = ok(await call('member', 'updateProfile', { nickname }, 'o_m'))
    expect(saved.nickname).toBe(nickname)
    expect(ok(await call('member', 'me', {}, 'o_m')).nickname).toBe(nickname)
  })

  test('20 emoji sequences are 20 characters: accepted; 21 are refused', async () => {
    const runner = '🏃\u200d♀\ufe0f'
    expect(ok(await call('member', 'updateProfile', { nickname: runner.repeat(20) }, 'o_m')).nickname).toBe(runner.repeat(20))
    expect(await call('member', 'updateProfile', { nickname: '🇨🇳'.repeat(21) }, 'o_m')).toMatchObject({ ok: false, error: { message: '昵称需为 1–20 个字' } })
  })

  test.each([
    ['a lone high surrogate', '小美\ud83c', '昵称包含无法显示的字符'],
    ['a lone low surrogate', '\udfc3小美', '昵称包含无法显示的字符'],
    ['surrogates in the wrong order', '小\udc00\ud800美', '昵称包含无法显示的字符'],
    ['a ZWJ between letters', '小\u200d美', '昵称不能包含不可见字符'],
    ['a ZWJ after an emoji but before a letter', '🏃\u200d美', '昵称不能包含不可见字符'],
    ['a ZWJ at the start', '\u200d🏃', '昵称不能包含不可见字符'],
    ['a zero-width space', '小美\u200b', '昵称不能包含不可见字符'],
    ['a right-to-left override', '\u202e美小', '昵称不能包含不可见字符'],
    ['a byte-order mark inside', '小\ufeff美', '昵称不能包含不可见字符'],
    ['a word joiner', '小\u2060美', '昵称不能包含不可见字符'],
    ['a soft hyphen', '小\u00ad美', '昵称不能包含不可见字符'],
    ['a control character', '小\u0007美', '昵称不能包含不可见字符'],
    ['a line break', '小\n美', '昵称不能包含不可见字符'],
    ['a line separator', '小\u2028美', '昵称不能包含不可见字符'],
    ['a stray tag character', '小美\udb40\udc41', '昵称不能包含不可见字符'],
    ['a variation selector on its own', '\ufe0f', '昵称不能只有空白或不可见字符'],
    ['only Hangul fillers', '\u3164\u3164', '昵称不能只有空白或不可见字符'],
    ['only a braille blank', '\u2800', '昵称不能只有空白或不可见字符'],
    ['only a combining grapheme joiner and spaces', '\u034f \u3000', '昵称不能只有空白或不可见字符']
  ])('refuses a nickname with %s, keeping the old one', async (_label, nickname, message) => {
    ok(await call('member', 'updateProfile', { nickname: '原来的' }, 'o_m'))
    expect(await call('member', 'updateProfile', { nickname }, 'o_m')).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message, field: 'nickname' } })
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

describe('the nickname rule (types/nickname.ts, shared by the function and the profile form)', () => {
  // Unicode's own data, as shipped with Babel's regexpu (a dependency of the app build).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rgi = require('regenerate-unicode-properties/Property_of_Strings/RGI_Emoji.js') as { characters: { toArray(): number[] }; strings: string[] }
  const everyEmoji = [...rgi.characters.toArray().map((cp) => String.fromCodePoint(cp)), ...rgi.strings]

  test('every recommended emoji (all 3,900+ RGI sequences) is accepted and counts as one character', () => {
    expect(everyEmoji.length).toBeGreaterThan(3500)
    const refused = everyEmoji.filter((emoji) => nicknameError(`小${emoji}美`) !== null || nicknameError(emoji) !== null)
    expect(refused).toEqual([])
    const miscounted = everyEmoji.filter((emoji) => nicknameLength(emoji) !== 1)
    expect(miscounted).toEqual([])
  })

  test('every format character (General_Category Cf) inside a name is refused unless it joins an emoji', () => {
    const format: number[] = []
    for (let cp = 0; cp <= 0x10ffff; cp++) if (/\p{Cf}/u.test(String.fromCodePoint(cp))) format.push(cp)
    expect(format.length).toBeGreaterThan(150)
    const accepted = format.filter((cp) => nicknameError(`小${String.fromCodePoint(cp)}美`) === null)
    expect(accepted).toEqual([])
  })

  test('lone surrogates are refused wherever they stand; isWellFormedText agrees with Node 20', () => {
    for (const text of ['\ud800', 'a\udc00', '\udbff\udbff\udfff', '美\ud83c']) {
      expect(nicknameError(text)).toBe('昵称包含无法显示的字符')
      expect(isWellFormedText(text)).toBe((text as unknown as { isWellFormed(): boolean }).isWellFormed())
    }
    expect(isWellFormedText('🏃‍♀️🇨🇳')).toBe(true)
  })

  test('counts as a reader does: plain text by code point, each emoji sequence or flag as one', () => {
    expect(nicknameLength('  跑步的小美  ')).toBe(5)
    expect(nicknameLength('🇨🇳🇯🇵')).toBe(2)
    expect(nicknameLength('a🏃‍♀️b👍🏽')).toBe(4)
    expect(nicknameLength('café')).toBe(4)
  })
})
