// The photo integrity job (cron): hashes the photos of new check-ins, looks
// each up among earlier photos by its band keys (one indexed query), and holds
// a check-in whose photo matches an earlier one by ANOTHER member, or by the
// same member on ANOTHER day, for the host's review. Its own photos and the
// same member's other photos of the same day never count: posting two shots of
// one workout is no offence.
//
// It runs here, not in the check-in request: decoding a phone photo takes
// 50–500 ms of CPU and the decoder ~60 KB of bundle, which only the cron
// function carries. A check-in with photos is marked `hashState: 'pending'` as
// it is stored (no extra request) and is visible at once; a match hides it
// within the minute the cron timer takes.
import type { Runtime } from '../../platform/runtime'
import { COLLECTIONS } from '../../platform/collections'
import { isConflict } from '../../ports/store'
import { CHECKINS, PINNED_PENDING, duplicateReason, type CheckinDoc, type IntegrityMatch } from '../checkin/checkin'
import { REPORTS, checkinReportId, reportHeldCheckin, type ReportDoc } from '../checkin/report-doc'
import { MEMBERS, type MemberDoc } from '../members/member'
import { CROPS, MAX_DISTANCE, bandKeys, hammingDistance, hashPhoto } from './photo-hash'

export const PHOTO_HASHES = COLLECTIONS.photoHashes.name

/** One band of one hash of one photo. */
export interface PhotoHashDoc {
  _id: string
  /** `${band}:${bits}`: the indexed key a near match shares. */
  k: string
  /** The whole 64-bit hash (16 hex digits) of this variant. */
  hash: string
  /** Index into CROPS: 0 the whole photo, then the cropped ones. */
  variant: number
  checkinId: string
  fileId: string
  openid: string
  date: string
  createdAt: number
}

/** Photos hashed per run: about 20 requests each (a lookup, 18 band documents), so the whole cron run stays inside its 500. */
export const PHOTOS_PER_RUN = 8
/** Candidates read per lookup: a crowd of near-identical pictures (all-white shots) cannot make a run unbounded. */
const CANDIDATES = 200

export interface IntegrityReport {
  checkins: number
  photos: number
  held: number
  [key: string]: number
}

/** Earlier photos near this hash, except this check-in's and the same member's of the same day. */
async function nearMatches(runtime: Runtime, checkin: CheckinDoc, fileId: string, hash: string): Promise<IntegrityMatch[]> {
  const page = await runtime.store.collection<PhotoHashDoc>(PHOTO_HASHES).find({ k: { $in: bandKeys(hash) } }, { sort: [['k', 'asc']], limit: CANDIDATES })
  const best = new Map<string, IntegrityMatch>()
  for (const candidate of page.items) {
    if (candidate.checkinId === checkin._id) continue
    if (candidate.openid === checkin.openid && candidate.date === checkin.date) continue
    const distance = hammingDistance(hash, candidate.hash)
    if (distance > MAX_DISTANCE) continue
    const key = `${candidate.checkinId}:${candidate.fileId}`
    const known = best.get(key)
    if (!known || distance < known.distance) {
      best.set(key, { fileId, matchCheckinId: candidate.checkinId, matchFileId: candidate.fileId, matchOpenid: candidate.openid, matchDate: candidate.date, distance })
    }
  }
  // Another member's photo first (the graver case), then the closest.
  return [...best.values()].sort((a, b) => Number(a.matchOpenid === checkin.openid) - Number(b.matchOpenid === checkin.openid) || a.distance - b.distance)
}

/** Keeps this photo's hashes for later lookups (keyed: a rerun writes nothing twice). */
async function remember(runtime: Runtime, checkin: CheckinDoc, index: number, fileId: string, hashes: string[], now: number): Promise<void> {
  const store = runtime.store.collection<PhotoHashDoc>(PHOTO_HASHES)
  for (const [variant, hash] of hashes.entries()) {
    for (const [band, k] of bandKeys(hash).entries()) {
      try {
        await store.insert({ _id: `${checkin._id}:${index}:${variant}:${band}`, k, hash, variant, checkinId: checkin._id, fileId, openid: checkin.openid, date: checkin.date, createdAt: now })
      } catch (error) {
        if (!isConflict(error)) throw error
      }
    }
  }
}

/**
 * Holds the check-in: pending (off the feed, 审核中 with the reason to its author), listed in the host's moderation
 * queue with the matches. Its day, streak and points stay while it waits; a rejection takes them back (moderation.ts).
 */
async function hold(runtime: Runtime, checkin: CheckinDoc, matches: IntegrityMatch[], now: number): Promise<void> {
  const sameMember = matches.every((m) => m.matchOpenid === checkin.openid)
  const reason = duplicateReason(sameMember)
  const visible = checkin.status === 'visible'
  await runtime.store.collection<CheckinDoc>(CHECKINS).update(checkin._id, {
    set: {
      ...(visible ? { status: 'pending', featured: false, featuredAt: null } : {}),
      ...(checkin.status !== 'hidden' ? { hiddenReason: reason } : {}),
      integrity: { status: 'held', matches: matches.slice(0, 9), heldAt: now },
      hashState: 'done'
    }
  })
  // Already hidden by a moderator: the finding is kept on it, nothing is left for the queue.
  if (checkin.status === 'hidden') return
  const reports = runtime.store.collection<ReportDoc>(REPORTS)
  const reportId = checkinReportId(checkin._id)
  const reportReason = sameMember ? '疑似重复使用旧照片' : '疑似盗用他人照片'
  if (await reports.get(reportId)) {
    await reports.update(reportId, { set: { reason: reportReason, status: 'open', resolution: null, updatedAt: now } })
  } else await reportHeldCheckin(runtime, checkin._id, reportReason, now)
  // Pinned on the author's wall as the content check's pending ones are, so they see it waiting.
  if (visible) {
    const members = runtime.store.collection<MemberDoc>(MEMBERS)
    const member = await members.get(checkin.openid)
    if (member) {
      await members.update(checkin.openid, { set: { pendingCheckins: [...(member.pendingCheckins ?? []).filter((p) => p !== checkin._id).slice(-(PINNED_PENDING - 1)), checkin._id] } })
    }
  }
}

/** One cron run: the oldest check-ins waiting, up to PHOTOS_PER_RUN photos. Idempotent: a rerun finds nothing new to write. */
export async function checkPhotoIntegrity(runtime: Runtime, options: { photos?: number } = {}): Promise<IntegrityReport> {
  const budget = options.photos ?? PHOTOS_PER_RUN
  const report: IntegrityReport = { checkins: 0, photos: 0, held: 0 }
  const checkins = runtime.store.collection<CheckinDoc>(CHECKINS)
  const waiting = await checkins.find({ hashState: 'pending' }, { sort: [['createdAt', 'asc']], limit: Math.max(1, budget) })
  for (const checkin of waiting.items) {
    // A check-in is hashed whole in one run (its photos may match each other's earlier ones).
    if (report.photos > 0 && report.photos + checkin.photoFileIds.length > budget) break
    const now = runtime.clock.now()
    const matches: IntegrityMatch[] = []
    for (const [index, fileId] of checkin.photoFileIds.entries()) {
      report.photos += 1
      const bytes = await runtime.files.read(fileId).catch((error) => {
        console.error('[integrity] cannot read', fileId, (error as Error)?.message ?? error)
        return null
      })
      const hashes = bytes ? hashPhoto(bytes) : null
      if (!hashes || hashes.length !== CROPS.length) continue
      matches.push(...(await nearMatches(runtime, checkin, fileId, hashes[0])))
      await remember(runtime, checkin, index, fileId, hashes, now)
    }
    report.checkins += 1
    if (matches.length > 0) {
      await hold(runtime, checkin, matches, now)
      report.held += 1
    } else {
      await checkins.update(checkin._id, { set: { hashState: 'done' } })
    }
  }
  return report
}
