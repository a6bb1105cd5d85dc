// 活动 — an offline event or an online session (the facts log is `facts`, so
// "event" means only this). Seats are one counter on the event
// document, changed only by conditional updates inside transactions.
import type { LockView } from '../../../types/gating'
import type { EventInput, EventPhase, EventView, SignupView } from '../../../types/events'
import { COLLECTIONS } from '../../platform/collections'
import { errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { WALLETS, type WalletDoc } from '../growth/wallet'
import { loadSettings } from '../growth/settings'

export const EVENTS = COLLECTIONS.events.name
export const SIGNUPS = COLLECTIONS.signups.name
export const HOLD_MS = 15 * 60_000
/** Door check-in opens this long before the start unless the event says otherwise. */
export const DEFAULT_CHECKIN_OPENS_MINUTES = 120

export interface EventDoc extends EventInput {
  _id: string
  status: 'scheduled' | 'cancelled'
  /** Seats held (pending payment) or confirmed; never above capacity. */
  seatsTaken: number
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface SignupDoc {
  _id: string // `${eventId}:${openid}`: one signup per member per event
  eventId: string
  openid: string
  status: SignupView['status']
  priceFen: number
  payBefore: number | null
  orderId: string | null
  /** Waitlist order: first come, first served. */
  waitlistedAt: number | null
  attendedAt: number | null
  /** The free ticket this signup was admitted with (returned if it is cancelled). */
  couponId?: string | null
  /** The ticket's short code, typed at the door; given at the first view of a confirmed signup (short-codes.ts). */
  shortCode?: string
  createdAt: number
  updatedAt: number
}

export function signupId(eventId: string, openid: string): string {
  return `${eventId}:${openid}`
}

export function phaseOf(event: Pick<EventDoc, 'startAt' | 'endAt'>, now: number): EventPhase {
  if (now < event.startAt) return 'upcoming'
  if (now <= event.endAt) return 'ongoing'
  return 'ended'
}

/** Door check-in: open from this instant until the end. */
export function checkinOpensAt(event: Pick<EventDoc, 'startAt' | 'checkinOpensMinutesBefore'>): number {
  return event.startAt - (event.checkinOpensMinutesBefore ?? DEFAULT_CHECKIN_OPENS_MINUTES) * 60_000
}

export async function loadEvent(runtime: Runtime, eventId: string): Promise<EventDoc> {
  const event = await runtime.store.collection<EventDoc>(EVENTS).get(eventId)
  if (!event) throw errors.notFound('活动')
  return event
}

/** The fee this member pays: the tier discount (growth perk) applies when the event allows it. */
export async function priceFor(runtime: Runtime, event: EventDoc, openid: string): Promise<number> {
  if (event.feeFen === 0 || !event.tierDiscount) return event.feeFen
  const wallet = await runtime.store.collection<WalletDoc>(WALLETS).get(openid)
  const settings = await loadSettings(runtime)
  const discount = settings.tiers.find((t) => t.level === (wallet?.tierLevel ?? 1))?.perks.eventDiscountPercent ?? 0
  return Math.max(1, Math.floor((event.feeFen * (100 - discount)) / 100))
}

export function toEventView(
  runtime: Runtime,
  event: EventDoc,
  extras: { myPriceFen: number; mySignup: SignupView | null; waitlistCount: number; isHost: boolean; circleName: string | null; inCircle: boolean; lock?: LockView | null },
  now: number
): EventView {
  const { _id, seatsTaken, createdBy: _b, createdAt: _c, updatedAt: _u, onlineLink, ...rest } = event
  const attending = extras.mySignup && (extras.mySignup.status === 'confirmed' || extras.mySignup.status === 'attended')
  return {
    ...rest,
    id: _id,
    coverUrl: event.coverFileId ? runtime.files.urlFor(event.coverFileId) : '',
    onlineLink: attending || extras.isHost ? onlineLink : '',
    phase: phaseOf(event, now),
    checkinOpensMinutesBefore: event.checkinOpensMinutesBefore ?? DEFAULT_CHECKIN_OPENS_MINUTES,
    checkinOpensAt: checkinOpensAt(event),
    seatsLeft: Math.max(0, event.capacity - seatsTaken),
    waitlistCount: extras.waitlistCount,
    myPriceFen: extras.myPriceFen,
    mySignup: extras.mySignup,
    circleName: extras.circleName,
    inCircle: extras.inCircle,
    minTierLevel: event.minTierLevel ?? 1,
    lock: extras.lock ?? null
  }
}
