// A report in the host's moderation queue, as stored. Its own file so what holds
// a check-in for review (posting, the photo check) lists it in the queue without
// importing the moderation actions.
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { isConflict } from '../../ports/store'

export const REPORTS = COLLECTIONS.reports.name

export interface ReportDoc {
  _id: string
  targetType: 'checkin' | 'comment'
  targetId: string
  reason: string
  reporterCount: number
  status: 'open' | 'resolved'
  resolution: 'hidden' | 'dismissed' | null
  createdAt: number
  updatedAt: number
}

export const checkinReportId = (checkinId: string): string => `checkin:${checkinId}`

/**
 * Lists a check-in held for review in the host's moderation queue: an open report on it with no reporter, as a
 * member's report would be. Once: a report already there is left as it is.
 */
export async function reportHeldCheckin(runtime: Runtime, checkinId: string, reason: string, now: number): Promise<void> {
  const report: ReportDoc = { _id: checkinReportId(checkinId), targetType: 'checkin', targetId: checkinId, reason, reporterCount: 0, status: 'open', resolution: null, createdAt: now, updatedAt: now }
  try {
    await runtime.store.collection<ReportDoc>(REPORTS).insert(report)
  } catch (error) {
    if (!isConflict(error)) throw error
  }
}
