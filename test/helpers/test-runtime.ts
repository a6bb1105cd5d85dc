// A runtime on a fresh in-memory embedded database with a frozen clock, installed
// as the functions' runtime, and helpers to call functions as a given member.
import { randomUUID } from 'node:crypto'
import { createLocalRuntime, type LocalRuntime } from '../../cloudfunctions/adapters/local/local-runtime'
import { setRuntime } from '../../cloudfunctions/platform/runtime'
import { localContextFor } from '../../cloudfunctions/platform/caller'
import { FrozenClock } from '../../cloudfunctions/ports/clock'
import { FUNCTIONS } from '../../cloudfunctions/functions'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api'
import type { ApiResult } from '../../types/result'

export const HOST = 'o_test_host'
export const START = Date.parse('2026-11-23T02:00:00Z') // 10:00 in China

export interface TestRuntime extends LocalRuntime {
  clock: FrozenClock
}

export function useTestRuntime(): TestRuntime {
  const runtime = createLocalRuntime({ dataDir: ':memory:', clock: new FrozenClock(START), hostOpenids: [HOST] }) as TestRuntime
  setRuntime(runtime)
  return runtime
}

export async function closeTestRuntime(runtime: TestRuntime): Promise<void> {
  setRuntime(null)
  await runtime.store.close()
}

export interface PerTestOptions {
  /** Where the clock stands when each test starts (START, China 10:00 on 2026-11-23, unless given). */
  at?: number | string
  /** Runs after each test on its runtime before it is closed (`expectMoneyAddsUp`: the books checked whole). */
  check?: (runtime: TestRuntime) => Promise<void>
}

/**
 * A fresh runtime for every test of the file: made and installed before each test and handed to `use`
 * (`let runtime: TestRuntime; freshRuntimePerTest((r) => (runtime = r))`), checked and closed after it.
 */
export function freshRuntimePerTest(use: (runtime: TestRuntime) => void, options: PerTestOptions = {}): void {
  let runtime: TestRuntime
  beforeEach(() => {
    runtime = useTestRuntime()
    if (options.at !== undefined) runtime.clock.set(options.at)
    use(runtime)
  })
  afterEach(async () => {
    try {
      await options.check?.(runtime)
    } finally {
      await closeTestRuntime(runtime)
    }
  })
}

/** Calls a function's real entry point with openid in the context, as CloudBase would. */
export function callRaw(fn: FunctionName, event: unknown, openid?: string): Promise<ApiResult<unknown>> {
  const context = openid ? localContextFor(openid, fn, randomUUID()) : { request_id: randomUUID() }
  return FUNCTIONS[fn].main(event, context)
}

export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, openid: string): Promise<ApiResult<ActionOutput<F, A>>> {
  return (await callRaw(fn, { action, ...(input as object) }, openid)) as ApiResult<ActionOutput<F, A>>
}

/** Unwraps a successful result or fails the test with the error. */
export function ok<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.data
}
