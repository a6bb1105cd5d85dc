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
  /** A check-in sent from outside the challenge's place (geofence). */
  | 'OUT_OF_AREA'
  /** Too many members changed the same thing at once; nothing was changed. Safe to retry. */
  | 'BUSY'
  | 'INTERNAL'

export interface ApiError {
  code: ErrorCode
  /** Human message, in Chinese wherever a member may see it. */
  message: string
  /** For INVALID_INPUT: the offending field's path, e.g. "nickname". */
  field?: string
  /** True when nothing was changed and the same request may simply be sent again (BUSY). */
  retryable?: boolean
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }
