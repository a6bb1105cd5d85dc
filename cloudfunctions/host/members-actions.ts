// The member CRM: the member list and a member's page, tags, notes, manual
// segments, removing or blocking from a circle, and join review.
import type { ActionMap } from '../platform/define-action'
import * as s from '../domain/crm/schemas'
import { emptyInput } from '../domain/staff/schemas'
import { listMembers, memberDetail } from '../domain/crm/members'
import { addMemberNote, createTag, deleteTag, listTags, setMemberSegment, tagMembers, updateTag } from '../domain/crm/tags'
import { joinApplications, removeFromCircle, reviewJoin } from '../domain/crm/circles'

type MemberActionName =
  'members' | 'memberDetail' | 'tags' | 'createTag' | 'updateTag' | 'deleteTag' | 'tagMembers' | 'addMemberNote' | 'setMemberSegment' | 'removeFromCircle' | 'joinApplications' | 'reviewJoin'

export const membersActions: Pick<ActionMap<'host'>, MemberActionName> = {
  members: { role: 'admin', input: s.memberListInput, example: { segment: 'silent' }, handle: (input, { runtime, now }) => listMembers(runtime, input, now) },
  memberDetail: { role: 'admin', input: s.memberIdInput, example: { memberId: 'o_someone' }, handle: (input, { runtime, now }) => memberDetail(runtime, input.memberId, now) },
  tags: { role: 'admin', input: emptyInput, example: {}, handle: (_input, { runtime }) => listTags(runtime) },
  createTag: { role: 'admin', input: s.tagInput, example: { name: '高意向', color: 'orange' }, handle: (input, { runtime, now }) => createTag(runtime, input, now) },
  updateTag: { role: 'admin', input: s.updateTagInput, example: { tagId: 't1', name: '老朋友', color: 'blue' }, handle: (input, { runtime, now }) => updateTag(runtime, input, now) },
  deleteTag: { role: 'admin', input: s.tagIdInput, example: { tagId: 't1' }, handle: (input, { runtime }) => deleteTag(runtime, input.tagId) },
  tagMembers: { role: 'admin', input: s.tagMembersInput, example: { memberIds: ['o_someone'], tagId: 't1', op: 'add' }, handle: (input, { runtime, now }) => tagMembers(runtime, input, now) },
  addMemberNote: {
    role: 'admin',
    input: s.addMemberNoteInput,
    example: { memberId: 'o_someone', text: '线下活动认识，想做分享' },
    handle: (input, { runtime, caller, member, now }) => addMemberNote(runtime, caller, member, input, now)
  },
  setMemberSegment: { role: 'admin', input: s.setMemberSegmentInput, example: { memberId: 'o_someone', segment: null }, handle: (input, { runtime, now }) => setMemberSegment(runtime, input, now) },
  removeFromCircle: {
    role: 'admin',
    input: s.removeFromCircleInput,
    example: { memberId: 'o_someone', circleId: 'c1', block: false, refund: 'none' },
    handle: (input, { runtime, now }) => removeFromCircle(runtime, input, now)
  },
  joinApplications: { role: 'admin', input: s.joinApplicationsInput, example: {}, handle: (input, { runtime }) => joinApplications(runtime, input) },
  reviewJoin: {
    role: 'admin',
    input: s.reviewJoinInput,
    example: { applicationId: 'c1:o_someone', decision: 'approve' },
    handle: (input, { runtime, caller, now }) => reviewJoin(runtime, caller, input, now)
  }
}
