// Comments with one level of replies: a reply to a reply attaches to the
// top-level comment and names whom it answers. The same code serves every
// commentable target (a check-in, a circle post): a target names its comment
// collection, the document that keeps `commentCount`, and the field that links them.
import { randomUUID } from 'node:crypto'
import type { AddCommentInput, CommentView, ListCommentsInput } from '../../../types/checkin'
import type { Page } from '../../../types/page'
import { REJECTED_TEXT_MESSAGE } from '../../ports/content-safety'
import type { Transaction } from '../../ports/store'
import { AppError, errors } from '../../platform/app-error'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { recordFact } from '../facts/facts'
import { CHECKINS, loadVisibleCheckin } from './checkin'
import { commentViews } from './views'
import { COMMENTS, type CommentDoc, type TargetCommentDoc } from './comment-doc'
import { isStaff } from '../../../types/roles'

/** Where a target's comments live. */
export interface CommentPlace {
  /** Collection of the comments. */
  comments: string
  /** Collection of the commented document (it keeps `commentCount`). */
  counters: string
  /** The comment's field naming its target ('checkinId', 'postId'). */
  field: string
}

export const CHECKIN_COMMENTS: CommentPlace = { comments: COMMENTS, counters: CHECKINS, field: 'checkinId' }

/** One commented document the caller may see. */
export interface CommentTarget extends CommentPlace {
  id: string
  authorOpenid: string
  /** More writes in the comment's own transaction (a fact for the author, …). */
  alsoWrite?: (tx: Transaction, comment: TargetCommentDoc) => Promise<void>
}

/** Checks and saves a comment on a target the caller has been allowed to see. */
export async function addTargetComment(runtime: Runtime, caller: Caller, target: CommentTarget, input: { text: string; parentId?: string | null }, now: number): Promise<TargetCommentDoc> {
  const text = input.text.trim()
  if (text.length === 0) throw new AppError('INVALID_INPUT', '评论不能为空', 'text')
  let parentId: string | null = null
  let replyToOpenid: string | null = null
  if (input.parentId) {
    const parent = await runtime.store.collection<TargetCommentDoc>(target.comments).get(input.parentId)
    if (!parent || parent[target.field] !== target.id || parent.status !== 'visible') throw new AppError('NOT_FOUND', '要回复的评论不存在', 'parentId')
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
  const comment = { _id: randomUUID(), [target.field]: target.id, openid: caller.openid, parentId, replyToOpenid, text, createdAt: now, status: 'visible' } as TargetCommentDoc
  await runtime.store.transaction(async (tx) => {
    await tx.collection<TargetCommentDoc>(target.comments).insert(comment)
    await tx.collection(target.counters).update(target.id, { inc: { commentCount: 1 } })
    await target.alsoWrite?.(tx, comment)
  })
  return comment
}

export async function addComment(runtime: Runtime, caller: Caller, input: AddCommentInput, now: number): Promise<CommentView> {
  const checkin = await loadVisibleCheckin(runtime, input.checkinId, caller)
  const comment = (await addTargetComment(
    runtime,
    caller,
    {
      ...CHECKIN_COMMENTS,
      id: checkin._id,
      authorOpenid: checkin.openid,
      alsoWrite: async (tx, c) => {
        if (checkin.openid !== caller.openid) {
          await recordFact(tx, { type: 'comment.received', key: c._id, openid: checkin.openid, refId: checkin._id, payload: { commentId: c._id, from: caller.openid }, at: now })
        }
      }
    },
    input,
    now
  )) as unknown as CommentDoc
  return (await commentViews(runtime, caller, [comment]))[0]
}

/** Removes a visible comment from view (deleted by its author, hidden by a host); says whether it changed. */
export async function takeDownTargetComment(runtime: Runtime, place: CommentPlace, commentId: string, status: 'hidden' | 'deleted'): Promise<boolean> {
  return runtime.store.transaction(async (tx) => {
    const comments = tx.collection<TargetCommentDoc>(place.comments)
    const comment = await comments.get(commentId)
    if (!comment || comment.status !== 'visible') return false
    await comments.update(commentId, { set: { status } })
    await tx.collection(place.counters).update(comment[place.field] as string, { inc: { commentCount: -1 } })
    return true
  })
}

export function takeDownComment(runtime: Runtime, commentId: string, status: 'hidden' | 'deleted'): Promise<boolean> {
  return takeDownTargetComment(runtime, CHECKIN_COMMENTS, commentId, status)
}

/** The comment if the caller may delete it (its author or staff). */
export async function loadDeletableComment(runtime: Runtime, caller: Caller, place: CommentPlace, commentId: string): Promise<TargetCommentDoc> {
  const comment = await runtime.store.collection<TargetCommentDoc>(place.comments).get(commentId)
  if (!comment || comment.status === 'deleted') throw errors.notFound('评论')
  if (comment.openid !== caller.openid && !isStaff(caller.role)) throw new AppError('FORBIDDEN', '只能删除自己的评论')
  return comment
}

export async function deleteComment(runtime: Runtime, caller: Caller, commentId: string): Promise<{ deleted: true }> {
  await loadDeletableComment(runtime, caller, CHECKIN_COMMENTS, commentId)
  await takeDownComment(runtime, commentId, 'deleted')
  return { deleted: true }
}

/** A page of a target's visible comments, oldest first. */
export async function listTargetComments(runtime: Runtime, place: CommentPlace, targetId: string, after: string | null | undefined): Promise<Page<TargetCommentDoc>> {
  return runtime.store.collection<TargetCommentDoc>(place.comments).find({ [place.field]: targetId, status: 'visible' }, { sort: [['createdAt', 'asc']], limit: 50, after })
}

export async function listComments(runtime: Runtime, caller: Caller, input: ListCommentsInput): Promise<Page<CommentView>> {
  await loadVisibleCheckin(runtime, input.checkinId, caller)
  const page = await listTargetComments(runtime, CHECKIN_COMMENTS, input.checkinId, input.after)
  return { items: await commentViews(runtime, caller, page.items as unknown as CommentDoc[]), next: page.next }
}

/** What a member sees when a comment could not be checked (nothing was saved). */
export const COMMENT_CHECK_UNAVAILABLE = '内容检测暂时不可用，评论没有发出，请稍后再试'
