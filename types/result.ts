// The envelope every cloud function answers with, on CloudBase and on the dev host alike.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_ACTION'
  | 'UNKNOWN_FUNCTION'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA'
  | 'RATE_LIMITED'
  | 'CONTENT_REJECTED'
  | 'CHECKIN_CLOSED'
  | 'LIMIT_REACHED'
  | 'OUT_OF_STOCK'
  | 'INTERNAL'

export interface ApiError {
  code: ErrorCode
  /** Human message, in Chinese wherever a member may see it. */
  message: string
  /** For INVALID_INPUT: the offending field's path, e.g. "nickname". */
  field?: string
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }
