// Check-in actions only hosts may call.
import type { ActionMap } from '../platform/define-action'
import { archiveChallenge, createChallenge, updateChallenge } from '../domain/checkin/challenge-admin'
import { featureCheckin, hideCheckin, hideComment, moderationQueue, resolveReport } from '../domain/checkin/moderation'
import * as s from '../domain/checkin/schemas'
import { reviewCheckin } from '../domain/checkin/review'

type CheckinActions = ActionMap<'challenges'>
type HostActionNames = 'createChallenge' | 'updateChallenge' | 'archiveChallenge' | 'featureCheckin' | 'hideCheckin' | 'hideComment' | 'moderationQueue' | 'resolveReport' | 'reviewCheckin'

export const EXAMPLE_CHALLENGE = {
  title: '21 天减脂打卡',
  description: '每天记录饮食和运动',
  coverFileId: '',
  startDate: '2026-11-23',
  days: 21,
  windowStart: '05:00',
  windowEnd: '23:59',
  minTextLength: 5,
  minPhotos: 0,
  maxPhotos: 9,
  pointsPerCheckin: 10,
  streakBonuses: [
    { day: 7, points: 50 },
    { day: 21, points: 200 }
  ],
  makeupCardsPerMember: 2,
  circleId: null,
  minTierLevel: 1
}

export const checkinHostActions: Pick<CheckinActions, HostActionNames> = {
  createChallenge: { role: 'admin', input: s.challengeInput, example: EXAMPLE_CHALLENGE, handle: (input, { runtime, caller, now }) => createChallenge(runtime, caller, input, now) },
  updateChallenge: {
    role: 'admin',
    input: s.updateChallengeInput,
    example: { challengeId: 'c1', title: '新标题' },
    handle: (input, { runtime, caller, now }) => updateChallenge(runtime, caller, input, now)
  },
  archiveChallenge: { role: 'admin', input: s.challengeIdInput, example: { challengeId: 'c1' }, handle: (input, { runtime, now }) => archiveChallenge(runtime, input.challengeId, now) },
  featureCheckin: {
    role: 'admin',
    input: s.featureInput,
    example: { checkinId: 'k1', featured: true },
    handle: (input, { runtime, caller, now }) => featureCheckin(runtime, caller, input.checkinId, input.featured, now)
  },
  hideCheckin: {
    role: 'moderator',
    input: s.hideCheckinInput,
    example: { checkinId: 'k1', hidden: true },
    handle: (input, { runtime, caller, now }) => hideCheckin(runtime, caller, input.checkinId, input.hidden, now)
  },
  hideComment: { role: 'moderator', input: s.commentIdInput, example: { commentId: 'm1' }, handle: (input, { runtime }) => hideComment(runtime, input.commentId) },
  moderationQueue: { role: 'moderator', input: s.pageInput, example: {}, handle: (input, { runtime }) => moderationQueue(runtime, input) },
  resolveReport: {
    role: 'moderator',
    input: s.resolveReportInput,
    example: { reportId: 'checkin:k1', resolution: 'dismiss' },
    handle: (input, { runtime, now }) => resolveReport(runtime, input, now)
  },
  // 点评 decides what counts toward the challenge (a 不合格 day is not done, its points go back): a challenge manager's call, like featuring, not a moderator's.
  reviewCheckin: {
    role: 'admin',
    input: s.reviewCheckinInput,
    example: { checkinId: 'k1', grade: 'pass', comment: '动作标准，继续保持' },
    handle: (input, { runtime, caller, now }) => reviewCheckin(runtime, caller, input, now)
  }
}
