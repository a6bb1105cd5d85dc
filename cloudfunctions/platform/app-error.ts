import type { ApiError, ErrorCode } from '../../types/result'

/** A failure the caller should see as it is: a code and a human (Chinese) message. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly field?: string) {
    super(message)
    this.name = 'AppError'
  }

  toApiError(): ApiError {
    return this.field ? { code: this.code, message: this.message, field: this.field } : { code: this.code, message: this.message }
  }
}

export const errors = {
  unauthenticated: () => new AppError('UNAUTHENTICATED', '请先登录'),
  forbidden: () => new AppError('FORBIDDEN', '只有主理人可以进行此操作'),
  notFound: (what: string) => new AppError('NOT_FOUND', `${what}不存在`),
  conflict: (message: string) => new AppError('CONFLICT', message),
  invalidInput: (field: string, message: string) => new AppError('INVALID_INPUT', message, field),
  unknownAction: (fn: string, action: unknown) =>
    new AppError('UNKNOWN_ACTION', `未知操作：${fn}.${typeof action === 'string' ? action.slice(0, 64) : String(action)}`, 'action')
}
