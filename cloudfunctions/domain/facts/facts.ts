// Facts other capabilities react to (the growth system turns them into points).
// Each is keyed by the fact it records, so recording it again records nothing:
// a replayed check-in or a retried request never grants twice. Inside a
// transaction a duplicate insert would abort the whole transaction (CloudBase
// transactions are MongoDB's), so the fact is read by id first and inserted
// only when absent.
import type { BaseDoc, DocOps } from '../../ports/store'
import { isConflict } from '../../ports/store'
import { COLLECTIONS } from '../../platform/collections'

export type FactType = 'checkin.posted' | 'streak.reached' | 'challenge.completed' | 'checkin.featured' | 'checkin.revoked' | 'comment.received' | 'payment.first' | 'payment.refunded' | 'event.attended' | 'invite.activated'

export interface FactDoc extends BaseDoc {
  type: FactType
  /** The member the fact is about (who earns or loses points). */
  openid: string
  /** What the fact refers to, e.g. a check-in id. */
  refId: string
  payload: Record<string, unknown>
  createdAt: number
  /** Set by the growth consumer when it has applied the fact to points (and invites). */
  processedAt: number | null
  /** Points the fact was granted (for the points boards). */
  granted?: number
  /** 'pending' until the board mover has moved the boards for it (absent on facts from before boards moved apart). */
  boards?: 'pending' | 'done'
  boardsAt?: number
}

export const FACTS = COLLECTIONS.facts.name

export interface FactWriter {
  collection<T extends BaseDoc>(name: string): Pick<DocOps<T>, 'get' | 'insert'>
}

export async function recordFact(
  writer: FactWriter,
  event: { type: FactType; key: string; openid: string; refId: string; payload?: Record<string, unknown>; at: number }
): Promise<boolean> {
  const facts = writer.collection<FactDoc>(FACTS)
  const id = `${event.type}:${event.key}`
  if (await facts.get(id)) return false
  try {
    await facts.insert({
      _id: id,
      type: event.type,
      openid: event.openid,
      refId: event.refId,
      payload: event.payload ?? {},
      createdAt: event.at,
      processedAt: null,
      boards: 'pending'
    })
    return true
  } catch (error) {
    // Only outside a transaction can a concurrent writer still get there first.
    if (isConflict(error)) return false
    throw error
  }
}
