import type { SignupView } from '../../../types/events'
import type { Runtime } from '../../platform/runtime'
import { SIGNUPS, type SignupDoc } from './event'
import { ensureShortCode } from './short-codes'
import { issueTicket } from './tickets'

/** 1-based place among the event's waitlisted signups. */
export async function waitlistPosition(runtime: Runtime, signup: SignupDoc): Promise<number | null> {
  if (signup.status !== 'waitlisted' || signup.waitlistedAt === null) return null
  const ahead = await runtime.store.collection<SignupDoc>(SIGNUPS).count({ eventId: signup.eventId, status: 'waitlisted', waitlistedAt: { $lt: signup.waitlistedAt } })
  return ahead + 1
}

export async function toSignupView(runtime: Runtime, signup: SignupDoc): Promise<SignupView> {
  const hasTicket = signup.status === 'confirmed' || signup.status === 'attended'
  const code = hasTicket ? issueTicket({ eventId: signup.eventId, signupId: signup._id }, runtime.config.ticketSecret) : ''
  // A ticket's short code is given at its first view (then kept on the signup).
  const shortCode = hasTicket ? await ensureShortCode(runtime, signup) : ''
  return {
    id: signup._id,
    eventId: signup.eventId,
    status: signup.status,
    priceFen: signup.priceFen,
    payBefore: signup.status === 'held' || signup.status === 'offered' ? signup.payBefore : null,
    waitlistPosition: await waitlistPosition(runtime, signup),
    ticketCode: code,
    shortCode,
    orderId: signup.orderId,
    withFreeTicket: Boolean(signup.couponId),
    attendedAt: signup.attendedAt,
    createdAt: signup.createdAt
  }
}
