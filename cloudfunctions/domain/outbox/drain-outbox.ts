// Delivers due outbox entries. Each entry is claimed with a conditional update
// that pushes its due time forward (a lease), so two cron runs at once never
// deliver the same entry twice, and a run that dies mid-delivery is retried
// when the lease runs out.
import { NotifyError } from '../../ports/notifier'
import type { Runtime } from '../../platform/runtime'
import { OUTBOX, type OutboxDoc } from './outbox'
import { clearGrant, returnGrant, spendGrant } from '../notifications/grants'

/** WeChat's answer when the member holds no grant for the template. */
const NO_GRANT_ERRCODE = /errcode 43101\b/

export const LEASE_MS = 60_000
export const MAX_ATTEMPTS = 6
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000]

export function backoffAfter(attempts: number): number {
  return BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]
}

export interface DrainReport {
  sent: number
  retried: number
  failed: number
  /** Not sent: the member holds no grant for the template (WeChat would refuse it). */
  skipped: number
  [key: string]: number
}

export async function drainOutbox(runtime: Runtime, batchSize = 50): Promise<DrainReport> {
  const outbox = runtime.store.collection<OutboxDoc>(OUTBOX)
  const now = runtime.clock.now()
  const report: DrainReport = { sent: 0, retried: 0, failed: 0, skipped: 0 }
  const due = await outbox.find({ status: 'pending', nextAttemptAt: { $lte: now } }, { sort: [['nextAttemptAt', 'asc']], limit: batchSize })
  for (const entry of due.items) {
    const claimed = await outbox.updateIf(entry._id, { status: 'pending', nextAttemptAt: entry.nextAttemptAt }, { set: { nextAttemptAt: now + LEASE_MS } })
    if (!claimed) continue
    // One grant per message, spent atomically before the send; none left means no send and no retry.
    if (!(await spendGrant(runtime.store, entry.payload.openid, entry.payload.template, now))) {
      await outbox.update(entry._id, { set: { status: 'skipped', lastError: 'no grant' } })
      report.skipped += 1
      continue
    }
    try {
      await runtime.notifier.send(entry.payload)
      await outbox.update(entry._id, { set: { status: 'sent', sentAt: runtime.clock.now() }, inc: { attempts: 1 } })
      report.sent += 1
    } catch (error) {
      const attempts = entry.attempts + 1
      const permanent = error instanceof NotifyError && error.permanent
      const lastError = error instanceof Error ? error.message.slice(0, 300) : String(error)
      // WeChat did not take the message, so the member's grant is still there: ours goes back,
      // unless WeChat says there is none (then ours was wrong).
      if (NO_GRANT_ERRCODE.test(lastError)) await clearGrant(runtime.store, entry.payload.openid, entry.payload.template, now)
      else await returnGrant(runtime.store, entry.payload.openid, entry.payload.template, now)
      if (permanent || attempts >= MAX_ATTEMPTS) {
        await outbox.update(entry._id, { set: { status: 'failed', lastError }, inc: { attempts: 1 } })
        report.failed += 1
      } else {
        await outbox.update(entry._id, { set: { nextAttemptAt: now + backoffAfter(attempts), lastError }, inc: { attempts: 1 } })
        report.retried += 1
      }
    }
  }
  return report
}
