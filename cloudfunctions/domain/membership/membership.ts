// A member's standing in a circle: one document per (circle, member) holding
// when access ends. Access is simply "ends after now"; renewals extend from the
// later of now and the current end.
import type { MyMembership } from '../../../types/membership'
import type { DocOps } from '../../ports/store'
import { CIRCLE_MEMBERS } from '../circles/access'

export const FOREVER = Date.parse('2100-01-01T00:00:00+08:00')
export const DAY_MS = 24 * 3600_000

export interface CircleMemberDoc {
  _id: string
  circleId: string
  openid: string
  startedAt: number
  endsAt: number
  source: 'free' | 'trial' | 'paid'
  trialUsed: boolean
  /** The end date a renewal reminder was queued for. */
  remindedFor: number | null
  /** The end date an expiry notice was queued for. */
  expiredNoticeFor: number | null
  /** Set when a refund ended access (the member sees 已退款, not 已过期); cleared by the next payment. */
  endedBy?: 'refund' | null
  /** A host removed and blocked the member (domain/crm/circles.ts): no joining or buying again. */
  blocked?: boolean
  /** The answers to the circle's join questions when the member joined. */
  answers?: string[]
}

export { CIRCLE_MEMBERS }

export function membershipId(circleId: string, openid: string): string {
  return `${circleId}:${openid}`
}

export function toMyMembership(circleId: string, doc: CircleMemberDoc | null, now: number): MyMembership {
  if (!doc) return { circleId, status: 'none', startedAt: null, endsAt: null, trialUsed: false }
  const active = doc.endsAt > now
  return {
    circleId,
    status: active ? (doc.source === 'trial' ? 'trial' : 'active') : doc.source === 'trial' && doc.startedAt === doc.endsAt ? 'none' : doc.endedBy === 'refund' ? 'refunded' : 'expired',
    startedAt: doc.startedAt,
    endsAt: doc.endsAt === FOREVER ? null : doc.endsAt,
    trialUsed: doc.trialUsed,
    ...(doc.blocked ? { blocked: true } : {})
  }
}

/** Extends (or starts) access by `days` from the later of now and the current end. Returns the new period. */
export async function extendMembership(
  members: Pick<DocOps<CircleMemberDoc>, 'get' | 'insert' | 'set'>,
  circleId: string,
  openid: string,
  days: number,
  now: number,
  source: 'paid' | 'trial'
): Promise<{ start: number; end: number }> {
  const id = membershipId(circleId, openid)
  const current = await members.get(id)
  const start = current && current.endsAt > now ? current.endsAt : now
  const end = start + days * DAY_MS
  if (!current) {
    await members.insert({ _id: id, circleId, openid, startedAt: now, endsAt: end, source, trialUsed: source === 'trial', remindedFor: null, expiredNoticeFor: null })
  } else {
    // Read above (in the caller's transaction): the whole-document write is one request, not a read and a write.
    await members.set({
      ...current,
      endsAt: end,
      endedBy: null,
      source: current.endsAt > now && current.source === 'paid' ? 'paid' : source,
      ...(current.endsAt <= now ? { startedAt: now } : {}),
      ...(source === 'trial' ? { trialUsed: true } : {})
    })
  }
  return { start, end }
}
