// The budget scenario makers every test/budget/<x>-scenarios.ts uses (every play's, posts', questions', deposits', …).
import type { MeterReading } from '../../cloudfunctions/adapters/store/counting-store'
import type { World } from '../budget/world'
import type { Scenario } from '../budget/scenarios'

export type Run = (world: World) => Promise<MeterReading & { work?: number }>

/** A scenario of `fn.action[.case]`. */
export const scenario = (id: string, kind: Scenario['kind'], run: Run): Scenario => {
  const [fn, action] = id.split('.')
  return { id, fn: fn as Scenario['fn'], action, kind, run }
}
export const member = (id: string, run: Run) => scenario(id, 'member', run)
export const host = (id: string, run: Run) => scenario(id, 'host', run)
