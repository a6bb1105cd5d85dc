// What hosts do to keep the wall good: feature testimonials (精选), hide
// check-ins and comments, and work through what members reported.
import type { Author, CheckinView, IntegrityMatchView, ReportInput, ReportView, ResolveReportInput } from '../../../types/checkin'
import type { Page, PageInput } from '../../../types/page'
import { isConflict } from '../../ports/store'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { recordFact } from '../facts/facts'
import { CHECKINS, HELD_FOR_REVIEW, loadVisibleCheckin, type CheckinDoc } from './checkin'
import { takeDownComment } from './comment'
import { COMMENTS, type CommentDoc } from './comment-doc'
import { PARTICIPANTS, participantId, type ParticipantDoc } from './participant'
import { REPORTS, type ReportDoc } from './report-doc'
import { authorsOf, checkinView } from './views'

export const REPORT_MARKS = COLLECTIONS.reportMarks.name

async function loadCheckin(runtime: Runtime, checkinId: string): Promise<CheckinDoc> {
  const checkin = await runtime.store.collection<CheckinDoc>(CHECKINS).get(checkinId)
  if (!checkin) throw errors.notFound('打卡')
  return checkin
}

export async function featureCheckin(runtime: Runtime, caller: Caller, checkinId: string, featured: boolean, now: number): Promise<CheckinView> {
  const checkin = await loadCheckin(runtime, checkinId)
  if (featured && checkin.status !== 'visible') throw new AppError('CONFLICT', '只能精选公开可见的打卡')
  await runtime.store.transaction(async (tx) => {
    await tx.collection<CheckinDoc>(CHECKINS).update(checkinId, { set: { featured, featuredAt: featured ? (checkin.featuredAt ?? now) : null } })
    if (featured) await recordFact(tx, { type: 'checkin.featured', key: checkinId, openid: checkin.openid, refId: checkinId, at: now })
  })
  return checkinView(runtime, caller, await loadCheckin(runtime, checkinId))
}

/** Hides a check-in (or shows it again). A hidden day no longer counts toward the author's progress. */
export async function setCheckinHidden(runtime: Runtime, checkinId: string, hidden: boolean, reason: string, now: number): Promise<void> {
  await runtime.store.transaction(async (tx) => {
    const checkins = tx.collection<CheckinDoc>(CHECKINS)
    const checkin = await checkins.get(checkinId)
    if (!checkin) throw errors.notFound('打卡')
    if ((checkin.status === 'hidden') === hidden) return
    const status = hidden ? 'hidden' : checkin.pendingChecks > 0 ? 'pending' : 'visible'
    await checkins.update(checkinId, { set: { status, hiddenReason: hidden ? reason : '', ...(hidden ? { featured: false, featuredAt: null } : {}) } })
    const participants = tx.collection<ParticipantDoc>(PARTICIPANTS)
    const participant = await participants.get(participantId(checkin.challengeId, checkin.openid))
    if (participant) {
      const doneDates = hidden ? participant.doneDates.filter((d) => d !== checkin.date) : [...new Set([...participant.doneDates, checkin.date])].sort()
      await participants.update(participant._id, { set: { doneDates } })
    }
    if (hidden) {
      await recordFact(tx, { type: 'checkin.revoked', key: checkinId, openid: checkin.openid, refId: checkinId, payload: { reason, challengeId: checkin.challengeId }, at: now })
    }
  })
}

/**
 * The host's decision on a check-in the photo integrity job held. Approved: it goes up on the wall (or back to waiting for
 * WeChat's image check), keeping its day and points. Rejected: it was hidden above (setCheckinHidden: the day leaves the
 * member's progress and its points are taken back); the verdict is kept for the record.
 */
async function decideIntegrity(runtime: Runtime, checkinId: string, status: 'approved' | 'rejected', now: number): Promise<void> {
  const checkins = runtime.store.collection<CheckinDoc>(CHECKINS)
  const checkin = await checkins.get(checkinId)
  if (!checkin?.integrity || checkin.integrity.status !== 'held') return
  const integrity = { ...checkin.integrity, status, decidedAt: now }
  if (status === 'approved' && checkin.status === 'pending') {
    await checkins.updateIf(checkinId, { status: 'pending' }, { set: { integrity, status: checkin.pendingChecks > 0 ? 'pending' : 'visible', hiddenReason: '' } })
  } else {
    await checkins.update(checkinId, { set: { integrity } })
  }
}

/** The host found nothing wrong with a check-in held while the content check was down: it goes up on the wall. */
async function publishHeld(runtime: Runtime, checkinId: string): Promise<void> {
  await runtime.store.collection<CheckinDoc>(CHECKINS).updateIf(checkinId, { status: 'pending', hiddenReason: HELD_FOR_REVIEW, pendingChecks: 0 }, { set: { status: 'visible', hiddenReason: '' } })
}

export async function hideCheckin(runtime: Runtime, caller: Caller, checkinId: string, hidden: boolean, now: number): Promise<CheckinView> {
  await setCheckinHidden(runtime, checkinId, hidden, '主理人隐藏', now)
  return checkinView(runtime, caller, await loadCheckin(runtime, checkinId))
}

export async function hideComment(runtime: Runtime, commentId: string): Promise<{ hidden: true }> {
  const comment = await runtime.store.collection<CommentDoc>(COMMENTS).get(commentId)
  if (!comment || comment.status === 'deleted') throw errors.notFound('评论')
  await takeDownComment(runtime, commentId, 'hidden')
  return { hidden: true }
}

export async function report(runtime: Runtime, caller: Caller, input: ReportInput, now: number): Promise<{ reported: true }> {
  if (input.targetType === 'checkin') await loadVisibleCheckin(runtime, input.targetId, caller)
  else {
    const comment = await runtime.store.collection<CommentDoc>(COMMENTS).get(input.targetId)
    if (!comment || comment.status !== 'visible') throw errors.notFound('评论')
  }
  const reportId = `${input.targetType}:${input.targetId}`
  try {
    await runtime.store.transaction(async (tx) => {
      // One mark per reporter and target: reporting twice counts once.
      await tx.collection(REPORT_MARKS).insert({ _id: `${reportId}:${caller.openid}`, createdAt: now } as { _id: string })
      const reports = tx.collection<ReportDoc>(REPORTS)
      const existing = await reports.get(reportId)
      if (existing) {
        await reports.update(reportId, { set: { reason: input.reason.trim(), status: 'open', resolution: null, updatedAt: now }, inc: { reporterCount: 1 } })
      } else {
        await reports.insert({
          _id: reportId,
          targetType: input.targetType,
          targetId: input.targetId,
          reason: input.reason.trim(),
          reporterCount: 1,
          status: 'open',
          resolution: null,
          createdAt: now,
          updatedAt: now
        })
      }
    })
  } catch (error) {
    if (!isConflict(error)) throw error
  }
  return { reported: true }
}

async function reportViews(runtime: Runtime, reports: ReportDoc[]): Promise<ReportView[]> {
  const checkins = new Map<string, CheckinDoc>()
  const comments = new Map<string, CommentDoc>()
  for (const r of reports) {
    if (r.targetType === 'checkin') {
      const c = await runtime.store.collection<CheckinDoc>(CHECKINS).get(r.targetId)
      if (c) checkins.set(r.targetId, c)
    } else {
      const c = await runtime.store.collection<CommentDoc>(COMMENTS).get(r.targetId)
      if (c) comments.set(r.targetId, c)
    }
  }
  const authors = await authorsOf(runtime, [
    ...[...checkins.values(), ...comments.values()].map((d) => d.openid),
    ...[...checkins.values()].flatMap((c) => (c.integrity?.matches ?? []).map((m) => m.matchOpenid))
  ])
  return reports.map((r) => {
    const target = r.targetType === 'checkin' ? checkins.get(r.targetId) : comments.get(r.targetId)
    const photos = r.targetType === 'checkin' ? (checkins.get(r.targetId)?.photoFileIds ?? []).map((fileId) => ({ fileId, url: runtime.files.urlFor(fileId) })) : []
    return {
      id: r._id,
      targetType: r.targetType,
      targetId: r.targetId,
      reason: r.reason,
      reporterCount: r.reporterCount,
      status: r.status,
      resolution: r.resolution,
      createdAt: r.createdAt,
      preview: { text: target?.text ?? '（内容已删除）', author: target ? authors.get(target.openid)! : { openid: '', nickname: '', avatarUrl: '', badge: '' }, photos },
      ...(r.targetType === 'checkin' && checkins.get(r.targetId)?.integrity ? { matches: matchViews(runtime, checkins.get(r.targetId)!, authors) } : {})
    }
  })
}

/** Each held photo beside the earlier one it matched (the photo integrity job's finding). */
function matchViews(runtime: Runtime, checkin: CheckinDoc, authors: Map<string, Author>): IntegrityMatchView[] {
  return (checkin.integrity?.matches ?? []).map((m) => ({
    photo: { fileId: m.fileId, url: runtime.files.urlFor(m.fileId) },
    match: { fileId: m.matchFileId, url: runtime.files.urlFor(m.matchFileId) },
    matchCheckinId: m.matchCheckinId,
    matchAuthor: authors.get(m.matchOpenid) ?? { openid: m.matchOpenid, nickname: '', avatarUrl: '', badge: '' },
    matchDate: m.matchDate,
    distance: m.distance,
    sameMember: m.matchOpenid === checkin.openid
  }))
}

export async function moderationQueue(runtime: Runtime, input: PageInput): Promise<Page<ReportView>> {
  const page = await runtime.store.collection<ReportDoc>(REPORTS).find({ status: 'open' }, { sort: [['updatedAt', 'desc']], limit: 20, after: input.after })
  return { items: await reportViews(runtime, page.items), next: page.next }
}

export async function resolveReport(runtime: Runtime, input: ResolveReportInput, now: number): Promise<ReportView> {
  const reports = runtime.store.collection<ReportDoc>(REPORTS)
  const current = await reports.get(input.reportId)
  if (!current) throw errors.notFound('举报')
  if (input.resolution === 'hide') {
    if (current.targetType === 'checkin')
      await setCheckinHidden(
        runtime,
        current.targetId,
        true,
        current.reporterCount === 0 && current.reason.startsWith('疑似') ? '照片与之前的打卡重复，主理人审核未通过' : `举报处理：${current.reason}`,
        now
      )
    else await takeDownComment(runtime, current.targetId, 'hidden')
  } else if (current.targetType === 'checkin') {
    await publishHeld(runtime, current.targetId)
  }
  if (current.targetType === 'checkin') await decideIntegrity(runtime, current.targetId, input.resolution === 'hide' ? 'rejected' : 'approved', now)
  await reports.update(input.reportId, { set: { status: 'resolved', resolution: input.resolution === 'hide' ? 'hidden' : 'dismissed', updatedAt: now } })
  return (await reportViews(runtime, [(await reports.get(input.reportId))!]))[0]
}
