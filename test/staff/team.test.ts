// The team: the owner (HOST_OPENIDS) hands out admin, moderator and guest roles
// with single-use invite links that expire after a week, revokes links and
// removes staff. Staff run the community: they are not scored on the member
// boards and not layered into growth segments.
import { HOST, call, callRaw, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { FUNCTIONS } from '../../cloudfunctions/functions'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'
import { STAFF_INVITES, type StaffInviteDoc } from '../../cloudfunctions/domain/staff/staff'
import { recordFact } from '../../cloudfunctions/domain/facts/facts'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import type { InvitableRole } from '../../types/roles'
import { STAFF_JOIN_PATH } from '../../types/staff-paths'
import { createChallenge, post } from '../checkin/checkin-fixtures'
import { drainBoards } from '../leaderboard/board-checks'

let runtime: TestRuntime
beforeEach(async () => {
  runtime = useTestRuntime()
  ok(await call('member', 'me', {}, HOST))
})
afterEach(() => closeTestRuntime(runtime))

const DAY = 24 * 3600_000
const invite = async (role: InvitableRole) => ok(await call('host', 'createStaffInvite', { role }, HOST))
const accept = (token: string, openid: string) => call('host', 'acceptStaffInvite', { token }, openid)
const roleOf = async (openid: string) => ok(await call('member', 'me', {}, openid)).role
const inviteDoc = (token: string) => runtime.store.collection<StaffInviteDoc>(STAFF_INVITES).get(token)
/** Makes `openid` a member with `role` through the real invite flow. */
async function giveRole(openid: string, role: InvitableRole): Promise<void> {
  ok(await call('member', 'me', {}, openid))
  ok(await accept((await invite(role)).token, openid))
}

test('the owner invites a moderator: the link opens the join page, the preview explains it, accepting shows the role in member.me and on the team', async () => {
  ok(await call('member', 'me', {}, 'o_mod'))
  const link = await invite('moderator')
  expect(link.path).toBe(`${STAFF_JOIN_PATH}?token=${link.token}`)
  expect(ok(await call('host', 'previewStaffInvite', { token: link.token }, 'o_mod'))).toMatchObject({ role: 'moderator', alreadyStaff: false, expiresAt: runtime.clock.now() + 7 * DAY })
  expect(ok(await call('host', 'team', {}, HOST)).invites.map((i) => i.token)).toEqual([link.token])
  expect(ok(await accept(link.token, 'o_mod'))).toMatchObject({ openid: 'o_mod', role: 'moderator' })
  expect(await roleOf('o_mod')).toBe('moderator')
  const team = ok(await call('host', 'team', {}, HOST))
  expect(team.staff.map((s) => [s.openid, s.role])).toEqual([
    [HOST, 'owner'],
    ['o_mod', 'moderator']
  ])
  expect(team.invites).toEqual([])
})

test('a moderator may hide a check-in but is refused creating a challenge and refunding an order', async () => {
  const challengeId = await createChallenge()
  const checkinId = ok(await post(challengeId, 'o_member')).checkin.id
  await giveRole('o_mod', 'moderator')
  ok(await call('challenges', 'hideCheckin', { checkinId, hidden: true }, 'o_mod'))
  const example = <F extends keyof typeof FUNCTIONS>(fn: F, action: string) => (FUNCTIONS[fn].actions as Record<string, { example: object }>)[action].example
  expect(await callRaw('challenges', { action: 'createChallenge', ...example('challenges', 'createChallenge') }, 'o_mod')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await callRaw('membership', { action: 'refundOrder', ...example('membership', 'refundOrder') }, 'o_mod')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('a link is single-use: a second member is told it was used', async () => {
  const { token } = await invite('admin')
  ok(await call('member', 'me', {}, 'o_a'))
  ok(await call('member', 'me', {}, 'o_b'))
  ok(await accept(token, 'o_a'))
  expect(await accept(token, 'o_b')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已被使用') } })
  expect(await call('host', 'previewStaffInvite', { token }, 'o_b')).toMatchObject({ ok: false, error: { message: expect.stringContaining('已被使用') } })
  expect(await roleOf('o_b')).toBe('member')
})

test('a link expires after 7 days', async () => {
  const { token } = await invite('moderator')
  ok(await call('member', 'me', {}, 'o_late'))
  runtime.clock.advance(7 * DAY)
  expect(await accept(token, 'o_late')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已过期') } })
  expect(ok(await call('host', 'team', {}, HOST)).invites).toEqual([])
  expect(await roleOf('o_late')).toBe('member')
})

test('a revoked link no longer works', async () => {
  const { token } = await invite('guest')
  ok(await call('host', 'revokeStaffInvite', { token }, HOST))
  ok(await call('member', 'me', {}, 'o_g'))
  expect(await accept(token, 'o_g')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('无效') } })
  expect(await roleOf('o_g')).toBe('member')
  expect(ok(await call('host', 'team', {}, HOST)).invites).toEqual([])
})

test('two members accepting one link at once: exactly one gets the role', async () => {
  const { token } = await invite('admin')
  const members = ['o_x', 'o_y', 'o_z']
  for (const m of members) ok(await call('member', 'me', {}, m))
  const results = await Promise.all(members.map((m) => accept(token, m)))
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  const roles = await Promise.all(members.map(roleOf))
  expect(roles.filter((r) => r === 'admin')).toHaveLength(1)
  expect((await inviteDoc(token))?.status).toBe('used')
})

test('removeStaff returns them to member and their next host call is refused', async () => {
  const challengeId = await createChallenge()
  const checkinId = ok(await post(challengeId, 'o_member')).checkin.id
  await giveRole('o_mod', 'moderator')
  ok(await call('host', 'removeStaff', { memberId: 'o_mod' }, HOST))
  expect(await roleOf('o_mod')).toBe('member')
  expect(await call('challenges', 'hideCheckin', { checkinId, hidden: true }, 'o_mod')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(ok(await call('host', 'team', {}, HOST)).staff.map((s) => s.openid)).toEqual([HOST])
})

test('the owner named by configuration cannot be removed', async () => {
  expect(await call('host', 'removeStaff', { memberId: HOST }, HOST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await roleOf(HOST)).toBe('owner')
})

test('a stored owner no longer in HOST_OPENIDS is a member', async () => {
  ok(await call('member', 'me', {}, 'o_former'))
  await runtime.store.collection<MemberDoc>(MEMBERS).update('o_former', { set: { role: 'owner' } })
  expect(await roleOf('o_former')).toBe('member')
  expect(await call('host', 'team', {}, 'o_former')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('someone already staff accepting is refused with CONFLICT and the link stays open for its addressee', async () => {
  await giveRole('o_admin', 'admin')
  const { token } = await invite('moderator')
  expect(ok(await call('host', 'previewStaffInvite', { token }, 'o_admin')).alreadyStaff).toBe(true)
  expect(await accept(token, 'o_admin')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(await accept(token, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(await roleOf('o_admin')).toBe('admin')
  expect((await inviteDoc(token))?.status).toBe('open')
  ok(await call('member', 'me', {}, 'o_new'))
  ok(await accept(token, 'o_new'))
  expect(await roleOf('o_new')).toBe('moderator')
})

describe('staff are not members on boards and segments', () => {
  test("a moderator's check-in does not appear on the weekly board; a member's does", async () => {
    const challengeId = await createChallenge({ pointsPerCheckin: 10 })
    await giveRole('o_mod', 'moderator')
    ok(await post(challengeId, 'o_mod'))
    ok(await post(challengeId, 'o_member'))
    await drainBoards(runtime)
    const week = ok(await call('leaderboard', 'board', { kind: 'pointsWeek' }, 'o_member'))
    expect(week.entries.map((e) => e.openid)).toEqual(['o_member'])
    const checkins = ok(await call('leaderboard', 'board', { kind: 'challengeCheckins', challengeId }, 'o_member'))
    expect(checkins.entries.map((e) => e.openid)).toEqual(['o_member'])
  })

  test('an admin is in no segment; a guest is a member and is', async () => {
    await giveRole('o_admin', 'admin')
    await giveRole('o_guest', 'guest')
    for (const m of ['o_admin', 'o_guest', 'o_member']) {
      ok(await call('member', 'me', {}, m))
      ok(await call('growth', 'summary', {}, m))
      await recordFact(runtime.store, { type: 'checkin.featured', key: `f-${m}`, openid: m, refId: `f-${m}`, at: runtime.clock.now() })
    }
    await applyFacts(runtime)
    const everyone = ok(await call('growth', 'segments', {}, HOST)).items.map((m) => m.openid)
    expect(everyone).not.toContain('o_admin')
    expect(everyone).not.toContain(HOST)
    expect(everyone).toEqual(expect.arrayContaining(['o_guest', 'o_member']))
    for (const segment of ['kol', 'core', 'ordinary', 'silent'] as const) {
      expect(ok(await call('growth', 'segments', { segment }, HOST)).items.map((m) => m.openid)).not.toContain('o_admin')
    }
  })
})
