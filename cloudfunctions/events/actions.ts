// A member's side of events: the list and a page, signing up and paying the seat, cancelling, my tickets (domain/events/signups).
import { defineActions } from '../platform/define-action'
import * as s from '../domain/events/schemas'
import { pageInput } from '../domain/growth/schemas'
import { loadEvent } from '../domain/events/event'
import { cancelSignup, eventView, listEvents, myTickets, paySeat, signup } from '../domain/events/signups'
import { eventHostActions } from './host-actions'

export const eventActions = defineActions('events', {
  listEvents: { role: 'member', input: s.listEventsInput, example: { when: 'upcoming' }, handle: (input, { runtime, caller, now }) => listEvents(runtime, caller, input, now) },
  getEvent: {
    role: 'member',
    input: s.eventIdInput,
    example: { eventId: 'e1' },
    handle: async (input, { runtime, caller, now }) => eventView(runtime, caller, await loadEvent(runtime, input.eventId), now)
  },
  signup: { role: 'member', input: s.signupInput, example: { eventId: 'e1' }, handle: (input, { runtime, caller, now }) => signup(runtime, caller, input.eventId, now, input.couponId) },
  paySeat: { role: 'member', input: s.signupInput, example: { eventId: 'e1' }, handle: (input, { runtime, caller, now }) => paySeat(runtime, caller, input.eventId, now, input.couponId) },
  cancelSignup: { role: 'member', input: s.eventIdInput, example: { eventId: 'e1' }, handle: (input, { runtime, caller, now }) => cancelSignup(runtime, caller, input.eventId, now) },
  myTickets: { role: 'member', input: pageInput, example: {}, handle: (input, { runtime, caller, now }) => myTickets(runtime, caller, input, now) },
  ...eventHostActions
})
