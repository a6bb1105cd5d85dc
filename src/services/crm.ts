// The host's member CRM in the client (packages/host-members): labels, the
// server calls (pages call these, never callFunction) and cache keys.
import type { Page } from '../../types/page'
import type {
  ActiveWithin,
  CrmTag,
  JoinApplicationStatus,
  JoinApplicationView,
  JoinApplicationsInput,
  MemberDetail,
  MemberListInput,
  MemberNoteView,
  MemberRow,
  RefundChoice,
  RemoveFromCircleInput,
  RemoveFromCircleResult,
  ReviewJoinInput,
  TagColor,
  TagInput,
  TagMembersInput,
  TagMembersResult,
  UpdateTagInput
} from '../../types/crm'
import type { Segment } from '../../types/growth'
import type { Tone } from '../components/tag'
import { callFunction } from './api'

export const SEGMENT_LABEL: Record<Segment, string> = { kol: 'KOL', core: '核心', ordinary: '普通', silent: '沉默' }
export const SEGMENTS: Segment[] = ['kol', 'core', 'ordinary', 'silent']
export const ACTIVE_LABEL: Record<ActiveWithin, string> = { '7d': '7 天内活跃', '30d': '30 天内活跃', over30d: '超过 30 天未活跃' }
export const TAG_TONE: Record<TagColor, Tone> = { green: 'green', blue: 'blue', orange: 'orange', red: 'red', purple: 'purple', gray: 'grey' }
export const TAG_COLOR_LABEL: Record<TagColor, string> = { green: '绿', blue: '蓝', orange: '橙', red: '红', purple: '紫', gray: '灰' }
export const APPLICATION_STATUS_LABEL: Record<JoinApplicationStatus, string> = { pending: '待审核', approved: '已通过', rejected: '已拒绝' }
/** What each refund choice means, said before the host confirms 移出圈子. */
export const REFUND_POLICY: Record<RefundChoice, string> = {
  none: '不退款：立即结束会员资格，已付款项不退',
  prorated: '按剩余天数退款：退还每笔在用订单未使用天数对应的金额',
  full: '全额退款：退还每笔在用订单剩余的全部金额'
}

export const membersKey = (filters: string) => `hostMembers.list.${filters}`
export const memberKey = (memberId: string) => `hostMembers.member.${memberId}`
export const TAGS_KEY = 'hostMembers.tags'
export const applicationsKey = (status: string) => `hostMembers.applications.${status}`

/**
 * A page of the member list. The server checks some filters (search, tier, 最近活跃) on the rows it reads, so a page can come
 * back empty while its cursor goes on: asked again (a few times) so the list never shows 没有符合条件的成员 too early.
 */
export async function fetchMembers(input: MemberListInput): Promise<Page<MemberRow>> {
  let page = await callFunction('host', 'members', input)
  for (let i = 0; i < 4 && page.items.length === 0 && page.next; i++) page = await callFunction('host', 'members', { ...input, after: page.next })
  return page
}
export function fetchMemberDetail(memberId: string): Promise<MemberDetail> {
  return callFunction('host', 'memberDetail', { memberId })
}
export function fetchTags(): Promise<CrmTag[]> {
  return callFunction('host', 'tags', {})
}
export function createTag(input: TagInput): Promise<CrmTag> {
  return callFunction('host', 'createTag', input)
}
export function updateTag(input: UpdateTagInput): Promise<CrmTag> {
  return callFunction('host', 'updateTag', input)
}
export function deleteTag(tagId: string): Promise<{ deleted: true }> {
  return callFunction('host', 'deleteTag', { tagId })
}
export function tagMembers(input: TagMembersInput): Promise<TagMembersResult> {
  return callFunction('host', 'tagMembers', input)
}
export function addMemberNote(memberId: string, text: string): Promise<MemberNoteView> {
  return callFunction('host', 'addMemberNote', { memberId, text })
}
export function setMemberSegment(memberId: string, segment: Segment | null): Promise<{ segment: Segment; segmentOverride: Segment | null }> {
  return callFunction('host', 'setMemberSegment', { memberId, segment })
}
export function removeFromCircle(input: RemoveFromCircleInput): Promise<RemoveFromCircleResult> {
  return callFunction('host', 'removeFromCircle', input)
}
export function fetchJoinApplications(input: JoinApplicationsInput): Promise<Page<JoinApplicationView>> {
  return callFunction('host', 'joinApplications', input)
}
export function reviewJoin(input: ReviewJoinInput): Promise<JoinApplicationView> {
  return callFunction('host', 'reviewJoin', input)
}
