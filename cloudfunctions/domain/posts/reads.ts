// 已读 on an announcement: one document per member and post, inserted once
// (a second tap, or two at once, finds it there). Nobody writes a shared
// counter; the host's count is a count of those documents.
import type { AnnouncementReads, AnnouncementReadsInput, MarkReadResult } from '../../../types/posts'
import { isConflict } from '../../ports/store'
import { AppError } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { authorsOf } from '../checkin/views'
import type { MemberDoc } from '../members/member'
import { assertUnlocked, loadViewer } from './access'
import { POST_READS, loadPost, readId, type ReadDoc } from './post-doc'

export async function markAnnouncementRead(runtime: Runtime, caller: Caller, member: MemberDoc, postId: string, now: number): Promise<MarkReadResult> {
  const post = await loadPost(runtime, postId)
  if (post.kind !== 'announcement') throw new AppError('INVALID_INPUT', '只有公告可以标记已读', 'postId')
  const viewer = await loadViewer(runtime, caller, member, post.circleId, now)
  assertUnlocked(viewer, post)
  const reads = runtime.store.collection<ReadDoc>(POST_READS)
  const id = readId(post._id, caller.openid)
  try {
    await reads.insert({ _id: id, postId: post._id, circleId: post.circleId, openid: caller.openid, readAt: now })
    return { readAt: now }
  } catch (error) {
    if (!isConflict(error)) throw error
    const existing = await reads.get(id)
    return { readAt: existing?.readAt ?? now }
  }
}

export async function announcementReads(runtime: Runtime, caller: Caller, member: MemberDoc, input: AnnouncementReadsInput, now: number): Promise<AnnouncementReads> {
  const post = await loadPost(runtime, input.postId)
  if (post.kind !== 'announcement') throw new AppError('INVALID_INPUT', '只有公告有已读统计', 'postId')
  await loadViewer(runtime, caller, member, post.circleId, now)
  const reads = runtime.store.collection<ReadDoc>(POST_READS)
  const [readCount, page] = await Promise.all([reads.count({ postId: post._id }), reads.find({ postId: post._id }, { sort: [['readAt', 'desc']], limit: 50, after: input.after })])
  const authors = await authorsOf(
    runtime,
    page.items.map((r) => r.openid)
  )
  return { readCount, readers: page.items.map((r) => ({ author: authors.get(r.openid)!, readAt: r.readAt })), next: page.next }
}
