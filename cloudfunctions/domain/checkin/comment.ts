// Comments with one level of replies: a reply to a reply attaches to the
// top-level comment and names whom it answers.
import { randomUUID } from 'node:crypto'
import type { AddCommentInput, CommentView, ListCommentsInput } from '../../../types/checkin'
import type { Page } from '../../../types/page'
import { REJECTED_TEXT_MESSAGE } from '../../ports/content-safety'
import { AppError, errors } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { recordFact } from '../facts/facts'
import { CHECKINS, loadVisibleCheckin, type CheckinDoc } from './checkin'
import { commentViews } from './views'
import { COMMENTS, type CommentDoc } from './comment-doc'
import { isStaff } from '../../../types/roles'

export async function addComment(runtime: Runtime, caller: Caller, input: AddCommentInput, now: number): Promise<CommentView> {
  const checkin = await loadVisibleCheckin(runtime, input.checkinId, caller)
  const text = input.text.trim()
  if (text.length === 0) throw new AppError('INVALID_INPUT', '评论不能为空', 'text')
  let parentId: string | null = null
  let replyToOpenid: string | null = null
  if (input.parentId) {
    const parent = await runtime.store.collection<CommentDoc>(COMMENTS).get(input.parentId)
    if (!parent || parent.checkinId !== checkin._id || parent.status !== 'visible') throw new AppError('NOT_FOUND', '要回复的评论不存在', 'parentId')
    parentId = parent.parentId ?? parent._id
    replyToOpenid = parent.openid
  }
  // A comment whose check cannot be made (WeChat unreachable, -604101, a timeout) is not saved
  // and not published: the member is told to send it again (BUSY, retryable) and the app keeps
  // the draft. Check-ins, which carry a day's progress, are held for review instead (post-checkin.ts).
  let verdict: Awaited<ReturnType<typeof runtime.contentSafety.checkText>>
  try {
    verdict = await runtime.contentSafety.checkText(text, caller.openid)
  } catch (error) {
    console.error('[addComment] content check unavailable:', (error as Error)?.message ?? error)
    throw new AppError('BUSY', COMMENT_CHECK_UNAVAILABLE)
  }
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `${REJECTED_TEXT_MESSAGE}（${verdict.reason}）`, 'text')
  const comment: CommentDoc = { _id: randomUUID(), checkinId: checkin._id, openid: caller.openid, parentId, replyToOpenid, text, createdAt: now, status: 'visible' }
  await runtime.store.transaction(async (tx) => {
    await tx.collection<CommentDoc>(COMMENTS).insert(comment)
    await tx.collection<CheckinDoc>(CHECKINS).update(checkin._id, { inc: { commentCount: 1 } })
    if (checkin.openid !== caller.openid) {
      await recordFact(tx, { type: 'comment.received', key: comment._id, openid: checkin.openid, refId: checkin._id, payload: { commentId: comment._id, from: caller.openid }, at: now })
    }
  })
  return (await commentViews(runtime, caller, [comment]))[0]
}

/** Removes a visible comment from view (deleted by its author, hidden by a host); says whether it changed. */
export async function takeDownComment(runtime: Runtime, commentId: string, status: 'hidden' | 'deleted'): Promise<boolean> {
  return runtime.store.transaction(async (tx) => {
    const comments = tx.collection<CommentDoc>(COMMENTS)
    const comment = await comments.get(commentId)
    if (!comment || comment.status !== 'visible') return false
    await comments.update(commentId, { set: { status } })
    await tx.collection<CheckinDoc>(CHECKINS).update(comment.checkinId, { inc: { commentCount: -1 } })
    return true
  })
}

export async function deleteComment(runtime: Runtime, caller: Caller, commentId: string): Promise<{ deleted: true }> {
  const comment = await runtime.store.collection<CommentDoc>(COMMENTS).get(commentId)
  if (!comment || comment.status === 'deleted') throw errors.notFound('评论')
  if (comment.openid !== caller.openid && !isStaff(caller.role)) throw new AppError('FORBIDDEN', '只能删除自己的评论')
  await takeDownComment(runtime, commentId, 'deleted')
  return { deleted: true }
}

export async function listComments(runtime: Runtime, caller: Caller, input: ListCommentsInput): Promise<Page<CommentView>> {
  await loadVisibleCheckin(runtime, input.checkinId, caller)
  const page = await runtime.store.collection<CommentDoc>(COMMENTS).find({ checkinId: input.checkinId, status: 'visible' }, { sort: [['createdAt', 'asc']], limit: 50, after: input.after })
  return { items: await commentViews(runtime, caller, page.items), next: page.next }
}

/** What a member sees when a comment could not be checked (nothing was saved). */
export const COMMENT_CHECK_UNAVAILABLE = '内容检测暂时不可用，评论没有发出，请稍后再试'
