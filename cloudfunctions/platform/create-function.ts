// The router every cloud function's entry point is: parse the event, find the
// action, resolve the caller from the context, validate input, check the role,
// run the domain, and answer the envelope. No stack trace ever leaves here.
import { randomUUID } from 'node:crypto'
import type { ApiResult } from '../../types/result'
import type { FunctionName } from '../../types/api'
import { AppError, errors } from './app-error'
import type { ActionMap, ActionDefinition } from './define-action'
import { callerFromContext, type FunctionContext } from './caller'
import { describeInputError } from './describe-input-error'
import { getRuntime } from './runtime'
import { ensureMember } from '../domain/members/ensure-member'
import { InvalidCursorError, isTransactionConflict } from '../ports/store'
import { withConflictRetries } from './conflict-retries'
import { hasRole } from '../../types/roles'

export type FunctionMain = (event: unknown, context?: FunctionContext) => Promise<ApiResult<unknown>>

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function failure(error: AppError): ApiResult<never> {
  return { ok: false, error: error.toApiError() }
}

export function createFunction<F extends FunctionName>(name: F, actions: ActionMap<F>): FunctionMain {
  const registry = actions as unknown as Record<string, ActionDefinition<F, never>>
  return async function main(event, context) {
    const requestId = typeof context?.request_id === 'string' ? context.request_id : randomUUID()
    try {
      if (!isPlainObject(event)) throw new AppError('INVALID_INPUT', '请求格式不正确，应为 JSON 对象', '(root)')
      const { action, ...rawInput } = event
      if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(registry, action)) {
        throw errors.unknownAction(name, action)
      }
      const definition = registry[action]
      const runtime = getRuntime()
      const identity = callerFromContext(context, runtime.config.mode === 'cloudbase' ? process.env : undefined)
      if (!identity) throw errors.unauthenticated()
      const parsed = definition.input.safeParse(rawInput)
      if (!parsed.success) throw describeInputError(parsed.error)
      const now = runtime.clock.now()
      // A member's first calls may race to create them: that is a conflict like any other.
      // The member document carries the role (the owner from configuration, other staff by invite).
      const member = await withConflictRetries(() => ensureMember(runtime, identity.openid, runtime.config.hostOpenids.has(identity.openid), now))
      const role = member.role
      if (!hasRole(role, definition.role)) throw errors.forbidden(definition.role)
      const run = () => definition.handle(parsed.data as never, { caller: { openid: identity.openid, role }, member, runtime, now, requestId })
      const data = definition.retryOnConflict === false ? await run() : await withConflictRetries(run)
      return { ok: true, data }
    } catch (error) {
      if (error instanceof AppError) return failure(error)
      if (error instanceof InvalidCursorError) return failure(new AppError('INVALID_INPUT', '分页参数无效，请刷新后重试', 'after'))
      if (isTransactionConflict(error)) return failure(errors.busy())
      console.error(`[${name}] request ${requestId} failed`, error)
      return failure(new AppError('INTERNAL', `服务繁忙，请稍后再试（${requestId.slice(0, 8)}）`))
    }
  }
}
