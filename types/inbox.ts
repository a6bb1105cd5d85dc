// The message centre (消息): in-app messages per member. Every recall or
// automation message lands here, whether or not the member granted a
// subscribe message; a gift rides on its message and is claimed from it.

/** What a gift gives: a coupon of an existing campaign, make-up cards, or points. */
export type Gift = { kind: 'coupon'; campaignId: string } | { kind: 'makeupCard'; count: number } | { kind: 'points'; points: number }

/** What tapping the message does: claim its gift, or open a page of the app. */
export type InboxAction = { kind: 'gift'; gift: Gift } | { kind: 'page'; path: string }

export interface InboxMessageView {
  id: string
  title: string
  body: string
  action: InboxAction | null
  /** The gift's words, e.g. 「满 30 减 10」优惠券 / 补卡 1 张 / 50 积分 (null without a gift). */
  giftLabel: string | null
  createdAt: number
  readAt: number | null
  /** When the gift was claimed (null: not claimed, or no gift). */
  claimedAt: number | null
}

export interface InboxInput {
  after?: string | null
}

export interface MarkReadInput {
  /** 1–10 messages of the caller's. */
  messageIds: string[]
}

export interface MessageIdInput {
  messageId: string
}

export interface UnreadCount {
  unread: number
}

export interface ClaimGiftResult {
  message: InboxMessageView
  /** False when it was claimed before (a second tap, another device): nothing more was given. */
  claimedNow: boolean
}
