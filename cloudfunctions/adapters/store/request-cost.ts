// What each Store call costs in network round trips on CloudBase, read off
// cloudbase-store.ts and @cloudbase/database (every SDK call is one HTTPS request
// from the function to the database gateway, 10–40 ms each). The counting store
// charges these; the CloudBase wire tests prove the adapter sends exactly these.

/** Outside a transaction: one request per call. */
export const OUTSIDE_COST = {
  get: 1,
  insert: 1,
  set: 1,
  remove: 1,
  /** One conditional modifyDocument. */
  updateIf: 1,
  /** One modifyDocument; when the server reports nothing modified, one more read confirms the document exists. */
  update: 1,
  updateConfirm: 1,
  find: 1,
  count: 1
} as const

/** Inside a transaction there is no conditional update on the server: an update is a read plus a write. */
export const INSIDE_COST = {
  get: 1,
  insert: 1,
  set: 1,
  remove: 1,
  /** Read, then (when the document exists and the condition holds) a full write. */
  update: 2,
  updateIf: 2,
  /** The read alone, when the document is missing or the condition fails. */
  updateMiss: 1
} as const

/**
 * Each attempt of runTransaction: startTransaction, then commitTransaction or
 * abortTransaction — except an attempt that lost a write conflict and is
 * re-run: runTransaction starts the next attempt without aborting it. Inside,
 * a write refused by a conflict was still sent; an operation after a failure
 * is refused by the adapter without a request.
 */
export const TRANSACTION_COST = {
  start: 1,
  commit: 1,
  rollback: 1
} as const
