// Check-in actions any member may call.
import type { ActionMap } from '../platform/define-action'
import { getChallengeDetail, joinChallenge } from '../domain/checkin/participation'
import { listChallenges } from '../domain/checkin/challenge-admin'
import { makeupCheckin, postCheckin } from '../domain/checkin/post-checkin'
import { feed } from '../domain/checkin/feed'
import { loadVisibleCheckin } from '../domain/checkin/checkin'
import { checkinView } from '../domain/checkin/views'
import { toggleLike } from '../domain/checkin/likes'
import { addComment, deleteComment, listComments } from '../domain/checkin/comment'
import { report } from '../domain/checkin/moderation'
import * as s from '../domain/checkin/schemas'
import { recordTouch } from '../domain/analytics/attribution'
import { getCheckinInput } from '../domain/analytics/schemas'

type CheckinActions = ActionMap<'checkin'>
type MemberActionNames =
  'listChallenges' | 'getChallenge' | 'joinChallenge' | 'postCheckin' | 'makeupCheckin' | 'feed' | 'getCheckin' | 'toggleLike' | 'addComment' | 'deleteComment' | 'listComments' | 'report'

export const checkinMemberActions: Pick<CheckinActions, MemberActionNames> = {
  listChallenges: { role: 'member', input: s.listChallengesInput, example: { phase: 'running' }, handle: (input, { runtime, caller, now }) => listChallenges(runtime, caller, input, now) },
  getChallenge: { role: 'member', input: s.challengeIdInput, example: { challengeId: 'c1' }, handle: (input, { runtime, caller, now }) => getChallengeDetail(runtime, caller, input.challengeId, now) },
  joinChallenge: { role: 'member', input: s.challengeIdInput, example: { challengeId: 'c1' }, handle: (input, { runtime, caller, now }) => joinChallenge(runtime, caller, input.challengeId, now) },
  postCheckin: {
    role: 'member',
    input: s.postCheckinInput,
    example: { challengeId: 'c1', text: '今天跑了 5 公里', photoFileIds: [] },
    handle: (input, { runtime, caller, member, now }) => postCheckin(runtime, caller, member, input, now)
  },
  makeupCheckin: {
    role: 'member',
    input: s.makeupCheckinInput,
    example: { challengeId: 'c1', date: '2026-11-22', text: '补卡', photoFileIds: [] },
    handle: (input, { runtime, caller, member, now }) => makeupCheckin(runtime, caller, member, input, now)
  },
  feed: { role: 'member', input: s.feedInput, example: { scope: 'all' }, handle: (input, { runtime, caller, member }) => feed(runtime, caller, input, member) },
  getCheckin: {
    role: 'member',
    input: getCheckinInput,
    example: { checkinId: 'k1', via: 'share' },
    // A member who has not paid yet leaves a touch (≤ 2 requests): the analytics credit check-ins that lead to a first payment.
    handle: async (input, { runtime, caller, now }) => {
      const checkin = await loadVisibleCheckin(runtime, input.checkinId, caller)
      await recordTouch(runtime, caller, checkin, input.via ?? 'view', now)
      return checkinView(runtime, caller, checkin)
    }
  },
  toggleLike: { role: 'member', input: s.checkinIdInput, example: { checkinId: 'k1' }, handle: (input, { runtime, caller, now }) => toggleLike(runtime, caller, input.checkinId, now) },
  addComment: { role: 'member', input: s.addCommentInput, example: { checkinId: 'k1', text: '加油！' }, handle: (input, { runtime, caller, now }) => addComment(runtime, caller, input, now) },
  deleteComment: { role: 'member', input: s.commentIdInput, example: { commentId: 'm1' }, handle: (input, { runtime, caller }) => deleteComment(runtime, caller, input.commentId) },
  listComments: { role: 'member', input: s.listCommentsInput, example: { checkinId: 'k1' }, handle: (input, { runtime, caller }) => listComments(runtime, caller, input) },
  report: { role: 'member', input: s.reportInput, example: { targetType: 'checkin', targetId: 'k1', reason: '广告' }, handle: (input, { runtime, caller, now }) => report(runtime, caller, input, now) }
}
