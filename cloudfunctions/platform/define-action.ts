// An action is registered with its input schema and the role it needs. The
// registry drives the router, the authorization tests and the malformed-input tests.
import type * as z from 'zod/mini'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api'
import type { ActionRole, Role } from '../../types/roles'
import type { Runtime } from './runtime'
import type { MemberDoc } from '../domain/members/member'

export interface Caller {
  openid: string
  role: Role
}

export interface ActionContext {
  caller: Caller
  /** The caller's member document, as the router read (or created) it for this call. */
  member: MemberDoc
  runtime: Runtime
  /** The clock's now when the call arrived: one instant per call. */
  now: number
  requestId: string
}

export interface ActionDefinition<F extends FunctionName, A extends ActionName<F>> {
  /** The lowest role that may call it ('member': any signed-in member; see types/roles.ts). */
  role: ActionRole
  input: z.ZodMiniType<ActionInput<F, A>>
  handle(input: ActionInput<F, A>, context: ActionContext): Promise<ActionOutput<F, A>>
  /**
   * A sample of valid input, used by the automatic authorization tests. Typed so
   * an input with its own `action` field (which the flat event would shadow) fails to compile.
   */
  example: ActionInput<F, A> & { action?: never }
  /**
   * When a transaction of this action loses a write conflict (another member
   * changed the same document at that moment), the router runs the action
   * again with jittered backoff: safe because every state change is keyed and
   * idempotent. `false` for an action that must not run twice; it answers BUSY
   * at the first conflict.
   */
  retryOnConflict?: false
}

/** Every action of function F, no more and no fewer than the contract names. */
export type ActionMap<F extends FunctionName> = { [A in ActionName<F>]: ActionDefinition<F, A> }

export function defineActions<F extends FunctionName>(_fn: F, actions: ActionMap<F>): ActionMap<F> {
  return actions
}
