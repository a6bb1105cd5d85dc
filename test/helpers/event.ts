// An event as the host makes it: an offline hike on Sunday 2026-12-06 at 14:00
// China time (13 days after the tests' START), three hours long, signups closing
// an hour before, free, 50 seats, refundable until 24 hours before; a test names
// only what its rule depends on (the fee, the seats, the fee's return).
import { HOST, call, ok } from './test-runtime'
import type { EventInput } from '../../types/events'

export const EVENT_START = Date.parse('2026-12-06T14:00:00+08:00')
export const EVENT_END = EVENT_START + 3 * 3600_000

export const eventInput = (overrides: Partial<EventInput> = {}): EventInput => ({
  title: '周末徒步·香山',
  description: '',
  coverFileId: '',
  startAt: EVENT_START,
  endAt: EVENT_END,
  mode: 'offline',
  address: '北京市海淀区香山公园东门',
  onlineLink: '',
  capacity: 50,
  feeFen: 0,
  tierDiscount: false,
  signupDeadline: EVENT_START - 3600_000,
  circleId: null,
  refundableHoursBefore: 24,
  feeReturn: 'none',
  ...overrides
})

/** Creates the event as the host and returns it. */
export async function createEvent(overrides: Partial<EventInput> = {}) {
  return ok(await call('events', 'createEvent', eventInput(overrides), HOST))
}
