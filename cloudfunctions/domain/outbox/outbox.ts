// Side effects that must not fail the work that caused them (subscribe messages
// now; points and analytics later) are written to the outbox in the same
// transaction as that work, and delivered by the cron function with retries.
import type { BaseDoc, DocOps } from '../../ports/store'
import { isConflict } from '../../ports/store'
import type { SubscribeMessage } from '../../ports/notifier'
import { COLLECTIONS } from '../../platform/collections'
import { formatData } from '../notifications/format'

export const OUTBOX = COLLECTIONS.outbox.name

/** 'skipped': never sent because the member holds no grant for the template (WeChat would refuse it: 43101). */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'skipped'

export interface OutboxDoc extends BaseDoc {
  kind: 'subscribeMessage'
  payload: SubscribeMessage
  status: OutboxStatus
  attempts: number
  /** When the next delivery attempt is due; also the lease while one is in flight. */
  nextAttemptAt: number
  createdAt: number
  sentAt?: number
  lastError?: string
}

/** Anything with collection(): the store itself or an open transaction. */
export interface Writer {
  collection<T extends BaseDoc>(name: string): Pick<DocOps<T>, 'get' | 'insert'>
}

/**
 * Enqueues once per key (the data is shaped to WeChat's field rules here, whatever the caller passed): replays of the same fact enqueue nothing new. Read by
 * id first: inside a transaction a duplicate insert aborts the transaction.
 */
export async function enqueueSubscribeMessage(writer: Writer, entry: { key: string; message: SubscribeMessage; now: number }): Promise<void> {
  const outbox = writer.collection<OutboxDoc>(OUTBOX)
  if (await outbox.get(entry.key)) return
  try {
    await outbox.insert({
      _id: entry.key,
      kind: 'subscribeMessage',
      payload: { ...entry.message, data: formatData(entry.message.data) },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: entry.now,
      createdAt: entry.now
    })
  } catch (error) {
    if (!isConflict(error)) throw error
  }
}
