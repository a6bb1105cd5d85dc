// A transaction that lost a write conflict has changed nothing, and the Store
// already re-ran it at once as runTransaction does. When those immediate
// retries are spent (many members writing one document in the same instant),
// the whole action runs again after a jittered, growing pause, so contenders
// spread out instead of colliding again; then the router answers BUSY.
import { isTransactionConflict } from '../ports/store'

export const ACTION_CONFLICT_RETRIES = 8
const BASE_MS = 15
const CAP_MS = 400

/** "Full jitter" backoff: a random pause up to min(cap, base · 2^attempt). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt))
}

export async function withConflictRetries<R>(run: () => Promise<R>, retries = ACTION_CONFLICT_RETRIES): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= retries) throw error
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)))
    }
  }
}
