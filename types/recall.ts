// Recall campaigns (召回) to a segment with a holdout, and the automations the
// host switches on (welcome, trial ending, renewal due, silent, streak broken).
import type { Segment } from './growth'
import type { Gift } from './inbox'

/** Days after the send in which a member counts as returned (checked in) and their payments count. */
export const RETURN_WINDOW_DAYS = 7
export const DEFAULT_HOLDOUT_PERCENT = 10

export interface CreateRecallCampaignInput {
  /** Client idempotency key: a retried create makes one campaign. */
  requestId: string
  segment: Segment
  /** Member tag to narrow the segment (only when members carry tags). */
  tag?: string
  title: string
  body: string
  /** Left out for no gift. */
  gift?: Gift
  /** 0–50, default 10. */
  holdoutPercent?: number
}

export interface RecallGroupStats {
  members: number
  /** Members who checked in within RETURN_WINDOW_DAYS of the send (measured at 1, 3 and 7 days). */
  returned: number
  /** returned / members, 0–1 (null with no members). */
  returnRate: number | null
  /** Payments (less refunds) within the window, in fen. */
  revenueFen: number
  revenuePerMemberFen: number | null
}

export interface RecallCampaignView {
  id: string
  title: string
  body: string
  segment: Segment
  tag: string | null
  gift: Gift | null
  holdoutPercent: number
  status: 'sending' | 'sent'
  createdAt: number
  finishedAt: number | null
  treated: RecallGroupStats
  holdout: RecallGroupStats
  /** Treated return rate less holdout's, in percentage points (null until both groups have members). */
  returnLiftPoints: number | null
  /** Revenue per treated member less per holdout member, in fen. */
  revenueLiftPerMemberFen: number | null
  /** Targets whose 7-day window has closed (final), of all targets. */
  measuredFinal: number
}

export interface RecallCampaignIdInput {
  campaignId: string
}

export interface RecallCampaignsInput {
  after?: string | null
}

export const AUTOMATION_KINDS = ['welcome', 'trialEnding', 'renewalDue', 'silent', 'streakBroken'] as const
export type AutomationKind = (typeof AUTOMATION_KINDS)[number]

export interface AutomationView {
  kind: AutomationKind
  /** What it is, for the host (fixed). */
  label: string
  enabled: boolean
  title: string
  body: string
  /** welcome: a coupon campaign to give (null: none); streakBroken: always one make-up card. */
  gift: Gift | null
  sent: number
}

export interface UpdateAutomationInput {
  kind: AutomationKind
  enabled?: boolean
  title?: string
  body?: string
  /** Only the welcome automation takes a gift: a coupon campaign, or null for none. */
  couponCampaignId?: string | null
}
