// Facts other capabilities react to (the growth system turns them into points).
// Each is keyed by the fact it records, so recording it again records nothing:
// a replayed check-in or a retried request never grants twice. Inside a
// transaction a duplicate insert would abort the whole transaction (CloudBase
// transactions are MongoDB's), so the fact is read by id first and inserted
// only when absent.
import type { BaseDoc, DocOps } from '../../ports/store'
import { isConflict } from '../../ports/store'
import { COLLECTIONS } from '../../platform/collections'

/**
 * What each fact carries, by its type: written by the capability that records
 * it, read by the growth rules and the board mover. Facts stored before a field
 * existed may lack it, so readers keep their fallbacks.
 */
export interface FactPayloads {
  'checkin.posted': { challengeId: string; challengeTitle: string; date: string; makeup: boolean; points: number; streak: number }
  'streak.reached': { challengeId: string; challengeTitle: string; streak: number; points: number }
  'challenge.completed': { challengeId: string; challengeTitle: string }
  'checkin.featured': Record<string, never>
  /** `grantedAt`: set when applied, the time of the check-in's own grant (its boards move back). */
  'checkin.revoked': { reason: string; challengeId: string; grantedAt?: number }
  'comment.received': { commentId: string; from: string }
  /** A membership's first payment names its circle; another kind's (an event fee: kind 'event') names its kind and what was bought. */
  'payment.first': { kind?: undefined; circleName: string } | { kind: string; title: string; circleName?: undefined }
  /** `grantedAt`: set when applied, the time of the first payment's grant (its boards move back). */
  'payment.refunded': { circleName: string; grantedAt?: number }
  'event.attended': { eventTitle: string }
  'invite.activated': Record<string, never>
  /** A free trial of a circle started (counted by the console; no points). */
  'trial.started': { circleId: string; circleName: string }
  /** The author's check-in was the last touch before `payer`'s first payment (domain/analytics): keyed by the payer, once per conversion. */
  'testimonial.converted': { payer: string; revenueFen: number }
  /** A flash sale's unit was paid for (domain/plays/flash-sale): keyed by the order, for analytics (no points). */
  'flashSale.purchased': { saleId: string; targetType: string; priceFen: number; newMember: boolean }
  /** A member paid to start a group (domain/plays/group-buy): keyed by the order, for analytics (no points). */
  'groupBuy.started': { campaignId: string; groupId: string; priceFen: number; newMember: boolean }
  /** A friend paid to join a group: keyed by the order. */
  'groupBuy.joined': { campaignId: string; groupId: string; priceFen: number; newMember: boolean }
  /** A group filled (or was filled by 模拟成团, `simulated` seats) and its members were fulfilled: keyed by the group; openid is the starter. */
  'groupBuy.completed': { campaignId: string; groupId: string; size: number; simulated: number }
  /** A member started a 助力 help task (domain/plays/help): keyed by the task, for analytics (no points). */
  'help.started': { campaignId: string; rewardType: string; need: number }
  /** A task reached N and its reward was given (or was not available: `granted` false): keyed by the task. Each help is a help_records document (who, new member or not). */
  'help.completed': { campaignId: string; rewardType: string; granted: boolean; need: number; helpers: number }
  /** A member who joined through an invite got the host's welcome gift (domain/plays/gift): keyed by the invitee, once ever (the inviter: the invitee's referral). */
  'invite.welcomed': { giftType: 'coupon' | 'trial' | 'makeupCard' }
  /** A gift card (礼品卡) was paid for (domain/plays/gift): keyed by the order. */
  'giftCard.purchased': { cardId: string; circleId: string; planId: string; priceFen: number }
  /** A gift card was claimed, its membership granted to the claimer (the fact's openid): keyed by the card. */
  'giftCard.claimed': { cardId: string; buyer: string; circleId: string; newMember: boolean }
  /** A member started a bargain (domain/plays/bargain): keyed by the bargain. */
  'bargain.started': { campaignId: string; bargainId: string; targetType: string; startFen: number; newMember: boolean }
  /** A friend cut a member's bargain (the fact's openid is the cutter): keyed by the cut (`${bargainId}:${openid}`). */
  'bargain.cut': { campaignId: string; bargainId: string; starter: string; k: number; amountFen: number; newMember: boolean }
  /** A bargain's order was paid for: keyed by the order. */
  'bargain.purchased': { campaignId: string; bargainId: string; targetType: string; priceFen: number; cuts: number }
}

export type FactType = keyof FactPayloads

interface FactFields<T extends FactType> extends BaseDoc {
  type: T
  /** The member the fact is about (who earns or loses points). */
  openid: string
  /** What the fact refers to, e.g. a check-in id. */
  refId: string
  payload: FactPayloads[T]
  createdAt: number
  /** Set by the growth consumer when it has applied the fact to points (and invites). */
  processedAt: number | null
  /** Points the fact was granted (for the points boards); negative when it takes back an earlier grant. */
  granted?: number
  /** 'pending' until the board mover has moved the boards for it (absent on facts from before boards moved apart). */
  boards?: 'pending' | 'done'
  boardsAt?: number
}

/** A fact of one type, or (by default) any fact: narrow on `type` to read its payload. */
export type FactDoc<T extends FactType = FactType> = T extends FactType ? FactFields<T> : never

export const FACTS = COLLECTIONS.facts.name

/** A fact that carries nothing may leave its payload out. */
type PayloadOf<T extends FactType> = FactPayloads[T] extends Record<string, never> ? { payload?: FactPayloads[T] } : { payload: FactPayloads[T] }

export interface FactWriter {
  collection<T extends BaseDoc>(name: string): Pick<DocOps<T>, 'get' | 'insert'>
}

export async function recordFact<T extends FactType>(writer: FactWriter, event: { type: T; key: string; openid: string; refId: string; at: number } & PayloadOf<T>): Promise<boolean> {
  const facts = writer.collection<FactDoc>(FACTS)
  const id = `${event.type}:${event.key}`
  if (await facts.get(id)) return false
  try {
    await facts.insert(<FactDoc>{
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
