// Issue 13 item 15: a new member ("成员xxxx", letter avatar) is asked once for a
// nickname and avatar, before their first check-in or comment. Whether to ask
// comes with their profile (member.me), and skipping is remembered on the
// member document, so a second device does not ask again.
import { START, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

describe('the profile prompt', () => {
  test('a brand-new member with the default nickname and no avatar is to be asked', async () => {
    expect(ok(await call('member', 'me', {}, 'o_new_ie01'))).toMatchObject({ nickname: '成员ie01', avatarUrl: '', askProfile: true })
  })

  test('skipping is remembered on the member document: asked once, on every device', async () => {
    ok(await call('member', 'me', {}, 'o_new_ie01'))
    runtime.clock.advance(5_000)
    const skipped = ok(await call('member', 'markProfilePrompted', {}, 'o_new_ie01'))
    expect(skipped).toMatchObject({ nickname: '成员ie01', askProfile: false })
    expect(ok(await call('member', 'me', {}, 'o_new_ie01')).askProfile).toBe(false)
    const doc = await runtime.store.collection<MemberDoc>(MEMBERS).get('o_new_ie01')
    expect(doc?.profilePromptedAt).toBe(START + 5_000)

    // Idempotent: a second skip (another device, a retry) keeps the first time.
    runtime.clock.advance(60_000)
    ok(await call('member', 'markProfilePrompted', {}, 'o_new_ie01'))
    expect((await runtime.store.collection<MemberDoc>(MEMBERS).get('o_new_ie01'))?.profilePromptedAt).toBe(START + 5_000)
  })

  test('saving a nickname through the profile update is enough: the member is not asked again', async () => {
    ok(await call('member', 'me', {}, 'o_new_ie01'))
    expect(ok(await call('member', 'updateProfile', { nickname: '晨跑的阿青' }, 'o_new_ie01')).askProfile).toBe(false)
    expect(ok(await call('member', 'me', {}, 'o_new_ie01')).askProfile).toBe(false)
  })

  test('a member who set a nickname before this prompt existed is never asked', async () => {
    ok(await call('member', 'me', {}, 'o_old'))
    await runtime.store.collection<MemberDoc>(MEMBERS).update('o_old', { set: { nickname: '老会员' } })
    expect(ok(await call('member', 'me', {}, 'o_old')).askProfile).toBe(false)
  })

  test('markProfilePrompted takes no input', async () => {
    expect(await call('member', 'markProfilePrompted', { extra: 1 } as never, 'o_new_ie01')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
