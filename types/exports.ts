// Background CSV exports for the host: members, check-ins (with photo links),
// orders and refunds, the points ledger. host.startExport makes a job; the cron
// job writes it in batches across runs and assembles one file; host.exports
// lists the jobs with their progress and, when done, a download link.
import type { PageInput } from './page'

export type ExportKind = 'members' | 'checkins' | 'orders' | 'points'

export const EXPORT_KINDS: ExportKind[] = ['members', 'checkins', 'orders', 'points']

export const EXPORT_LABELS: Record<ExportKind, string> = { members: '成员名单', checkins: '打卡记录', orders: '订单与退款', points: '积分流水' }

export interface ExportFilters {
  /** Only rows made at or after this time (joined, posted, ordered, booked). */
  from?: number
  /** Only rows made before this time. */
  to?: number
}

export interface StartExportInput {
  kind: ExportKind
  filters?: ExportFilters
}

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed'

export interface ExportJobView {
  id: string
  kind: ExportKind
  /** e.g. 成员名单 */
  label: string
  status: ExportStatus
  /** Data rows written so far. */
  rowsDone: number
  /** Documents to read when the job started (rows may be fewer after filters). */
  estimatedTotal: number
  createdAt: number
  finishedAt: number | null
  /** e.g. 成员名单-20261123-1000.csv */
  fileName: string
  /** When done: a link to download the file (CloudBase: a temporary link, valid for a few hours). */
  url: string | null
  /** When failed: why. */
  error: string | null
}

export type ExportsInput = PageInput
