// The message centre (消息): the member's messages, unread count, read marks and gift claims.
import type { ActionMap } from '../platform/define-action'
import { claimGift, inbox, markRead, unreadCount } from '../domain/inbox/inbox'
import { emptyInboxInput, inboxInput, markReadInput, messageIdInput } from '../domain/inbox/schemas'

export const inboxActions: Pick<ActionMap<'member'>, 'inbox' | 'unreadCount' | 'markRead' | 'claimGift'> = {
  inbox: { role: 'member', input: inboxInput, example: {}, handle: (input, { runtime, caller }) => inbox(runtime, caller.openid, input) },
  unreadCount: { role: 'member', input: emptyInboxInput, example: {}, handle: (_input, { runtime, caller }) => unreadCount(runtime, caller.openid) },
  markRead: { role: 'member', input: markReadInput, example: { messageIds: ['recall:x:o_member'] }, handle: (input, { runtime, caller, now }) => markRead(runtime, caller.openid, input, now) },
  claimGift: {
    role: 'member',
    input: messageIdInput,
    example: { messageId: 'recall:x:o_member' },
    handle: (input, { runtime, caller, now }) => claimGift(runtime, caller.openid, input.messageId, now)
  }
}
