// Every registered action, read from the same registry the router uses, so a new
// action is covered by the automatic suites without anyone remembering to.
import { FUNCTIONS, FUNCTION_NAMES } from '../../cloudfunctions/functions'
import type { ActionDefinition } from '../../cloudfunctions/platform/define-action'
import type { FunctionName } from '../../types/api'

export interface RegisteredAction {
  fn: FunctionName
  action: string
  definition: ActionDefinition<FunctionName, never>
}

export function registeredActions(): RegisteredAction[] {
  return FUNCTION_NAMES.flatMap((fn) => Object.entries(FUNCTIONS[fn].actions as Record<string, ActionDefinition<FunctionName, never>>).map(([action, definition]) => ({ fn, action, definition })))
}
