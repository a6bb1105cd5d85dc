// A comment as stored. Its own file so the views that render comments and the
// actions that write them both read the shape without importing each other.
import { COLLECTIONS } from '../../platform/collections'

export const COMMENTS = COLLECTIONS.comments.name

/** What every comment has, whatever it is on. */
interface CommentFields {
  _id: string
  openid: string
  parentId: string | null
  replyToOpenid: string | null
  text: string
  createdAt: number
  status: 'visible' | 'hidden' | 'deleted'
}

/** A comment on any target: the target's id sits in the field its place names ('checkinId', 'postId'). */
export interface TargetCommentDoc extends CommentFields {
  [field: string]: unknown
}

/** A comment on a check-in. */
export interface CommentDoc extends CommentFields {
  checkinId: string
}
