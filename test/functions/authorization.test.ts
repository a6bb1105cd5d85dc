// For every action in the registry: no caller → UNAUTHENTICATED; every host-only
// action refused to a member with nothing written; and the role really gates it
// (the host gets past the check).
import { HOST, callRaw, closeTestRuntime, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { registeredActions } from './registry'

const actions = registeredActions()
const MEMBER = 'o_test_member'

let runtime: TestRuntime
beforeEach(async () => {
  runtime = useTestRuntime()
  await callRaw('member', { action: 'me' }, MEMBER)
})
afterEach(() => closeTestRuntime(runtime))

test('the registry is not empty and has host-only actions to check', () => {
  expect(actions.length).toBeGreaterThanOrEqual(3)
  expect(actions.some((a) => a.definition.role === 'host')).toBe(true)
})

describe.each(actions.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s', (_label, { fn, action, definition }) => {
  test('without a caller in the context: UNAUTHENTICATED, nothing written', async () => {
    const before = runtime.store.fingerprint()
    const result = await callRaw(fn, { action, ...(definition.example as object) })
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
    expect(runtime.store.fingerprint()).toBe(before)
  })

  if (definition.role === 'host') {
    test('a member is refused with FORBIDDEN and nothing is written', async () => {
      const before = runtime.store.fingerprint()
      const result = await callRaw(fn, { action, ...(definition.example as object) }, MEMBER)
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只有主理人可以进行此操作' } })
      expect(runtime.store.fingerprint()).toBe(before)
    })
    test('the host passes the role check', async () => {
      const result = await callRaw(fn, { action, ...(definition.example as object) }, HOST)
      expect(result.ok || result.error.code).not.toBe('FORBIDDEN')
    })
  } else {
    test('a member may call it', async () => {
      const result = await callRaw(fn, { action, ...(definition.example as object) }, MEMBER)
      expect(result.ok || result.error.code).not.toBe('FORBIDDEN')
    })
  }
})
