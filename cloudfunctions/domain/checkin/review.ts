// 点评: in a challenge with host review, the host grades each check-in 优秀 /
// 合格 / 不合格 with a comment. The grade is kept on the check-in as `review`
// (the completion report reads it). The rule: a 不合格 day is not a done day —
// it leaves the member's progress (days done, streaks, completion count) and
// the points it earned are taken back once (the checkin.revoked fact, as a
// hidden check-in's are). Re-grading it 合格 or 优秀 puts the day back; the
// points taken stay taken, as when a hidden check-in is shown again.
import type { CheckinView, ReviewCheckinInput } from '../../../types/checkin'
import { AppError, errors } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { recordFact } from '../facts/facts'
import { loadChallenge } from './challenge'
import { CHECKINS, type CheckinDoc } from './checkin'
import { PARTICIPANTS, participantId, type ParticipantDoc } from './participant'
import { checkinView } from './views'

export const GRADE_LABELS = { excellent: '优秀', pass: '合格', fail: '不合格' } as const

export async function reviewCheckin(runtime: Runtime, caller: Caller, input: ReviewCheckinInput, now: number): Promise<CheckinView> {
  const found = await runtime.store.collection<CheckinDoc>(CHECKINS).get(input.checkinId)
  if (!found) throw errors.notFound('打卡')
  const challenge = await loadChallenge(runtime, found.challengeId, { allowArchived: true })
  if (!challenge.hostReview) throw new AppError('CONFLICT', '这个挑战没有开启主理人点评')
  if (found.status === 'hidden') throw new AppError('CONFLICT', '已隐藏的打卡不能点评')
  const review = { grade: input.grade, comment: (input.comment ?? '').trim(), reviewerOpenid: caller.openid, reviewedAt: now }
  // At most 5 document operations: the check-in read and write, the participant read and write, a fact.
  const saved = await runtime.store.transaction(async (tx) => {
    const checkins = tx.collection<CheckinDoc>(CHECKINS)
    const checkin = await checkins.get(input.checkinId)
    if (!checkin) throw errors.notFound('打卡')
    const wasFail = checkin.review?.grade === 'fail'
    const isFail = input.grade === 'fail'
    await checkins.update(checkin._id, { set: { review } })
    if (wasFail !== isFail) {
      const participants = tx.collection<ParticipantDoc>(PARTICIPANTS)
      const participant = await participants.get(participantId(checkin.challengeId, checkin.openid))
      if (participant) {
        const doneDates = isFail ? participant.doneDates.filter((d) => d !== checkin.date) : [...new Set([...participant.doneDates, checkin.date])].sort()
        await participants.update(participant._id, { set: { doneDates } })
      }
      if (isFail) {
        await recordFact(tx, {
          type: 'checkin.revoked',
          key: checkin._id,
          openid: checkin.openid,
          refId: checkin._id,
          payload: { reason: '主理人点评：不合格', challengeId: checkin.challengeId },
          at: now
        })
      }
    }
    return { ...checkin, review }
  })
  return checkinView(runtime, caller, saved)
}
