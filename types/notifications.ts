// Subscribe messages (订阅消息): which templates the app may ask a member for,
// the grants a member has given, and the opt-in check-in reminders.

/** Our template keys; the server maps each to a WeChat template id. */
export const SUBSCRIBE_TEMPLATE_KEYS = [
  'welcome',
  'tierUp',
  'membershipActive',
  'renewalReminder',
  'membershipExpired',
  'waitlistPromoted',
  'eventReminder',
  'eventCancelled',
  'prizeWon',
  'checkinReminder',
  'streakReminder',
  'refundResult',
  /** A message from the community (recall campaigns, automations): the same words as in 消息. */
  'communityNotice',
  /** A host approved or rejected the member's application to join a circle. */
  'joinReviewed'
] as const

export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number]

/** WeChat accepts at most 3 template ids per requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_REQUEST = 3

export interface SubscribeTemplates {
  /**
   * 'wechat': template ids are WeChat's and the app must ask with requestSubscribeMessage.
   * 'simulated': the dev host (no WeChat); the app records an "accept" for every key it would ask for.
   */
  mode: 'wechat' | 'simulated'
  /** Template key → template id (only the keys configured on the server). */
  templates: Partial<Record<SubscribeTemplateKey, string>>
  /** Unspent grants (messages the server may still send) per template key. */
  grants: Partial<Record<SubscribeTemplateKey, number>>
}

export interface RecordSubscribeGrantsInput {
  /** Idempotency key from the app: a retried request records nothing twice. */
  requestId: string
  /** The keys the member accepted in one requestSubscribeMessage answer (1–3). */
  accepted: SubscribeTemplateKey[]
}

export interface SubscribeGrantsView {
  grants: Partial<Record<SubscribeTemplateKey, number>>
}

export interface ChallengeReminderInput {
  challengeId: string
}

export interface ChallengeReminderView {
  challengeId: string
  /** Daily check-in reminder at `hour` (China time). */
  daily: boolean
  /** "Your streak breaks tonight" at 21:00 China time when the streak is ≥ 2 and today is not checked in. */
  streak: boolean
  /** The hour chosen by the member (0–23), or null for the challenge's window start. */
  hour: number | null
  /** The hour the daily reminder actually goes at ('HH:mm', China time). */
  dailyAt: string
}

export interface SetChallengeReminderInput {
  challengeId: string
  daily: boolean
  streak: boolean
  /** 0–23, or null for the challenge's window start. */
  hour?: number | null
}
