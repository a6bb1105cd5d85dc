// Posts and announcements inside a circle. Every action is open to members at
// the router; the domain decides per circle and per post (domain/posts/access.ts):
// admins and the owner post and manage, a 嘉宾 posts where they are a member,
// members read what their membership and tier unlock, others see posts locked.
import type { ActionContext, ActionMap, Caller } from '../platform/define-action'
import type { Runtime } from '../platform/runtime'
import type { MemberDoc } from '../domain/members/member'
import { circleContent, getPost, listPosts } from '../domain/posts/list'
import { searchPosts } from '../domain/posts/search'
import { createPost, deletePost, updatePost } from '../domain/posts/write'
import { featurePost } from '../domain/posts/feature'
import { announcementReads, markAnnouncementRead } from '../domain/posts/reads'
import { postFileUrls } from '../domain/posts/files'
import { addPostComment, deletePostComment, listPostComments, togglePostLike } from '../domain/posts/reactions'
import * as s from '../domain/posts/schemas'

type PostActionNames =
  | 'circleContent'
  | 'listPosts'
  | 'searchPosts'
  | 'getPost'
  | 'createPost'
  | 'updatePost'
  | 'deletePost'
  | 'featurePost'
  | 'markAnnouncementRead'
  | 'announcementReads'
  | 'postFileUrls'
  | 'togglePostLike'
  | 'addPostComment'
  | 'listPostComments'
  | 'deletePostComment'

/** The posts domain takes the caller, their member document and the call's instant with the input as the contract names it. */
const asMember =
  <I, O>(fn: (runtime: Runtime, caller: Caller, member: MemberDoc, input: I, now: number) => Promise<O>) =>
  (input: I, { runtime, caller, member, now }: ActionContext): Promise<O> =>
    fn(runtime, caller, member, input, now)

/** The same for an action on one post (`{ postId }`). */
const onPost = <O>(fn: (runtime: Runtime, caller: Caller, member: MemberDoc, postId: string, now: number) => Promise<O>) =>
  asMember((runtime, caller, member, input: { postId: string }, now) => fn(runtime, caller, member, input.postId, now))

export const postActions: Pick<ActionMap<'circle'>, PostActionNames> = {
  circleContent: {
    role: 'member',
    input: s.circleIdInput,
    example: { circleId: 'c1' },
    handle: (input, { runtime, caller, member, now }) => circleContent(runtime, caller, member, input.circleId, now)
  },
  listPosts: { role: 'member', input: s.listPostsInput, example: { circleId: 'c1', tab: 'featured' }, handle: asMember(listPosts) },
  searchPosts: { role: 'member', input: s.searchPostsInput, example: { circleId: 'c1', q: '训练计划' }, handle: asMember(searchPosts) },
  getPost: { role: 'member', input: s.postIdInput, example: { postId: 'p1' }, handle: onPost(getPost) },
  // Posting is the host's, admins' and 嘉宾's (a guest ranks as a member, so the domain checks it).
  createPost: { role: 'member', input: s.postInput, example: { circleId: 'c1', kind: 'post', text: '本周训练计划', photoFileIds: [], files: [], topics: ['训练'] }, handle: asMember(createPost) },
  updatePost: { role: 'member', input: s.updatePostInput, example: { postId: 'p1', text: '改一下' }, handle: asMember(updatePost) },
  deletePost: { role: 'member', input: s.postIdInput, example: { postId: 'p1' }, handle: onPost(deletePost) },
  featurePost: { role: 'admin', input: s.featurePostInput, example: { postId: 'p1', featured: true }, handle: asMember(featurePost) },
  markAnnouncementRead: { role: 'member', input: s.postIdInput, example: { postId: 'p1' }, handle: onPost(markAnnouncementRead) },
  announcementReads: { role: 'admin', input: s.announcementReadsInput, example: { postId: 'p1' }, handle: asMember(announcementReads) },
  postFileUrls: { role: 'member', input: s.postIdInput, example: { postId: 'p1' }, handle: onPost(postFileUrls) },
  togglePostLike: { role: 'member', input: s.postIdInput, example: { postId: 'p1' }, handle: onPost(togglePostLike) },
  addPostComment: { role: 'member', input: s.addPostCommentInput, example: { postId: 'p1', text: '收到' }, handle: asMember(addPostComment) },
  listPostComments: { role: 'member', input: s.listPostCommentsInput, example: { postId: 'p1' }, handle: asMember(listPostComments) },
  deletePostComment: { role: 'member', input: s.postCommentIdInput, example: { commentId: 'm1' }, handle: (input, { runtime, caller }) => deletePostComment(runtime, caller, input.commentId) }
}
