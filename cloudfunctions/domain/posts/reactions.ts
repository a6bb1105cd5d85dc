// Likes and comments on posts: the check-in like and comment code (domain/checkin/likes.ts,
// comment.ts) pointed at posts, after the post's visibility rule: none on a locked post.
import type { LikeResult } from '../../../types/checkin'
import type { Page } from '../../../types/page'
import type { AddPostCommentInput, ListPostCommentsInput, PostCommentView } from '../../../types/posts'
import type { Caller } from '../../platform/define-action'
import type { Runtime } from '../../platform/runtime'
import { addTargetComment, listTargetComments, loadDeletableComment, takeDownTargetComment, type CommentPlace } from '../checkin/comment'
import type { TargetCommentDoc } from '../checkin/comment-doc'
import { toggleTargetLike } from '../checkin/likes'
import { targetCommentViews } from '../checkin/views'
import type { MemberDoc } from '../members/member'
import { assertUnlocked, loadViewer } from './access'
import { POSTS, POST_COMMENTS, POST_LIKES, loadPost, type PostDoc } from './post-doc'

const POST_COMMENT_PLACE: CommentPlace = { comments: POST_COMMENTS, counters: POSTS, field: 'postId' }

async function unlockedPost(runtime: Runtime, caller: Caller, member: MemberDoc, postId: string, now: number): Promise<PostDoc> {
  const post = await loadPost(runtime, postId)
  assertUnlocked(await loadViewer(runtime, caller, member, post.circleId, now), post)
  return post
}

async function views(runtime: Runtime, caller: Caller, comments: TargetCommentDoc[]): Promise<PostCommentView[]> {
  const shown = await targetCommentViews(runtime, caller, comments)
  return shown.map((c, i) => ({ ...c, postId: comments[i].postId as string }))
}

export async function togglePostLike(runtime: Runtime, caller: Caller, member: MemberDoc, postId: string, now: number): Promise<LikeResult> {
  const post = await unlockedPost(runtime, caller, member, postId, now)
  return toggleTargetLike(runtime, { counters: POSTS, likes: POST_LIKES, field: 'postId', id: post._id }, caller.openid, now)
}

export async function addPostComment(runtime: Runtime, caller: Caller, member: MemberDoc, input: AddPostCommentInput, now: number): Promise<PostCommentView> {
  const post = await unlockedPost(runtime, caller, member, input.postId, now)
  const comment = await addTargetComment(runtime, caller, { ...POST_COMMENT_PLACE, id: post._id, authorOpenid: post.openid }, input, now)
  return (await views(runtime, caller, [comment]))[0]
}

export async function listPostComments(runtime: Runtime, caller: Caller, member: MemberDoc, input: ListPostCommentsInput, now: number): Promise<Page<PostCommentView>> {
  const post = await unlockedPost(runtime, caller, member, input.postId, now)
  const page = await listTargetComments(runtime, POST_COMMENT_PLACE, post._id, input.after)
  return { items: await views(runtime, caller, page.items), next: page.next }
}

export async function deletePostComment(runtime: Runtime, caller: Caller, commentId: string): Promise<{ deleted: true }> {
  await loadDeletableComment(runtime, caller, POST_COMMENT_PLACE, commentId)
  await takeDownTargetComment(runtime, POST_COMMENT_PLACE, commentId, 'deleted')
  return { deleted: true }
}
