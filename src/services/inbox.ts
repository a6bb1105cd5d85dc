import type { ClaimGiftResult, InboxMessageView, UnreadCount } from '../../types/inbox'
import type { Page } from '../../types/page'
import { callFunction } from './api'

// The message centre (消息): every inbox call the pages make, named and typed
// from types/inbox (pages call these, never callFunction).

export const INBOX_KEY = 'inbox:messages'
export const UNREAD_KEY = 'inbox:unread'

export function fetchInbox(after: string | null): Promise<Page<InboxMessageView>> {
  return callFunction('member', 'inbox', { after })
}

/** One count on the server (≤ 2 requests): cheap enough for every 我的 show. */
export function fetchUnreadCount(): Promise<UnreadCount> {
  return callFunction('member', 'unreadCount', {})
}

export function markRead(messageIds: string[]): Promise<UnreadCount> {
  return callFunction('member', 'markRead', { messageIds })
}

export function claimGift(messageId: string): Promise<ClaimGiftResult> {
  return callFunction('member', 'claimGift', { messageId })
}
