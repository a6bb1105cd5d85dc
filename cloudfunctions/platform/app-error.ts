import type { ApiError, ErrorCode } from '../../types/result'
import { forbiddenMessage, type ActionRole } from '../../types/roles'

/** A failure the caller should see as it is: a code and a human (Chinese) message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string
  ) {
    super(message)
    this.name = 'AppError'
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message }
    if (this.field) error.field = this.field
    if (this.code === 'BUSY') error.retryable = true
    return error
  }
}

export const errors = {
  unauthenticated: () => new AppError('UNAUTHENTICATED', '请先登录'),
  forbidden: (needed: ActionRole = 'owner') => new AppError('FORBIDDEN', forbiddenMessage(needed)),
  notFound: (what: string) => new AppError('NOT_FOUND', `${what}不存在`),
  conflict: (message: string) => new AppError('CONFLICT', message),
  busy: () => new AppError('BUSY', '同一时间参与的人太多，这次没有保存，请稍后再试'),
  invalidInput: (field: string, message: string) => new AppError('INVALID_INPUT', message, field),
  unknownAction: (fn: string, action: unknown) => new AppError('UNKNOWN_ACTION', `未知操作：${fn}.${typeof action === 'string' ? action.slice(0, 64) : String(action)}`, 'action')
}
