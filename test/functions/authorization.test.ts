// For every action in the registry and every role: no caller → UNAUTHENTICATED;
// every role below the one the action declares is refused with FORBIDDEN and
// nothing written; every role at or above it gets past the check. The roles are
// the member document's (the owner from HOST_OPENIDS, the rest as an accepted
// staff invite leaves them).
import { HOST, callRaw, closeTestRuntime, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { registeredActions } from './registry'
import { forbiddenMessage, hasRole, type Role } from '../../types/roles'
import { MEMBERS, type MemberDoc } from '../../cloudfunctions/domain/members/member'

const actions = registeredActions()
const CALLERS: Record<Role, string> = { member: 'o_test_member', guest: 'o_test_guest', moderator: 'o_test_moderator', admin: 'o_test_admin', owner: HOST }
const ROLES = Object.keys(CALLERS) as Role[]
const ROLE_GATE_MESSAGES = (['moderator', 'admin', 'owner'] as const).map(forbiddenMessage)

let runtime: TestRuntime
beforeEach(async () => {
  runtime = useTestRuntime()
  for (const role of ROLES) {
    await callRaw('member', { action: 'me' }, CALLERS[role])
    if (role !== 'owner' && role !== 'member') await runtime.store.collection<MemberDoc>(MEMBERS).update(CALLERS[role], { set: { role } })
  }
})
afterEach(() => closeTestRuntime(runtime))

test('the registry has actions for every staff level to check', () => {
  for (const needed of ['member', 'moderator', 'admin', 'owner']) expect(actions.some((a) => a.definition.role === needed)).toBe(true)
})

test('the roles are what the test thinks they are', async () => {
  for (const role of ROLES) {
    const me = (await callRaw('member', { action: 'me' }, CALLERS[role])) as { ok: true; data: { role: Role } }
    expect(me.data.role).toBe(role)
  }
})

describe.each(actions.map((a) => [`${a.fn}.${a.action} (${a.definition.role})`, a] as const))('%s', (_label, { fn, action, definition }) => {
  test('without a caller in the context: UNAUTHENTICATED, nothing written', async () => {
    const before = runtime.store.fingerprint()
    const result = await callRaw(fn, { action, ...(definition.example as object) })
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
    expect(runtime.store.fingerprint()).toBe(before)
  })

  const refused = ROLES.filter((role) => !hasRole(role, definition.role))
  const allowed = ROLES.filter((role) => hasRole(role, definition.role))
  if (refused.length > 0) {
    test.each(refused)('the %s role is refused with FORBIDDEN and nothing is written', async (role) => {
      const before = runtime.store.fingerprint()
      const result = await callRaw(fn, { action, ...(definition.example as object) }, CALLERS[role])
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: forbiddenMessage(definition.role as Exclude<typeof definition.role, 'member'>) } })
      expect(runtime.store.fingerprint()).toBe(before)
    })
  }
  test.each(allowed)('the %s role gets past the role check', async (role) => {
    const result = await callRaw(fn, { action, ...(definition.example as object) }, CALLERS[role])
    // A domain refusal (not in the circle, say) may answer FORBIDDEN; the role gate's words never.
    if (!result.ok) expect(ROLE_GATE_MESSAGES).not.toContain(result.error.message)
  })
})
