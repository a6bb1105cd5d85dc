// Timer jobs for events: confirmed attendees are reminded 24 hours and 1 hour
// before the start. (A lapsed seat hold ends with its unpaid order, in the
// orders module's one closing job: seat-order.ts.)
import type { Runtime } from '../../platform/runtime'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { eventReminderMessage } from '../notifications/messages'
import { EVENTS, SIGNUPS, type EventDoc, type SignupDoc } from './event'

export async function remindEvents(runtime: Runtime): Promise<{ reminded: number }> {
  const now = runtime.clock.now()
  const soon = (await runtime.store.collection<EventDoc>(EVENTS).find({ startAt: { $gt: now, $lte: now + 24 * 3600_000 } }, { sort: [['startAt', 'asc']], limit: 100 })).items
  let reminded = 0
  for (const event of soon.filter((m) => m.status === 'scheduled')) {
    const window = event.startAt - now <= 3600_000 ? '1h' : '24h'
    const confirmed = (await runtime.store.collection<SignupDoc>(SIGNUPS).find({ eventId: event._id, status: 'confirmed' }, { limit: 100 })).items
    for (const signup of confirmed) {
      const before = await runtime.store.collection('outbox').get(`eventReminder:${window}:${signup._id}`)
      if (before) continue
      await enqueueSubscribeMessage(runtime.store, {
        key: `eventReminder:${window}:${signup._id}`,
        now,
        message: eventReminderMessage(signup.openid, { id: event._id, title: event.title, startAt: event.startAt, where: event.mode === 'offline' ? event.address : '线上活动' })
      })
      reminded++
    }
  }
  return { reminded }
}
