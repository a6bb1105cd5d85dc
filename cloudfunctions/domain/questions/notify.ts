// A Q&A message for 消息 (the inbox's document, keyed so it is written once),
// and its subscribe message when the member granted one. Written here rather
// than through inbox.ts, whose gift code reaches the orders module: the
// question order kind, which the orders module loads, writes these too.
import type { InboxAction } from '../../../types/inbox'
import { COLLECTIONS } from '../../platform/collections'
import type { Transaction } from '../../ports/store'
import { grantId, SUBSCRIBE_GRANTS, type SubscribeGrantDoc } from '../notifications/grants'
import { communityNoticeMessage } from '../notifications/messages'
import { enqueueSubscribeMessage } from '../outbox/outbox'
import { QUESTION_PAGE } from './question'

const INBOX = COLLECTIONS.inboxMessages.name

/** Inside a transaction: the message once per key (read first: a duplicate insert would abort it); the subscribe message only with a grant. */
export async function notifyIn(tx: Transaction, message: { key: string; openid: string; title: string; body: string; questionId: string; now: number; subscribe: boolean }): Promise<void> {
  const inbox = tx.collection<{ _id: string; [field: string]: unknown }>(INBOX)
  if (await inbox.get(message.key)) return
  const action: InboxAction = { kind: 'page', path: QUESTION_PAGE(message.questionId) }
  await inbox.insert({
    _id: message.key,
    openid: message.openid,
    title: message.title,
    body: message.body,
    action,
    giftLabel: null,
    source: 'question',
    createdAt: message.now,
    readAt: null,
    claimedAt: null
  })
  if (!message.subscribe) return
  const grant = await tx.collection<SubscribeGrantDoc>(SUBSCRIBE_GRANTS).get(grantId(message.openid, 'communityNotice'))
  if ((grant?.count ?? 0) <= 0) return
  await enqueueSubscribeMessage(tx, { key: message.key, message: communityNoticeMessage(message.openid, { title: message.title, body: message.body }, message.now), now: message.now })
}
