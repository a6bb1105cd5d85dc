// Posting today's check-in, or filling a missed day with a make-up card (补卡).
// The check-in id is (challenge, member, China date), so a retry or fifty
// identical requests at once store one check-in, count one day and record each
// fact (posted, streak reached, completed) once; the others get the existing
// check-in back with duplicate: true.
import type { MakeupCheckinInput, PostCheckinInput, PostCheckinResult } from '../../../types/checkin'
import { isConflict } from '../../ports/store'
import { REJECTED_TEXT_MESSAGE } from '../../ports/content-safety'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { COLLECTIONS } from '../../platform/collections'
import { recordDomainEvent } from '../events/domain-events'
import { addDays, chinaDate } from '../time/china-calendar'
import { CHALLENGES, isWindowOpen, isWithinChallenge, loadChallenge, phaseOn, type ChallengeDoc } from './challenge'
import { CHECKINS, checkinId, type CheckinDoc } from './checkin'
import { MAKEUP_WINDOW_DAYS, PARTICIPANTS, challengeCardsLeft, makeupCardsLeft, participantId, progressOf, type ParticipantDoc } from './participant'
import { WALLETS, type WalletDoc } from '../growth/wallet'
import { assertMayTakePart, ensureParticipant } from './participation'
import { computeStreaks } from './streaks'
import { checkinView } from './views'

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

async function result(runtime: Runtime, caller: Caller, challenge: ChallengeDoc, id: string, duplicate: boolean, now: number): Promise<PostCheckinResult> {
  const [checkin, participant, wallet] = await Promise.all([
    runtime.store.collection<CheckinDoc>(CHECKINS).get(id),
    runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challenge._id, caller.openid)),
    runtime.store.collection<WalletDoc>(WALLETS).get(caller.openid)
  ])
  const fresh = (await runtime.store.collection<ChallengeDoc>(CHALLENGES).get(challenge._id)) ?? challenge
  return { checkin: await checkinView(runtime, caller, checkin!), duplicate, progress: progressOf(fresh, participant, now, wallet?.makeupCards ?? 0) }
}

async function store(
  runtime: Runtime, caller: Caller, challenge: ChallengeDoc, input: PostCheckinInput, date: string, makeup: boolean, now: number
): Promise<PostCheckinResult> {
  await assertMayTakePart(runtime, challenge, caller, now)
  const text = input.text.trim()
  checkRequirements(challenge, text, input.photoFileIds.length)
  for (const fileId of input.photoFileIds) {
    if (!(await runtime.files.isUsableBy(fileId, caller.openid))) throw new AppError('INVALID_INPUT', '图片无效，请重新上传', 'photoFileIds')
  }
  const id = checkinId(challenge._id, caller.openid, date)
  if (await runtime.store.collection<CheckinDoc>(CHECKINS).get(id)) return result(runtime, caller, challenge, id, true, now)

  const textVerdict = await runtime.contentSafety.checkText(`${text} ${input.location ?? ''}`, caller.openid)
  if (!textVerdict.ok) throw new AppError('CONTENT_REJECTED', `${REJECTED_TEXT_MESSAGE}（${textVerdict.reason}）`, 'text')
  const imageVerdict = await runtime.contentSafety.checkImages(input.photoFileIds, caller.openid)
  if (imageVerdict.status === 'reject') throw new AppError('CONTENT_REJECTED', `图片未通过安全检测（${imageVerdict.reason}）`, 'photoFileIds')
  const traces = imageVerdict.status === 'pending' ? imageVerdict.traces : []

  try {
    await runtime.store.transaction(async (tx) => {
      const checkin: CheckinDoc = {
        _id: id, challengeId: challenge._id, circleId: challenge.circleId ?? null, openid: caller.openid, date, text, photoFileIds: input.photoFileIds,
        location: (input.location ?? '').trim(), createdAt: now, makeup, featured: false, featuredAt: null,
        status: traces.length > 0 ? 'pending' : 'visible', pendingChecks: traces.length, hiddenReason: '', likeCount: 0, commentCount: 0
      }
      await tx.collection<CheckinDoc>(CHECKINS).insert(checkin)
      const participant = await ensureParticipant(tx, challenge._id, caller.openid, now)
      // The challenge's own allowance is spent first, then a wallet card (mall, tier perk).
      const useWalletCard = makeup && challengeCardsLeft(challenge, participant) === 0
      if (useWalletCard) {
        const wallets = tx.collection<WalletDoc>(WALLETS)
        const wallet = await wallets.get(caller.openid)
        if (!wallet || wallet.makeupCards <= 0) throw new AppError('LIMIT_REACHED', '补卡次数已用完')
        await wallets.update(caller.openid, { inc: { makeupCards: -1 }, set: { updatedAt: now } })
      }
      const doneDates = [...participant.doneDates, date].sort()
      const streaks = computeStreaks(doneDates, chinaDate(now))
      const completed = doneDates.length >= challenge.days && participant.completedAt === null
      await tx.collection<ParticipantDoc>(PARTICIPANTS).update(participant._id, {
        set: {
          doneDates,
          longestStreak: Math.max(participant.longestStreak, streaks.longest),
          ...(makeup ? { makeupDates: [...participant.makeupDates, date] } : {}),
          ...(completed ? { completedAt: now } : {})
        },
        inc: makeup && !useWalletCard ? { makeupUsed: 1 } : {}
      })
      await tx.collection<ChallengeDoc>(CHALLENGES).update(challenge._id, { inc: { checkinCount: 1 } })
      for (const trace of traces) {
        await tx.collection<MediaCheckDoc>(MEDIA_CHECKS).insert({ _id: trace.traceId, checkinId: id, fileId: trace.fileId, verdict: 'pending', createdAt: now, resolvedAt: null })
      }
      const fact = { openid: caller.openid, refId: id, at: now }
      await recordDomainEvent(tx, { ...fact, type: 'checkin.posted', key: id, payload: { challengeId: challenge._id, challengeTitle: challenge.title, date, makeup, points: challenge.pointsPerCheckin, streak: streaks.current } })
      for (const bonus of challenge.streakBonuses) {
        if (streaks.current >= bonus.day) {
          await recordDomainEvent(tx, { ...fact, type: 'streak.reached', key: `${challenge._id}:${caller.openid}:${bonus.day}`, payload: { challengeId: challenge._id, challengeTitle: challenge.title, streak: bonus.day, points: bonus.points } })
        }
      }
      if (completed) await recordDomainEvent(tx, { ...fact, type: 'challenge.completed', key: `${challenge._id}:${caller.openid}`, payload: { challengeId: challenge._id, challengeTitle: challenge.title } })
    })
  } catch (error) {
    if (!isConflict(error)) throw error
    return result(runtime, caller, challenge, id, true, now)
  }
  return result(runtime, caller, challenge, id, false, now)
}

export async function postCheckin(runtime: Runtime, caller: Caller, input: PostCheckinInput, now: number): Promise<PostCheckinResult> {
  const challenge = await loadChallenge(runtime, input.challengeId)
  const today = chinaDate(now)
  const phase = phaseOn(challenge, today)
  if (phase === 'upcoming') throw new AppError('CHECKIN_CLOSED', `挑战将于 ${challenge.startDate} 开始，届时再来打卡吧`)
  if (phase === 'ended') throw new AppError('CHECKIN_CLOSED', '挑战已结束')
  if (!isWindowOpen(challenge, now)) throw new AppError('CHECKIN_CLOSED', `今天的打卡时间是 ${challenge.windowStart}–${challenge.windowEnd}`)
  return store(runtime, caller, challenge, input, today, false, now)
}

export async function makeupCheckin(runtime: Runtime, caller: Caller, input: MakeupCheckinInput, now: number): Promise<PostCheckinResult> {
  const challenge = await loadChallenge(runtime, input.challengeId)
  const today = chinaDate(now)
  if (input.date >= today) throw new AppError('INVALID_INPUT', '只能为已经过去的日子补卡', 'date')
  if (input.date < addDays(today, -MAKEUP_WINDOW_DAYS)) throw new AppError('INVALID_INPUT', `只能补最近 ${MAKEUP_WINDOW_DAYS} 天内的打卡`, 'date')
  if (!isWithinChallenge(challenge, input.date)) throw new AppError('INVALID_INPUT', '这一天不在挑战日期内', 'date')
  const participant = await runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challenge._id, caller.openid))
  const wallet = await runtime.store.collection<WalletDoc>(WALLETS).get(caller.openid)
  if (!participant?.doneDates.includes(input.date) && makeupCardsLeft(challenge, participant, wallet?.makeupCards ?? 0) === 0) {
    throw new AppError('LIMIT_REACHED', '补卡次数已用完')
  }
  return store(runtime, caller, challenge, input, input.date, true, now)
}
