// 完成报告: what a member who completed a challenge gets — their calendar,
// streaks, days done against the rule, a before/after pair of their own photos,
// the host's 点评, and their invite code for the poster that invites friends.
// Own report only; a member who has not completed is refused. Reads: the
// challenge, the participant (done days, streaks: kept on it at every check-in),
// the member's own check-ins here through the memberChallenge index (≤ 100 a
// page, one page for challenges up to 100 days), the community settings and
// the invite code (on the member document the router read).
import type { CompletionReport, CompletionReportInput, ReportPhoto, ReportReview } from '../../../types/completion'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import { FACTS, type FactDoc } from '../facts/facts'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import type { MemberDoc } from '../members/member'
import { loadCommunity } from '../community/settings'
import { inviteCodeOf } from '../leaderboard/referral'
import { deliver } from '../inbox/inbox'
import { chinaDate } from '../time/china-calendar'
import { loadChallenge, phaseOn } from './challenge'
import { CHECKINS, type CheckinDoc } from './checkin'
import { completionRuleOf, countedDates, reviewFails } from './completion'
import { PARTICIPANTS, participantId, type ParticipantDoc } from './participant'
import { computeStreaks } from './streaks'

/** Pages of 100 of the member's own check-ins read at most (a 365-day challenge has at most 365). */
const MAX_PAGES = 4
/** Characters of the member's own words on the poster. */
const QUOTE_CHARS = 60

/** The route of the report page (src/services/routes.ts COMPLETION_REPORT_PAGE), for the inbox message. */
export const REPORT_PATH = '/packages/challenge-report/index/index'
export const reportPath = (challengeId: string) => `${REPORT_PATH}?id=${encodeURIComponent(challengeId)}`

/** The grades as the host's review stores them, in the words the report shows. */
const GRADE_LABELS: Record<string, string> = { excellent: '优秀', pass: '合格', fail: '不合格' }

/** The review on a check-in, read defensively: another capability writes it; anything of another shape reads as none. */
function reviewOf(checkin: CheckinDoc): ReportReview | null {
  const review = (checkin as CheckinDoc & { review?: unknown }).review
  if (typeof review !== 'object' || review === null) return null
  const r = review as { grade?: unknown; comment?: unknown; reviewedAt?: unknown }
  const grade = typeof r.grade === 'string' ? (GRADE_LABELS[r.grade] ?? r.grade) : ''
  const comment = typeof r.comment === 'string' ? r.comment : ''
  if (!grade && !comment) return null
  return { checkinId: checkin._id, date: checkin.date, grade, comment, reviewedAt: typeof r.reviewedAt === 'number' ? r.reviewedAt : checkin.createdAt }
}

async function ownCheckins(runtime: Runtime, challengeId: string, openid: string): Promise<CheckinDoc[]> {
  const checkins = runtime.store.collection<CheckinDoc>(CHECKINS)
  const all: CheckinDoc[] = []
  let after: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    // The memberChallenge index (challengeId, openid, status, createdAt): every status, so reviews of hidden ones count too.
    const found = await checkins.find(
      { challengeId, openid },
      {
        sort: [
          ['status', 'asc'],
          ['createdAt', 'desc']
        ],
        limit: 100,
        after
      }
    )
    all.push(...found.items)
    if (!found.next) break
    after = found.next
  }
  return all
}

function photoOf(runtime: Runtime, checkin: CheckinDoc | undefined): ReportPhoto | null {
  if (!checkin) return null
  return { url: runtime.files.urlFor(checkin.photoFileIds[0]), date: checkin.date, dayNumber: checkin.dayNumber ?? 0 }
}

export async function completionReport(runtime: Runtime, caller: Caller, member: MemberDoc, input: CompletionReportInput, now: number): Promise<CompletionReport> {
  if (input.memberOpenid !== undefined && input.memberOpenid !== caller.openid) throw new AppError('FORBIDDEN', '只能查看自己的完成报告')
  const challenge = await loadChallenge(runtime, input.challengeId)
  const [participant, checkins, community, inviteCode] = await Promise.all([
    runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challenge._id, caller.openid)),
    ownCheckins(runtime, challenge._id, caller.openid),
    loadCommunity(runtime),
    inviteCodeOf(runtime, caller.openid, member)
  ])
  if (!participant) throw new AppError('FORBIDDEN', '你还没有参加这个挑战，完成后才有完成报告')
  // A day the host graded 不合格 does not count: from the reviews themselves as well as the participant's list.
  const failed = new Set([...(participant.failedDates ?? []), ...checkins.filter((c) => reviewFails((c as CheckinDoc & { review?: unknown }).review)).map((c) => c.date)])
  const rule = completionRuleOf(challenge)
  const counted = countedDates(rule, participant, failed)
  if (counted.length < rule.completionDays) {
    throw new AppError('FORBIDDEN', `完成挑战后才能查看完成报告（已完成 ${counted.length}/${rule.completionDays} 天）`)
  }
  const today = chinaDate(now)
  const doneDates = [...new Set(participant.doneDates)].sort()
  const makeups = new Set(participant.makeupDates)
  const streaks = computeStreaks(doneDates, today < challenge.endDate ? today : challenge.endDate)
  // Before and after: the first and the last of the member's own photos here, by day (visible check-ins only: the poster is shown to others).
  const withPhotos = checkins.filter((c) => c.status === 'visible' && c.photoFileIds.length > 0).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt))
  const first = withPhotos[0]
  const last = withPhotos.length > 1 ? withPhotos[withPhotos.length - 1] : undefined
  // The testimonial: the member's latest visible words here (the list is newest first within each status).
  const said = checkins.filter((c) => c.status === 'visible' && c.text.trim()).sort((a, b) => b.createdAt - a.createdAt || (a.date < b.date ? 1 : -1))[0]
  const chars = Array.from(said?.text.trim() ?? '')
  const quote = chars.length > QUOTE_CHARS ? `${chars.slice(0, QUOTE_CHARS).join('')}…` : chars.join('')
  const reviews = checkins
    .map(reviewOf)
    .filter((r): r is ReportReview => r !== null)
    .sort((a, b) => b.reviewedAt - a.reviewedAt)
  const qrImage = await runtime.miniCodes.inviteImage(inviteCode).catch((error: unknown) => {
    console.error('[completionReport] invite QR unavailable:', (error as Error)?.message ?? error)
    return ''
  })
  return {
    challengeId: challenge._id,
    challengeTitle: challenge.title,
    communityName: community.name,
    member: { nickname: member.nickname, avatarUrl: member.avatarFileId ? runtime.files.urlFor(member.avatarFileId) : '' },
    startDate: challenge.startDate,
    endDate: challenge.endDate,
    days: challenge.days,
    completionDays: rule.completionDays,
    makeupsCount: rule.makeupsCount,
    daysDone: doneDates.length,
    daysCounted: counted.length,
    makeupDays: doneDates.filter((d) => makeups.has(d)).length,
    doneDays: doneDates.map((date) => ({ date, makeup: makeups.has(date) })),
    longestStreak: Math.max(streaks.longest, participant.longestStreak),
    currentStreak: streaks.current,
    completedAt: participant.completedAt,
    challengeEnded: phaseOn(challenge, today) === 'ended',
    before: photoOf(runtime, first),
    after: photoOf(runtime, last),
    quote,
    reviews,
    inviteCode,
    shareUrl: runtime.miniCodes.shareUrl(inviteCode),
    qrImage
  }
}

interface CursorDoc {
  _id: string
  /** challenge.completed facts from this instant on are the queue (the last one told when it was last emptied). */
  at: number
  /** The page cursor within the queue while a run stopped half way. */
  after: string | null
  /** Facts of the instant `seenAt` (the latest told) already told: read again from `at` (a late commit of that instant is not missed) but skipped without a request. */
  seenAt?: number
  seen?: string[]
}

const CURSOR_ID = 'completion-notices-cursor'
/** Completers told per run: about 4 requests each (a transaction that reads the message id and inserts it), so a run stays near 200. */
export const COMPLETERS_PER_RUN = 50

/**
 * The cron step that tells completers their report is ready: a message in 消息
 * that opens it, once per member and challenge (the message id is its key).
 * It walks the challenge.completed facts in order from a cursor (index
 * domain_events.typeTime), so the check-in that met the rule pays nothing for it.
 */
export async function tellCompleters(runtime: Runtime): Promise<Record<string, number>> {
  const now = runtime.clock.now()
  const state = runtime.store.collection<CursorDoc>(COLLECTIONS.settings.name)
  const cursor = (await state.get(CURSOR_ID)) ?? { _id: CURSOR_ID, at: 0, after: null }
  const page = await runtime.store
    .collection<FactDoc<'challenge.completed'>>(FACTS)
    .find({ type: 'challenge.completed', createdAt: { $gte: cursor.at } }, { sort: [['createdAt', 'asc']], limit: COMPLETERS_PER_RUN, after: cursor.after })
  const report = { told: 0 }
  if (page.items.length === 0) return report
  let seenAt = cursor.seenAt ?? -1
  let seen = cursor.seen ?? []
  for (const fact of page.items) {
    if (fact.createdAt === seenAt && seen.includes(fact._id)) continue
    const delivered = await deliver(runtime, {
      key: `auto:challengeCompleted:${fact.payload.challengeId}:${fact.openid}`,
      openid: fact.openid,
      title: '恭喜完成挑战！',
      body: `你完成了「${fact.payload.challengeTitle}」。完成报告已生成：打卡日历、前后对比和专属海报，邀请好友一起来挑战吧。`,
      action: { kind: 'page', path: reportPath(fact.payload.challengeId) },
      giftLabel: null,
      source: 'auto:challengeCompleted',
      now
    })
    if (delivered) report.told++
    if (fact.createdAt > seenAt) [seenAt, seen] = [fact.createdAt, []]
    seen = [...seen, fact._id]
  }
  const next: CursorDoc = page.next ? { _id: CURSOR_ID, at: cursor.at, after: page.next, seenAt, seen } : { _id: CURSOR_ID, at: page.items[page.items.length - 1].createdAt, after: null, seenAt, seen }
  if (JSON.stringify(next) !== JSON.stringify({ ...cursor, seenAt: cursor.seenAt ?? -1, seen: cursor.seen ?? [] })) await state.set(next)
  return report
}
