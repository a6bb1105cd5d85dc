// Identity comes from the function context exactly where CloudBase puts it.
import { callerFromContext, isTimerInvocation, localContextFor } from '../../cloudfunctions/platform/caller'

// Shapes recorded from CloudBase's context (values replaced).
const currentArchitecture = {
  memory_limit_in_mb: 256,
  time_limit_in_ms: 3000,
  request_id: 'b1a2',
  function_name: 'member',
  namespace: 'env-abc',
  environment: JSON.stringify({ WX_OPENID: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1', WX_APPID: 'wx1234567890abcdef', TCB_ENV: 'env-abc', TRIGGER_SRC: 'wx' })
}
const olderArchitecture = {
  request_id: 'c3d4',
  function_name: 'member',
  environ: 'WX_OPENID=oAbCdEfGhIjKlMnOpQrStUvWxYz2;WX_APPID=wx1234567890abcdef;TCB_ENV=env-abc;TCB_CONTEXT_KEYS=TCB_ENV,TRIGGER_SRC'
}

test('reads the caller from context.environment (JSON)', () => {
  expect(callerFromContext(currentArchitecture)).toEqual({ openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1', appid: 'wx1234567890abcdef' })
})

test('reads the caller from context.environ (K=V;K=V)', () => {
  expect(callerFromContext(olderArchitecture)).toEqual({ openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz2', appid: 'wx1234567890abcdef' })
})

test('no caller when the context carries no openid, or is malformed', () => {
  expect(callerFromContext(undefined)).toBeNull()
  expect(callerFromContext({ request_id: 'x' })).toBeNull()
  expect(callerFromContext({ environment: '{not json' })).toBeNull()
  expect(callerFromContext({ environment: JSON.stringify({ WX_OPENID: '' }) })).toBeNull()
  expect(callerFromContext({ environment: JSON.stringify({ WX_OPENID: 42 }) })).toBeNull()
})

test('process env is a fallback only when the runtime passes it (CloudBase), never locally', () => {
  const env = { WX_OPENID: 'oFromEnv' } as unknown as NodeJS.ProcessEnv
  expect(callerFromContext({ request_id: 'x' }, env)?.openid).toBe('oFromEnv')
  expect(callerFromContext({ request_id: 'x' })).toBeNull()
})

test('the dev host context round-trips through the same parser', () => {
  expect(callerFromContext(localContextFor('dev_xiaomei', 'member', 'r'))?.openid).toBe('dev_xiaomei')
})

describe('the trigger source, as the SDK reads it (context first, then process.env)', () => {
  test('TRIGGER_SRC only in process.env still marks a timer run', () => {
    expect(isTimerInvocation({ request_id: 'r' }, { TRIGGER_SRC: 'timer' })).toBe(true)
  })
  test('the context wins over a stale process.env value', () => {
    expect(isTimerInvocation({ request_id: 'r', environment: JSON.stringify({ TRIGGER_SRC: 'wx_client' }) }, { TRIGGER_SRC: 'timer' })).toBe(false)
    expect(isTimerInvocation({ request_id: 'r', environment: JSON.stringify({ TCB_SOURCE: 'wx_client' }) }, { TRIGGER_SRC: 'timer' })).toBe(false)
  })
  test('without the fallback (local mode), process.env is never read', () => {
    expect(isTimerInvocation({ request_id: 'r' })).toBe(false)
  })
})
