// Posts and announcements inside a circle. Every action is open to members at
// the router; the domain decides per circle and per post (domain/posts/access.ts):
// admins and the owner post and manage, a 嘉宾 posts where they are a member,
// members read what their membership and tier unlock, others see posts locked.
import type { ActionMap } from '../platform/define-action'
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

export const postActions: Pick<ActionMap<'circle'>, PostActionNames> = {
  circleContent: {
    role: 'member',
    input: s.circleIdInput,
    example: { circleId: 'c1' },
    handle: (input, { runtime, caller, member, now }) => circleContent(runtime, caller, member, input.circleId, now)
  },
  listPosts: {
    role: 'member',
    input: s.listPostsInput,
    example: { circleId: 'c1', tab: 'featured' },
    handle: (input, { runtime, caller, member, now }) => listPosts(runtime, caller, member, input, now)
  },
  searchPosts: {
    role: 'member',
    input: s.searchPostsInput,
    example: { circleId: 'c1', q: '训练计划' },
    handle: (input, { runtime, caller, member, now }) => searchPosts(runtime, caller, member, input, now)
  },
  getPost: { role: 'member', input: s.postIdInput, example: { postId: 'p1' }, handle: (input, { runtime, caller, member, now }) => getPost(runtime, caller, member, input.postId, now) },
  // Posting is the host's, admins' and 嘉宾's (a guest ranks as a member, so the domain checks it).
  createPost: {
    role: 'member',
    input: s.postInput,
    example: { circleId: 'c1', kind: 'post', text: '本周训练计划', photoFileIds: [], files: [], topics: ['训练'] },
    handle: (input, { runtime, caller, member, now }) => createPost(runtime, caller, member, input, now)
  },
  updatePost: {
    role: 'member',
    input: s.updatePostInput,
    example: { postId: 'p1', text: '改一下' },
    handle: (input, { runtime, caller, member, now }) => updatePost(runtime, caller, member, input, now)
  },
  deletePost: { role: 'member', input: s.postIdInput, example: { postId: 'p1' }, handle: (input, { runtime, caller, member, now }) => deletePost(runtime, caller, member, input.postId, now) },
  featurePost: {
    role: 'admin',
    input: s.featurePostInput,
    example: { postId: 'p1', featured: true },
    handle: (input, { runtime, caller, member, now }) => featurePost(runtime, caller, member, input, now)
  },
  markAnnouncementRead: {
    role: 'member',
    input: s.postIdInput,
    example: { postId: 'p1' },
    handle: (input, { runtime, caller, member, now }) => markAnnouncementRead(runtime, caller, member, input.postId, now)
  },
  announcementReads: {
    role: 'admin',
    input: s.announcementReadsInput,
    example: { postId: 'p1' },
    handle: (input, { runtime, caller, member, now }) => announcementReads(runtime, caller, member, input, now)
  },
  postFileUrls: { role: 'member', input: s.postIdInput, example: { postId: 'p1' }, handle: (input, { runtime, caller, member, now }) => postFileUrls(runtime, caller, member, input.postId, now) },
  togglePostLike: { role: 'member', input: s.postIdInput, example: { postId: 'p1' }, handle: (input, { runtime, caller, member, now }) => togglePostLike(runtime, caller, member, input.postId, now) },
  addPostComment: {
    role: 'member',
    input: s.addPostCommentInput,
    example: { postId: 'p1', text: '收到' },
    handle: (input, { runtime, caller, member, now }) => addPostComment(runtime, caller, member, input, now)
  },
  listPostComments: {
    role: 'member',
    input: s.listPostCommentsInput,
    example: { postId: 'p1' },
    handle: (input, { runtime, caller, member, now }) => listPostComments(runtime, caller, member, input, now)
  },
  deletePostComment: { role: 'member', input: s.postCommentIdInput, example: { commentId: 'm1' }, handle: (input, { runtime, caller }) => deletePostComment(runtime, caller, input.commentId) }
}
