import type { ApiError, ErrorCode } from '../../types/result'

/** Codes the server sends, plus NETWORK for calls that never got an answer. */
export type ClientErrorCode = ErrorCode | 'NETWORK'

/** What every failed call throws, so pages handle one error shape. */
export class ApiCallError extends Error {
  readonly code: ClientErrorCode
  readonly field?: string

  constructor(code: ClientErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
    this.field = field
  }

  static from(error: ApiError): ApiCallError {
    return new ApiCallError(error.code, error.message, error.field)
  }
}

export const NETWORK_MESSAGE = '网络开小差了，请稍后重试'

/** Any thrown value → an ApiCallError (a rejected wx API, a fetch TypeError, …). */
export function toApiCallError(err: unknown): ApiCallError {
  if (err instanceof ApiCallError) return err
  return new ApiCallError('NETWORK', NETWORK_MESSAGE)
}
