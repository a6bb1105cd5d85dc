// 活动 — an offline meetup or an online session (called "meetups" in code so it
// is never confused with domain events). Seats are one counter on the event
// document, changed only by conditional updates inside transactions.
import type { EventInput, EventPhase, EventView, SignupView } from '../../../types/events'
import { COLLECTIONS } from '../../platform/collections'
import { errors } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { WALLETS, type WalletDoc } from '../growth/wallet'
import { loadSettings } from '../growth/settings'

export const MEETUPS = COLLECTIONS.meetups.name
export const SIGNUPS = COLLECTIONS.signups.name
export const HOLD_MS = 15 * 60_000
/** Door check-in opens this long before the start unless the event says otherwise. */
export const DEFAULT_CHECKIN_OPENS_MINUTES = 120

export interface MeetupDoc extends EventInput {
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

export function phaseOf(meetup: Pick<MeetupDoc, 'startAt' | 'endAt'>, now: number): EventPhase {
  if (now < meetup.startAt) return 'upcoming'
  if (now <= meetup.endAt) return 'ongoing'
  return 'ended'
}

/** Door check-in: open from this instant until the end. */
export function checkinOpensAt(meetup: Pick<MeetupDoc, 'startAt' | 'checkinOpensMinutesBefore'>): number {
  return meetup.startAt - (meetup.checkinOpensMinutesBefore ?? DEFAULT_CHECKIN_OPENS_MINUTES) * 60_000
}

export async function loadMeetup(runtime: Runtime, eventId: string): Promise<MeetupDoc> {
  const meetup = await runtime.store.collection<MeetupDoc>(MEETUPS).get(eventId)
  if (!meetup) throw errors.notFound('活动')
  return meetup
}

/** The fee this member pays: the tier discount (growth perk) applies when the event allows it. */
export async function priceFor(runtime: Runtime, meetup: MeetupDoc, openid: string): Promise<number> {
  if (meetup.feeFen === 0 || !meetup.tierDiscount) return meetup.feeFen
  const wallet = await runtime.store.collection<WalletDoc>(WALLETS).get(openid)
  const settings = await loadSettings(runtime)
  const discount = settings.tiers.find((t) => t.level === (wallet?.tierLevel ?? 1))?.perks.eventDiscountPercent ?? 0
  return Math.max(1, Math.floor((meetup.feeFen * (100 - discount)) / 100))
}

export function toEventView(runtime: Runtime, meetup: MeetupDoc, extras: { myPriceFen: number; mySignup: SignupView | null; waitlistCount: number; isHost: boolean; circleName: string | null; inCircle: boolean }, now: number): EventView {
  const { _id, seatsTaken, createdBy: _b, createdAt: _c, updatedAt: _u, onlineLink, ...rest } = meetup
  const attending = extras.mySignup && (extras.mySignup.status === 'confirmed' || extras.mySignup.status === 'attended')
  return {
    ...rest,
    id: _id,
    coverUrl: meetup.coverFileId ? runtime.files.urlFor(meetup.coverFileId) : '',
    onlineLink: attending || extras.isHost ? onlineLink : '',
    phase: phaseOf(meetup, now),
    checkinOpensMinutesBefore: meetup.checkinOpensMinutesBefore ?? DEFAULT_CHECKIN_OPENS_MINUTES,
    checkinOpensAt: checkinOpensAt(meetup),
    seatsLeft: Math.max(0, meetup.capacity - seatsTaken),
    waitlistCount: extras.waitlistCount,
    myPriceFen: extras.myPriceFen,
    mySignup: extras.mySignup,
    circleName: extras.circleName,
    inCircle: extras.inCircle
  }
}
