// The host's side of events: create, edit and cancel, the attendee list and its export, and check-in at the door (domain/events/admin, door).
import type { ActionMap } from '../platform/define-action'
import * as s from '../domain/events/schemas'
import { attendees, cancelEvent, createEvent, exportAttendees, updateEvent } from '../domain/events/admin'
import { checkInAttendee, checkInTicket } from '../domain/events/door'

type EventActions = ActionMap<'events'>
type HostActionNames = 'createEvent' | 'updateEvent' | 'cancelEvent' | 'attendees' | 'exportAttendees' | 'checkInTicket' | 'checkInAttendee'

const START = Date.parse('2026-12-06T14:00:00+08:00')
export const EXAMPLE_EVENT = {
  title: '周末徒步·香山',
  description: '一起走 10 公里',
  coverFileId: '',
  startAt: START,
  endAt: START + 3 * 3600_000,
  mode: 'offline' as const,
  address: '北京市海淀区香山公园东门',
  onlineLink: '',
  capacity: 30,
  feeFen: 5000,
  tierDiscount: true,
  signupDeadline: START - 3600_000,
  circleId: null,
  refundableHoursBefore: 24,
  feeReturn: 'refund' as const
}

export const eventHostActions: Pick<EventActions, HostActionNames> = {
  createEvent: { role: 'admin', input: s.eventInput, example: EXAMPLE_EVENT, handle: (input, { runtime, caller, now }) => createEvent(runtime, caller, input, now) },
  updateEvent: { role: 'admin', input: s.updateEventInput, example: { eventId: 'e1', capacity: 40 }, handle: (input, { runtime, caller, now }) => updateEvent(runtime, caller, input, now) },
  cancelEvent: { role: 'admin', input: s.eventIdInput, example: { eventId: 'e1' }, handle: (input, { runtime, caller, now }) => cancelEvent(runtime, caller, input.eventId, now) },
  attendees: { role: 'admin', input: s.eventIdInput, example: { eventId: 'e1' }, handle: (input, { runtime }) => attendees(runtime, input.eventId) },
  exportAttendees: { role: 'admin', input: s.eventIdInput, example: { eventId: 'e1' }, handle: (input, { runtime }) => exportAttendees(runtime, input.eventId) },
  checkInTicket: {
    role: 'admin',
    input: s.checkInTicketInput,
    example: { eventId: 'e1', ticketCode: 'T1.x.y' },
    handle: (input, { runtime, now }) => checkInTicket(runtime, input.eventId, input.ticketCode, now)
  },
  checkInAttendee: {
    role: 'admin',
    input: s.checkInAttendeeInput,
    example: { eventId: 'e1', signupId: 'e1:o_member' },
    handle: (input, { runtime, now }) => checkInAttendee(runtime, input.eventId, input.signupId, now)
  }
}
