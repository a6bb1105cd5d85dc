// Local stand-in for WeChat subscribe messages: records what members would have
// received, so the dev host can list it at GET /dev/outbox.
import { randomUUID } from 'node:crypto'
import type { Notifier, SubscribeMessage } from '../../ports/notifier'
import type { Store } from '../../ports/store'
import type { Clock } from '../../ports/clock'
import { COLLECTIONS } from '../../platform/collections'

export interface NotificationDoc {
  _id: string
  openid: string
  template: string
  page: string
  data: Record<string, string>
  sentAt: number
}

export const NOTIFICATIONS = COLLECTIONS.notifications.name

export class LocalNotifier implements Notifier {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock
  ) {}

  async send(message: SubscribeMessage): Promise<void> {
    await this.store.collection<NotificationDoc>(NOTIFICATIONS).insert({
      _id: randomUUID(),
      openid: message.openid,
      template: message.template,
      page: message.page ?? '',
      data: message.data,
      sentAt: this.clock.now()
    })
  }
}
