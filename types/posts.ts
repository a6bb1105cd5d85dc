// A circle's content (知识星球-style): posts by the host, staff and 嘉宾, pinned
// announcements with per-member reads, 精华, topics, likes, comments and search.
// Instants are epoch ms; money is integer fen.
import type { Author, Photo, ThreadComment } from './checkin'
import type { PageInput } from './page'
import type { UploadedDocument } from './files'

export type PostKind = 'post' | 'announcement'

/** Documents a post may carry (sniffed by their bytes on upload, never by name). */
export type DocumentType = UploadedDocument['contentType']

export interface PostFileInput {
  fileId: string
  /** The name shown (1–80 characters), e.g. 训练计划.pdf. */
  name: string
}

export interface PostLink {
  /** http(s) URL, ≤ 500 characters. */
  url: string
  /** 1–60 characters. */
  title: string
}

export interface PostInput {
  circleId: string
  kind: PostKind
  /** Optional headline (≤ 60); the list shows it or the text's first line. */
  title?: string
  /** ≤ 5000 characters. */
  text: string
  /** ≤ 9 images. */
  photoFileIds: string[]
  /** ≤ 9 documents (PDF). */
  files: PostFileInput[]
  link?: PostLink | null
  /** 话题, ≤ 3 per post, each 1–12 characters (written without #). */
  topics: string[]
  /** Members below this tier see it locked (达到 LvN 解锁); null or absent: every member. */
  minTierLevel?: number | null
}

export interface UpdatePostInput {
  postId: string
  title?: string
  text?: string
  photoFileIds?: string[]
  files?: PostFileInput[]
  link?: PostLink | null
  topics?: string[]
  minTierLevel?: number | null
}

export interface PostIdInput {
  postId: string
}

export type PostTab = 'all' | 'featured' | 'announcements'

export interface ListPostsInput extends PageInput {
  circleId: string
  /** 全部 (default, posts), 精华, or 公告. */
  tab?: PostTab
  /** Only posts with this 话题. */
  topic?: string
}

export interface SearchPostsInput extends PageInput {
  circleId: string
  /** 1–30 characters; words separated by spaces must all appear. */
  q: string
}

export interface FeaturePostInput {
  postId: string
  featured: boolean
}

/** Why a post is shown locked, and what unlocks it. */
export type PostLock =
  | {
      reason: 'join'
      circleId: string
      circleName: string
      /** The lowest plan's price; null for a free circle. */
      priceFen: number | null
      /** e.g. 加入「跑者精进营」¥99 起 解锁 */
      label: string
    }
  | { reason: 'tier'; minTierLevel: number; label: string }

export interface PostFileView {
  fileId: string
  name: string
  size: number
  contentType: DocumentType
}

export interface PostView {
  id: string
  circleId: string
  kind: PostKind
  author: Author
  /** 主理人 / 管理员 / 嘉宾 beside the name. */
  authorLabel: string
  title: string
  /** The title or the text's first line, ≤ 40 characters: all a locked post shows. */
  teaser: string
  /** Non-null: body, photos, files and link are withheld (empty) and this says what unlocks them. */
  locked: PostLock | null
  text: string
  photos: Photo[]
  files: PostFileView[]
  link: PostLink | null
  /** How many photos and files it holds (shown even when locked). */
  photoCount: number
  fileCount: number
  topics: string[]
  minTierLevel: number | null
  featured: boolean
  pinned: boolean
  likeCount: number
  commentCount: number
  likedByMe: boolean
  /** Announcements: whether the caller tapped 已读. */
  readByMe: boolean
  /** The caller may edit and delete it (its author, or an admin). */
  canEdit: boolean
  createdAt: number
  updatedAt: number
}

export interface CircleContentView {
  circleId: string
  circleName: string
  /** The caller sees members' content (a current member, or staff). */
  isMember: boolean
  /** The caller may post here (admin, owner, or a 嘉宾 who is a member). */
  canPost: boolean
  /** The caller may mark 精华 and see reads (admin, owner). */
  canManage: boolean
  /** Pinned announcements, newest first (≤ 3). */
  pinned: PostView[]
  /** The circle's 话题, most recently used first. */
  topics: string[]
}

export interface PostFileUrl {
  fileId: string
  name: string
  /** A temporary download link ('' when the file is gone). */
  url: string
}

export interface PostFileUrls {
  files: PostFileUrl[]
}

export interface AnnouncementReadsInput extends PageInput {
  postId: string
}

export interface AnnouncementReader {
  author: Author
  readAt: number
}

export interface AnnouncementReads {
  readCount: number
  readers: AnnouncementReader[]
  next: string | null
}

export interface MarkReadResult {
  readAt: number
}

export interface AddPostCommentInput {
  postId: string
  /** 1–500 characters. */
  text: string
  parentId?: string | null
}

export interface ListPostCommentsInput extends PageInput {
  postId: string
}

export interface PostCommentIdInput {
  commentId: string
}

export interface PostCommentView extends ThreadComment {
  postId: string
}
