// A circle post as stored, and loading one by id.
import type { Role } from '../../../types/roles'
import type { PostFileView, PostKind, PostLink } from '../../../types/posts'
import { errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'

export const POSTS = COLLECTIONS.posts.name
export const POST_TOPIC_LINKS = COLLECTIONS.postTopicLinks.name
export const POST_TOPICS = COLLECTIONS.postTopics.name
export const POST_READS = COLLECTIONS.postReads.name
export const POST_LIKES = COLLECTIONS.postLikes.name
export const POST_COMMENTS = COLLECTIONS.postComments.name

export interface PostDoc {
  _id: string
  circleId: string
  /** The author (admin, owner or 嘉宾). */
  openid: string
  /** The author's role when they wrote it (主理人 / 管理员 / 嘉宾 beside the name). */
  authorRole: Role
  kind: PostKind
  title: string
  text: string
  photoFileIds: string[]
  files: PostFileView[]
  link: PostLink | null
  topics: string[]
  minTierLevel: number | null
  featured: boolean
  featuredAt: number
  status: 'visible' | 'deleted'
  likeCount: number
  commentCount: number
  /** Normalised title, text, file names, link title and topics: what keyword search matches (search.ts). */
  search: string
  createdAt: number
  updatedAt: number
}

export interface TopicLinkDoc {
  _id: string
  postId: string
  circleId: string
  topic: string
  createdAt: number
}

export interface TopicDoc {
  _id: string
  circleId: string
  topic: string
  lastUsedAt: number
}

export interface ReadDoc {
  _id: string
  postId: string
  circleId: string
  openid: string
  readAt: number
}

export function topicLinkId(postId: string, topic: string): string {
  return `${postId}:${topic}`
}

export function readId(postId: string, openid: string): string {
  return `${postId}:${openid}`
}

/** A post that exists and was not deleted; NOT_FOUND otherwise (the same answer for any id). */
export async function loadPost(runtime: Runtime, postId: string): Promise<PostDoc> {
  const post = await runtime.store.collection<PostDoc>(POSTS).get(postId)
  if (!post || post.status !== 'visible') throw errors.notFound('内容')
  return post
}
