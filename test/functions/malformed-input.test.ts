// For every action in the registry: malformed events (wrong types, missing or
// unknown fields, huge strings, unknown action, non-object events) answer a
// typed error and write nothing, not even the first-call member record.
import { HOST, callRaw, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { FUNCTION_NAMES } from '../../cloudfunctions/functions'
import { registeredActions } from './registry'

const actions = registeredActions()
const HUGE = 'x'.repeat(200_000)
const WRONG_TYPES: unknown[] = [42, true, null, [], {}, HUGE]

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

function expectTypedError(result: { ok: boolean; error?: { code: string; message: string } }, code: string) {
  expect(result.ok).toBe(false)
  expect(result.error?.code).toBe(code)
  expect(typeof result.error?.message).toBe('string')
  expect(result.error?.message).not.toMatch(/at .*\.(ts|js):\d+/) // no stack traces
}

/** Variants of a valid example with one field made wrong in each way. */
function malformedVariants(example: Record<string, unknown>): Array<[string, Record<string, unknown>]> {
  const variants: Array<[string, Record<string, unknown>]> = [
    ['an unknown field', { ...example, __proto_pollution: 1 }],
    ['an openid in the body', { ...example, openid: 'o_someone_else' }]
  ]
  for (const key of Object.keys(example)) {
    for (const wrong of WRONG_TYPES) {
      if (JSON.stringify(wrong) === JSON.stringify(example[key])) continue
      // An empty array or object is a valid value of its own kind; only other kinds are wrong.
      const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)
      if (kind(wrong) === kind(example[key]) && kind(wrong) !== 'string') continue
      variants.push([`${key} = ${JSON.stringify(wrong).slice(0, 20)}`, { ...example, [key]: wrong }])
    }
  }
  return variants
}

describe.each(FUNCTION_NAMES.map((fn) => [fn]))('function %s', (fn) => {
  test.each([
    ['null', null],
    ['a string', 'me'],
    ['a number', 7],
    ['an array', [{ action: 'me' }]]
  ])('an event that is %s answers INVALID_INPUT and writes nothing', async (_label, event) => {
    const before = runtime.store.fingerprint()
    expectTypedError(await callRaw(fn, event, HOST), 'INVALID_INPUT')
    expect(runtime.store.fingerprint()).toBe(before)
  })

  test.each([
    ['missing', {}],
    ['unknown', { action: 'dropDatabase' }],
    ['not a string', { action: 12 }],
    ['huge', { action: HUGE }],
    ['inherited', { action: 'toString' }]
  ])('an action that is %s answers UNKNOWN_ACTION and writes nothing', async (_label, event) => {
    const before = runtime.store.fingerprint()
    const result = await callRaw(fn, event, HOST)
    expectTypedError(result, 'UNKNOWN_ACTION')
    expect(JSON.stringify(result).length).toBeLessThan(500)
    expect(runtime.store.fingerprint()).toBe(before)
  })
})

describe.each(actions.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s', (_label, { fn, action, definition }) => {
  test.each(malformedVariants(definition.example as Record<string, unknown>))('with %s: INVALID_INPUT naming the field, nothing written', async (_variant, input) => {
    const before = runtime.store.fingerprint()
    const result = await callRaw(fn, { action, ...input }, HOST)
    expectTypedError(result, 'INVALID_INPUT')
    expect(result.ok ? '' : result.error.field).toBeTruthy()
    expect(runtime.store.fingerprint()).toBe(before)
  })
})
