// Offline and online events: signup, capacity, waitlist, fees, tickets.
// Money is integer fen; instants are epoch ms (shown in China time).
import type { LockView } from './gating'
import type { PageInput } from './page'
import type { ClientPaymentView } from './membership'

export type EventMode = 'offline' | 'online'
export type FeeReturn = 'none' | 'refund' | 'points'

export interface EventInput {
  /** 1–40 characters. */
  title: string
  description: string
  coverFileId: string
  startAt: number
  endAt: number
  mode: EventMode
  /** For offline events. */
  address: string
  /** For online events; shown only to confirmed attendees. */
  onlineLink: string
  /** 1–10,000 seats. */
  capacity: number
  /** 0 for free. */
  feeFen: number
  /** Apply the member's tier discount (growth perks) to the fee. */
  tierDiscount: boolean
  /** Signups and cancellations close at this time (≤ startAt). */
  signupDeadline: number
  circleId: string | null
  /** Paid signups are refunded when cancelled at least this many hours before the start. */
  refundableHoursBefore: number
  /** "Fee returned on attendance": as a refund, as points, or not at all. */
  feeReturn: FeeReturn
  /** Door check-in opens this many minutes before the start (0–1440; 120 when absent) and closes at the end. */
  checkinOpensMinutesBefore?: number
  /** Only members at or above this tier may sign up (1 or absent: everyone); checked with the circle at signup. */
  minTierLevel?: number
}

export type EventPhase = 'upcoming' | 'ongoing' | 'ended'

export type SignupStatus = 'held' | 'confirmed' | 'waitlisted' | 'offered' | 'attended' | 'cancelled' | 'expired'

export interface SignupView {
  id: string
  eventId: string
  status: SignupStatus
  priceFen: number
  /** For held and offered seats: pay before this time or the seat passes on. */
  payBefore: number | null
  /** 1-based place in the waitlist. */
  waitlistPosition: number | null
  /** The signed ticket, for confirmed signups ('' otherwise): what the ticket's QR code holds (drawn by the app, src/packages/events/detail/ticket-qr.ts). */
  ticketCode: string
  /** 6 characters (no 0/O/1/I/L), unique in the event, for the host to type at the door; '' without a ticket. */
  shortCode: string
  orderId: string | null
  /** Admitted with a free ticket (it comes back to the member if this signup is cancelled). */
  withFreeTicket: boolean
  attendedAt: number | null
  createdAt: number
}

export interface EventView extends Omit<EventInput, 'onlineLink' | 'checkinOpensMinutesBefore'> {
  id: string
  checkinOpensMinutesBefore: number
  /** Door check-in is open from this instant until endAt. */
  checkinOpensAt: number
  coverUrl: string
  /** Only for confirmed or attended members and hosts; '' otherwise. */
  onlineLink: string
  status: 'scheduled' | 'cancelled'
  phase: EventPhase
  seatsLeft: number
  waitlistCount: number
  /** The price this member would pay (tier discount applied). */
  myPriceFen: number
  mySignup: SignupView | null
  /** A members-only event: the circle's name; null when open to everyone. */
  circleName: string | null
  /** Whether the caller may sign up as far as the circle goes (true for open events and hosts). */
  inCircle: boolean
  /** What keeps this member from signing up (a circle to join, a tier to reach); null when nothing does. */
  lock?: LockView | null
}

export interface SignupResult {
  signup: SignupView
  /** Present when the seat is held pending payment. */
  payment: ClientPaymentView | null
  /** paySeat answered the seat's open order again instead of a second one (你有一笔待支付订单). */
  resumed?: boolean
}

export interface AttendeeView {
  signupId: string
  openid: string
  nickname: string
  avatarUrl: string
  status: SignupStatus
  priceFen: number
  createdAt: number
  attendedAt: number | null
  waitlistPosition: number | null
}

export interface AttendeeList {
  confirmed: number
  held: number
  waitlisted: number
  attended: number
  items: AttendeeView[]
}

// ---- inputs ----
export interface ListEventsInput extends PageInput {
  when: 'upcoming' | 'past'
}
export interface EventIdInput {
  eventId: string
}
export interface SignupInput {
  eventId: string
  /** One coupon for the fee, checked and applied by the server. */
  couponId?: string
}
export type UpdateEventInput = EventIdInput & Partial<EventInput>
export interface CheckInTicketInput {
  eventId: string
  /** What the scanner read, or what the host typed: the signed ticket or its 6-character short code. */
  ticketCode: string
}
/** The host checks a confirmed attendee in by name, from the attendee list. */
export interface CheckInAttendeeInput {
  eventId: string
  signupId: string
}
