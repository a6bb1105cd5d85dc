// Posting today's check-in, or filling a missed day with a make-up card (补卡).
// The check-in id is (challenge, member, China date), so a retry or fifty
// identical requests at once store one check-in, count one day and record each
// fact (posted, streak reached, completed) once; the others get the existing
// check-in back with duplicate: true.
import type { MakeupCheckinInput, PostCheckinInput, PostCheckinResult } from '../../../types/checkin'
import { isConflict, type Transaction } from '../../ports/store'
import { REJECTED_TEXT_MESSAGE } from '../../ports/content-safety'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { COLLECTIONS } from '../../platform/collections'
import { FACTS, type FactDoc, type FactPayloads, type FactType } from '../facts/facts'
import { MEMBERS, type MemberDoc } from '../members/member'
import { addDays, chinaDate } from '../time/china-calendar'
import { chinaTime } from '../../ports/clock'
import { CHALLENGES, isWindowOpen, isWithinChallenge, loadChallenge, phaseOn, type ChallengeDoc } from './challenge'
import { CHECKINS, HELD_FOR_REVIEW, PINNED_PENDING, checkinId, type CheckinDoc } from './checkin'
import { MAKEUP_WINDOW_DAYS, PARTICIPANTS, challengeCardsLeft, joinDateOf, makeupCardsLeft, newParticipant, participantId, progressOf, type ParticipantDoc } from './participant'
import { WALLETS, type WalletDoc } from '../growth/wallet'
import { assertMayTakePart } from './participation'
import { reportHeldCheckin } from './report-doc'
import { computeStreaks } from './streaks'
import { checkGeofence } from '../integrity/geofence'
import { isCompleted } from './completion'
import { checkinView, checkinViews } from './views'

export const MEDIA_CHECKS = COLLECTIONS.mediaChecks.name

export interface MediaCheckDoc {
  _id: string // WeChat's trace id
  checkinId: string
  fileId: string
  verdict: 'pending' | 'pass' | 'risky'
  createdAt: number
  resolvedAt: number | null
}

function checkRequirements(challenge: ChallengeDoc, text: string, photoCount: number): void {
  const length = [...text.trim()].length
  if (length < challenge.minTextLength) throw new AppError('INVALID_INPUT', `打卡内容至少需要 ${challenge.minTextLength} 个字（现在 ${length} 个）`, 'text')
  if (photoCount < challenge.minPhotos) throw new AppError('INVALID_INPUT', `请至少上传 ${challenge.minPhotos} 张图片`, 'photoFileIds')
  if (photoCount > challenge.maxPhotos) throw new AppError('INVALID_INPUT', challenge.maxPhotos === 0 ? '这个挑战不需要上传图片' : `最多上传 ${challenge.maxPhotos} 张图片`, 'photoFileIds')
}

/** What the app shows after posting: the check-in as others will see it and the member's progress, from what is in hand. */
async function result(
  runtime: Runtime,
  caller: Caller,
  member: MemberDoc,
  challenge: ChallengeDoc,
  checkin: CheckinDoc,
  participant: ParticipantDoc | null,
  walletCards: number | null,
  duplicate: boolean,
  now: number
): Promise<PostCheckinResult> {
  const cards = walletCards ?? (await runtime.store.collection<WalletDoc>(WALLETS).get(caller.openid))?.makeupCards ?? 0
  const view = duplicate ? await checkinView(runtime, caller, checkin) : (await checkinViews(runtime, caller, [checkin], { challenges: [challenge], members: [member], justPosted: true }))[0]
  return { checkin: view, duplicate, progress: progressOf(challenge, participant, now, cards) }
}

/** Streak bonus days this check-in reaches for the first time (a member earns each bonus once per challenge). */
async function newBonusDays(tx: Transaction, challenge: ChallengeDoc, participant: ParticipantDoc, current: number, openid: string): Promise<number[]> {
  const reached = challenge.streakBonuses.filter((bonus) => current >= bonus.day).map((bonus) => bonus.day)
  if (participant.bonusDays) return reached.filter((day) => !participant.bonusDays!.includes(day))
  // Participants from before bonus days were kept on them: the recorded facts tell (read by id: a duplicate insert would abort).
  const fresh: number[] = []
  for (const day of reached) {
    if (!(await tx.collection(FACTS).get(`streak.reached:${challenge._id}:${openid}:${day}`))) fresh.push(day)
  }
  return fresh
}

async function store(
  runtime: Runtime,
  caller: Caller,
  member: MemberDoc,
  challenge: ChallengeDoc,
  input: PostCheckinInput,
  date: string,
  makeup: boolean,
  now: number,
  known: { participant?: ParticipantDoc | null; walletCards?: number | null } = {}
): Promise<PostCheckinResult> {
  await assertMayTakePart(runtime, challenge, caller, now)
  const text = input.text.trim()
  checkRequirements(challenge, text, input.photoFileIds.length)
  const coords = checkGeofence(challenge.geofence, input.coords)
  if (!(await runtime.files.allUsableBy(input.photoFileIds, caller.openid))) throw new AppError('INVALID_INPUT', '图片无效，请重新上传', 'photoFileIds')
  const id = checkinId(challenge._id, caller.openid, date)
  const checkins = runtime.store.collection<CheckinDoc>(CHECKINS)
  const existing = async () => {
    const [checkin, participant] = await Promise.all([checkins.get(id), runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challenge._id, caller.openid))])
    return result(runtime, caller, member, challenge, checkin!, participant, known.walletCards ?? null, true, now)
  }
  // A make-up's caller already read the participant: its dates tell whether this day is done.
  const done = known.participant !== undefined ? (known.participant?.doneDates.includes(date) ?? false) : (await checkins.get(id)) !== null
  if (done) return existing()

  // Content checks. A refusal is the member's to fix. When the check itself cannot be made
  // (WeChat unreachable, -604101, a timeout) the post is held for review: saved as pending
  // (hidden from others, 审核中 to its author) and put in the host's moderation queue;
  // never lost, never published unchecked. The queue entry is written only then.
  let held = false
  let traces: Array<{ fileId: string; traceId: string }>
  try {
    const textVerdict = await runtime.contentSafety.checkText(`${text} ${input.location ?? ''}`, caller.openid)
    if (!textVerdict.ok) throw new AppError('CONTENT_REJECTED', `${REJECTED_TEXT_MESSAGE}（${textVerdict.reason}）`, 'text')
    const imageVerdict = await runtime.contentSafety.checkImages(input.photoFileIds, caller.openid)
    if (imageVerdict.status === 'reject') throw new AppError('CONTENT_REJECTED', `图片未通过安全检测（${imageVerdict.reason}）`, 'photoFileIds')
    traces = imageVerdict.status === 'pending' ? imageVerdict.traces : []
  } catch (error) {
    if (error instanceof AppError) throw error
    console.error('[postCheckin] content check unavailable, holding for review:', (error as Error)?.message ?? error)
    held = true
    traces = []
    await reportHeldCheckin(runtime, id, HELD_FOR_REVIEW, now)
  }
  // WeChat's verdicts arrive later by trace id. Recorded before the check-in: one that never lands leaves a trace that matches nothing.
  for (const trace of traces) {
    await runtime.store.collection<MediaCheckDoc>(MEDIA_CHECKS).set({ _id: trace.traceId, checkinId: id, fileId: trace.fileId, verdict: 'pending', createdAt: now, resolvedAt: null })
  }

  // The day number is the member's: their count of days done with this one, known only inside the transaction.
  let checkin: CheckinDoc = {
    _id: id,
    challengeId: challenge._id,
    circleId: challenge.circleId ?? null,
    openid: caller.openid,
    date,
    text,
    photoFileIds: input.photoFileIds,
    location: (input.location ?? '').trim(),
    createdAt: now,
    makeup,
    featured: false,
    featuredAt: null,
    status: held || traces.length > 0 ? 'pending' : 'visible',
    pendingChecks: traces.length,
    hiddenReason: held ? HELD_FOR_REVIEW : '',
    likeCount: 0,
    commentCount: 0,
    challengeTitle: challenge.title,
    dayNumber: 0,
    // Its photos wait for the integrity job (cron): compared with earlier ones without costing this request anything.
    ...(input.photoFileIds.length > 0 ? { hashState: 'pending' as const } : {}),
    ...(coords ? { coords } : {})
  }
  let outcome: { participant: ParticipantDoc; joined: boolean; walletCards: number | null }
  try {
    // At most 8 document operations: participant read and write, the check-in, a wallet card (make-up), and up to three facts.
    outcome = await runtime.store.transaction(async (tx) => {
      const participants = tx.collection<ParticipantDoc>(PARTICIPANTS)
      const found = await participants.get(participantId(challenge._id, caller.openid))
      // A deposit challenge is joined only by paying its deposit (its payment makes the participant): a first check-in does not join it.
      if (!found && (challenge.depositFen ?? 0) > 0) throw new AppError('CONFLICT', '这个挑战需要先交押金才能打卡')
      const participant = found ?? newParticipant(challenge._id, caller.openid, now)
      const doneDates = [...participant.doneDates, date].sort()
      // "第 N 天": the member's N-th check-in day in this challenge (a make-up counts as the next one).
      checkin = { ...checkin, dayNumber: doneDates.length }
      await tx.collection<CheckinDoc>(CHECKINS).insert(checkin)
      // The challenge's own allowance is spent first, then a wallet card (mall, tier perk).
      const useWalletCard = makeup && challengeCardsLeft(challenge, participant) === 0
      let walletCards: number | null = known.walletCards ?? null
      if (useWalletCard) {
        const wallets = tx.collection<WalletDoc>(WALLETS)
        const wallet = await wallets.get(caller.openid)
        if (!wallet || wallet.makeupCards <= 0) throw new AppError('LIMIT_REACHED', '补卡次数已用完')
        await wallets.set({ ...wallet, makeupCards: wallet.makeupCards - 1, updatedAt: now })
        walletCards = wallet.makeupCards - 1
      }
      const streaks = computeStreaks(doneDates, chinaDate(now))
      const makeupDates = makeup ? [...participant.makeupDates, date] : participant.makeupDates
      // The challenge's completion rule (completion.ts): days needed, make-ups counted or not, days graded 不合格 left out.
      const completed = participant.completedAt === null && isCompleted(challenge, { doneDates, makeupDates, failedDates: participant.failedDates })
      const bonusDays = await newBonusDays(tx, challenge, participant, streaks.current, caller.openid)
      const next: ParticipantDoc = {
        ...participant,
        doneDates,
        longestStreak: Math.max(participant.longestStreak, streaks.longest),
        makeupDates,
        makeupUsed: participant.makeupUsed + (makeup && !useWalletCard ? 1 : 0),
        completedAt: completed ? now : participant.completedAt,
        bonusDays: [...(participant.bonusDays ?? challenge.streakBonuses.filter((b) => b.day <= participant.longestStreak).map((b) => b.day)), ...bonusDays]
      }
      await participants.set(next)
      // Each fact is new: the check-in insert above, the bonus days and the completion mark guard them in this transaction.
      const facts = tx.collection<FactDoc>(FACTS)
      const fact = <T extends FactType>(type: T, key: string, payload: FactPayloads[T]): FactDoc =>
        <FactDoc>{ _id: `${type}:${key}`, type, openid: caller.openid, refId: id, payload, createdAt: now, processedAt: null, boards: 'pending' }
      await facts.insert(fact('checkin.posted', id, { challengeId: challenge._id, challengeTitle: challenge.title, date, makeup, points: challenge.pointsPerCheckin, streak: streaks.current }))
      for (const day of bonusDays) {
        const bonus = challenge.streakBonuses.find((b) => b.day === day)!
        await facts.insert(fact('streak.reached', `${challenge._id}:${caller.openid}:${day}`, { challengeId: challenge._id, challengeTitle: challenge.title, streak: day, points: bonus.points }))
      }
      if (completed) await facts.insert(fact('challenge.completed', `${challenge._id}:${caller.openid}`, { challengeId: challenge._id, challengeTitle: challenge.title }))
      return { participant: next, joined: found === null, walletCards }
    })
  } catch (error) {
    // Fifty identical requests at once: one stored the check-in, the others find it.
    if (!isConflict(error)) throw error
    return existing()
  }
  // The challenge's counters move outside the transaction: every member's check-in would otherwise lock one document.
  await runtime.store.collection<ChallengeDoc>(CHALLENGES).update(challenge._id, { inc: { checkinCount: 1, ...(outcome.joined ? { participantCount: 1 } : {}) } })
  // A check-in that waits for its image check is pinned on its author's wall: the member document says which (kept short).
  if (checkin.status === 'pending') {
    await runtime.store.collection<MemberDoc>(MEMBERS).update(caller.openid, { set: { pendingCheckins: [...(member.pendingCheckins ?? []).filter((p) => p !== id).slice(-(PINNED_PENDING - 1)), id] } })
  }
  return result(runtime, caller, member, challenge, checkin, outcome.participant, outcome.walletCards, false, now)
}

export async function postCheckin(runtime: Runtime, caller: Caller, member: MemberDoc, input: PostCheckinInput, now: number): Promise<PostCheckinResult> {
  const challenge = await loadChallenge(runtime, input.challengeId)
  const today = chinaDate(now)
  const phase = phaseOn(challenge, today)
  if (phase === 'upcoming') throw new AppError('CHECKIN_CLOSED', `挑战将于 ${challenge.startDate} 开始，届时再来打卡吧`)
  if (phase === 'ended') throw new AppError('CHECKIN_CLOSED', '挑战已结束')
  if (!isWindowOpen(challenge, now)) throw new AppError('CHECKIN_CLOSED', `今天的打卡时间是 ${challenge.windowStart}–${challenge.windowEnd}`)
  return store(runtime, caller, member, challenge, input, today, false, now)
}

export async function makeupCheckin(runtime: Runtime, caller: Caller, member: MemberDoc, input: MakeupCheckinInput, now: number): Promise<PostCheckinResult> {
  const challenge = await loadChallenge(runtime, input.challengeId)
  const today = chinaDate(now)
  if (input.date >= today) throw new AppError('INVALID_INPUT', '只能为已经过去的日子补卡', 'date')
  if (input.date < addDays(today, -MAKEUP_WINDOW_DAYS)) throw new AppError('INVALID_INPUT', `只能补最近 ${MAKEUP_WINDOW_DAYS} 天内的打卡`, 'date')
  if (!isWithinChallenge(challenge, input.date)) throw new AppError('INVALID_INPUT', '这一天不在挑战日期内', 'date')
  const participant = await runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challenge._id, caller.openid))
  // A card fills only a day missed since joining: never the days before (a first-day member has none).
  if (!participant) throw new AppError('INVALID_INPUT', '加入挑战后才能补卡', 'date')
  if (input.date < joinDateOf(participant)) {
    throw new AppError('INVALID_INPUT', `只能补加入挑战（${chinaTime(participant.joinedAt).format('M月D日')}）以来漏打的日子`, 'date')
  }
  // Wallet cards matter only once the challenge's own allowance is spent.
  const walletCards = challengeCardsLeft(challenge, participant) > 0 ? null : ((await runtime.store.collection<WalletDoc>(WALLETS).get(caller.openid))?.makeupCards ?? 0)
  if (!participant?.doneDates.includes(input.date) && makeupCardsLeft(challenge, participant, walletCards ?? 0) === 0) {
    throw new AppError('LIMIT_REACHED', '补卡次数已用完')
  }
  return store(runtime, caller, member, challenge, input, input.date, true, now, { participant, walletCards })
}
