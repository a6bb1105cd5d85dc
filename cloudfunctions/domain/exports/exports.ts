// Background CSV exports. host.startExport stores a job; the cron job writes
// it part by part across runs and then assembles one file:
//
// - A part is PART_ROWS documents read by keyset pages of 100 from the job's
//   cursor. It is stored as a document (`<job>:<seq>`) in the same transaction
//   that moves the job's cursor on, guarded by the cursor it was read from, so a
//   run that is retried or overlaps another writes each part once: nothing is
//   duplicated, nothing skipped.
// - A run writes at most RUN_ROWS rows (a bounded number of requests, well
//   inside the cron function's timeout), so 100,000 rows take several runs and
//   no run holds them all.
// - When every source is read, the parts are read back in order behind one BOM
//   and one header, stored as one file (files port: exports/<job>.csv), and the
//   job is done. Its parts are removed afterwards, a batch a run.
import { randomUUID } from 'node:crypto'
import { EXPORT_LABELS, type ExportFilters, type ExportJobView, type ExportKind, type ExportStatus, type ExportsInput, type StartExportInput } from '../../../types/exports'
import type { Page } from '../../../types/page'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { chinaTime } from '../../ports/clock'
import type { BaseDoc } from '../../ports/store'
import { BOM, csvLine } from './csv'
import { EXPORTS } from './sources'

export const EXPORT_JOBS = COLLECTIONS.export_jobs.name
export const EXPORT_PARTS = COLLECTIONS.export_parts.name

/** Documents per store page (the store's most). */
export const PAGE_ROWS = 100
/** Documents per stored part: 20 pages. */
export const PART_ROWS = 2_000
/** Documents a cron run reads at most (across jobs): about 100 page reads and 5 part writes. */
export const RUN_ROWS = 10_000
/** Parts read back per request when assembling. */
const ASSEMBLE_PAGE = 10
/** Parts removed per run after a job is done. */
const CLEANUP_PER_RUN = 50
/** Consecutive failed runs after which a job is given up. */
const MAX_FAILURES = 3
/** Open jobs one host may have at a time (any kind). */
const MAX_OPEN = 4

/** 'cleaning': done, its parts still being removed (shown as done). */
type StoredStatus = ExportStatus | 'cleaning'

export interface ExportJobDoc {
  _id: string
  kind: ExportKind
  filters: ExportFilters
  status: StoredStatus
  requestedBy: string
  /** Which of the kind's sources is being read, and where in it. */
  source: number
  cursor: string | null
  /** Parts written so far. */
  seq: number
  rowsDone: number
  estimatedTotal: number
  createdAt: number
  updatedAt: number
  finishedAt: number | null
  fileId: string | null
  fileName: string
  error: string | null
  failures: number
  /** Parts removed after the file was made. */
  cleaned: number
}

export interface ExportPartDoc {
  _id: string // `${jobId}:${seq}`, seq zero-padded
  jobId: string
  seq: number
  rows: number
  csv: string
  createdAt: number
}

const partId = (jobId: string, seq: number) => `${jobId}:${String(seq).padStart(6, '0')}`

function fileNameOf(kind: ExportKind, now: number): string {
  return `${EXPORT_LABELS[kind]}-${chinaTime(now).format('YYYYMMDD-HHmm')}.csv`
}

function view(doc: ExportJobDoc, url: string | null): ExportJobView {
  return {
    id: doc._id,
    kind: doc.kind,
    label: EXPORT_LABELS[doc.kind],
    status: doc.status === 'cleaning' ? 'done' : doc.status,
    rowsDone: doc.rowsDone,
    estimatedTotal: Math.max(doc.estimatedTotal, doc.rowsDone),
    createdAt: doc.createdAt,
    finishedAt: doc.finishedAt,
    fileName: doc.fileName,
    url,
    error: doc.error
  }
}

const isOpen = (status: StoredStatus) => status === 'queued' || status === 'running'

export async function startExport(runtime: Runtime, caller: Caller, input: StartExportInput, now: number): Promise<ExportJobView> {
  const filters: ExportFilters = { ...(input.filters?.from !== undefined ? { from: input.filters.from } : {}), ...(input.filters?.to !== undefined ? { to: input.filters.to } : {}) }
  if (filters.from !== undefined && filters.to !== undefined && filters.to <= filters.from) throw new AppError('INVALID_INPUT', '结束时间需晚于开始时间', 'filters.to')
  const jobs = runtime.store.collection<ExportJobDoc>(EXPORT_JOBS)
  const open = (await jobs.find({ status: { $in: ['queued', 'running'] } }, { sort: [['createdAt', 'asc']], limit: 20 })).items
  // The same export already under way is the answer (a double tap starts one job).
  const same = open.find((j) => j.kind === input.kind && JSON.stringify(j.filters) === JSON.stringify(filters))
  if (same) return view(same, null)
  if (open.length >= MAX_OPEN) throw new AppError('CONFLICT', `已有 ${open.length} 个导出在进行，请等它们完成后再导出`)
  const counts = await Promise.all(EXPORTS[input.kind].sources.map((s) => runtime.store.collection(s.collection).count({})))
  const doc: ExportJobDoc = {
    _id: randomUUID(),
    kind: input.kind,
    filters,
    status: 'queued',
    requestedBy: caller.openid,
    source: 0,
    cursor: null,
    seq: 0,
    rowsDone: 0,
    estimatedTotal: counts.reduce((a, b) => a + b, 0),
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    fileId: null,
    fileName: fileNameOf(input.kind, now),
    error: null,
    failures: 0,
    cleaned: 0
  }
  await jobs.insert(doc)
  return view(doc, null)
}

export async function listExports(runtime: Runtime, input: ExportsInput): Promise<Page<ExportJobView>> {
  const page = await runtime.store.collection<ExportJobDoc>(EXPORT_JOBS).find({}, { sort: [['createdAt', 'desc']], limit: 20, after: input.after })
  const done = page.items.filter((j) => j.fileId && (j.status === 'done' || j.status === 'cleaning'))
  const urls = await runtime.files.downloadUrls(done.map((j) => j.fileId!))
  const byId = new Map(done.map((j, i) => [j._id, urls[i] || null]))
  return { items: page.items.map((j) => view(j, byId.get(j._id) ?? null)), next: page.next }
}

interface Budget {
  rows: number
}

/** Reads one part from the job's cursor and stores it with the job's new cursor; false when another run got there first. */
async function writePart(runtime: Runtime, job: ExportJobDoc, budget: Budget): Promise<ExportJobDoc | null> {
  const definition = EXPORTS[job.kind]
  const source = definition.sources[job.source]
  const collection = runtime.store.collection<BaseDoc>(source.collection)
  let cursor = job.cursor
  let read = 0
  let csv = ''
  let rows = 0
  let exhausted = false
  const { from, to } = job.filters
  while (read < PART_ROWS) {
    const page = await collection.find({}, { limit: PAGE_ROWS, after: cursor })
    read += page.items.length
    const kept = page.items.filter((doc) => {
      const at = source.at(doc)
      return (from === undefined || at >= from) && (to === undefined || at < to)
    })
    for (const cells of await source.rows(runtime, kept)) csv += csvLine(cells)
    rows += kept.length
    if (!page.next) {
      exhausted = true
      break
    }
    cursor = page.next
  }
  budget.rows -= read
  const now = runtime.clock.now()
  const next: Pick<ExportJobDoc, 'source' | 'cursor' | 'seq' | 'rowsDone' | 'status' | 'updatedAt' | 'failures'> = {
    source: exhausted ? job.source + 1 : job.source,
    cursor: exhausted ? null : cursor,
    seq: job.seq + (rows > 0 ? 1 : 0),
    rowsDone: job.rowsDone + rows,
    status: 'running',
    updatedAt: now,
    failures: 0
  }
  const moved = await runtime.store.transaction(async (tx) => {
    const fresh = await tx.collection<ExportJobDoc>(EXPORT_JOBS).get(job._id)
    if (!fresh || !isOpen(fresh.status) || fresh.seq !== job.seq || fresh.source !== job.source || fresh.cursor !== job.cursor) return false
    if (rows > 0) await tx.collection<ExportPartDoc>(EXPORT_PARTS).insert({ _id: partId(job._id, job.seq), jobId: job._id, seq: job.seq, rows, csv, createdAt: now })
    await tx.collection<ExportJobDoc>(EXPORT_JOBS).update(job._id, { set: next })
    return true
  })
  return moved ? { ...job, ...next } : null
}

/** Every source read: the parts behind one BOM and header, stored as one file; the job is done. */
async function assemble(runtime: Runtime, job: ExportJobDoc): Promise<boolean> {
  const pieces: string[] = [BOM, csvLine(EXPORTS[job.kind].header)]
  let after: string | null = null
  let rows = 0
  do {
    const page = await runtime.store.collection<ExportPartDoc>(EXPORT_PARTS).find({ jobId: job._id }, { sort: [['seq', 'asc']], limit: ASSEMBLE_PAGE, after })
    for (const part of page.items) {
      pieces.push(part.csv)
      rows += part.rows
    }
    after = page.next
  } while (after)
  if (rows !== job.rowsDone) throw new Error(`export ${job._id}: parts hold ${rows} rows, the job counted ${job.rowsDone}`)
  const fileId = await runtime.files.saveExport(`${job._id}.csv`, Buffer.from(pieces.join(''), 'utf8'))
  const now = runtime.clock.now()
  return runtime.store
    .collection<ExportJobDoc>(EXPORT_JOBS)
    .updateIf(job._id, { status: 'running', seq: job.seq }, { set: { status: job.seq > 0 ? 'cleaning' : 'done', fileId, finishedAt: now, updatedAt: now } })
}

/** Removes a done job's parts, a batch a run. */
async function cleanUp(runtime: Runtime, job: ExportJobDoc): Promise<number> {
  const parts = runtime.store.collection<ExportPartDoc>(EXPORT_PARTS)
  const end = Math.min(job.seq, job.cleaned + CLEANUP_PER_RUN)
  for (let seq = job.cleaned; seq < end; seq++) await parts.remove(partId(job._id, seq))
  await runtime.store.collection<ExportJobDoc>(EXPORT_JOBS).update(job._id, { set: { cleaned: end, ...(end >= job.seq ? { status: 'done' } : {}) } })
  return end - job.cleaned
}

/**
 * The cron job: moves the oldest open exports on by at most RUN_ROWS documents
 * in all, assembles those fully read, and clears the parts of finished ones.
 */
export async function runExports(runtime: Runtime, options: { rows?: number } = {}): Promise<{ rows: number; parts: number; files: number; removed: number; failed: number }> {
  const jobs = runtime.store.collection<ExportJobDoc>(EXPORT_JOBS)
  const open = (await jobs.find({ status: { $in: ['queued', 'running', 'cleaning'] } }, { sort: [['createdAt', 'asc']], limit: 5 })).items
  const budget: Budget = { rows: options.rows ?? RUN_ROWS }
  const counts = { rows: 0, parts: 0, files: 0, removed: 0, failed: 0 }
  for (let job of open) {
    if (job.status === 'cleaning') {
      counts.removed += await cleanUp(runtime, job)
      continue
    }
    try {
      const sources = EXPORTS[job.kind].sources.length
      while (job.source < sources && budget.rows > 0) {
        const moved = await writePart(runtime, job, budget)
        if (!moved) break
        counts.rows += moved.rowsDone - job.rowsDone
        if (moved.seq > job.seq) counts.parts++
        job = moved
      }
      if (job.source >= sources && budget.rows > 0 && (await assemble(runtime, job))) counts.files++
    } catch (error) {
      console.error(`[exports] job ${job._id} failed`, error)
      const failures = job.failures + 1
      await jobs.update(job._id, { set: { failures, ...(failures >= MAX_FAILURES ? { status: 'failed', error: '导出失败，请重试', finishedAt: runtime.clock.now() } : {}) } })
      if (failures >= MAX_FAILURES) counts.failed++
    }
    if (budget.rows <= 0) break
  }
  return counts
}
