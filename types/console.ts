// The host's console: the numbers on the hub (today, the last 7 days and the 7
// before), kept by the timer as one daily_stats document per China day.

/** One China day's numbers, as the timer keeps them (members only: staff are left out of member counts). */
export interface DailyStats {
  /** The China date 'YYYY-MM-DD'. */
  day: string
  /** Distinct members who checked in, commented, liked or paid that day. */
  active: number
  /** Check-ins posted that day. */
  checkins: number
  /** Distinct members who checked in that day. */
  checkinMembers: number
  /** Members who joined that day. */
  newMembers: number
  /** Free trials started that day. */
  trials: number
  /** Members whose first payment ever was that day. */
  conversions: number
  /** Paid that day, in fen (payments refunded at once because their order had closed are left out). */
  revenueFen: number
  /** Refunds requested that day (not failed): how many and fen. */
  refunds: number
  refundFen: number
  /** Paid memberships that extended one still running (not the member's first payment). */
  renewals: number
  /** Distinct members active in the 7 days ending that day, as the day's last timer run saw it. */
  active7: number
  /** When the timer last recomputed the day. */
  updatedAt: number
}

export type DashboardMetric = 'active' | 'checkins' | 'checkinRate' | 'newMembers' | 'trials' | 'conversions' | 'revenueFen' | 'refunds' | 'refundFen' | 'renewals'

export interface DashboardFigure {
  today: number
  /** The last 7 days (today included): a sum, except active (distinct members) and checkinRate (a rate). */
  last7: number
  /** The 7 days before those. */
  prev7: number
}

export interface DashboardView {
  /** Today's China date. */
  today: string
  /** The figures by metric. checkinRate is in per mille (0–1000): members who checked in / active members. */
  figures: Record<DashboardMetric, DashboardFigure>
  /** What waits for the host now. */
  pending: {
    /** Open reports plus check-ins held for review. */
    moderation: number
    /** Physical redemptions awaiting shipment. */
    shipments: number
    /** Payments flagged in the last 7 days. */
    flaggedPayments: number
    /** Circle memberships (paid or trial) ending in the next 7 days. */
    renewalsDue: number
  }
  /** When the timer last updated today's numbers (null: not yet today). */
  updatedAt: number | null
}
