import { View, Text } from '@tarojs/components'
import type { CommentView } from '../../../../types/checkin'
import Avatar from '../../../components/avatar'
import { formatPostedAt } from '../../../components/checkin-card/time'

export interface CommentActions {
  onReply: (comment: CommentView) => void
  onMore: (comment: CommentView) => void
  onDelete: (comment: CommentView) => void
  onReport: (comment: CommentView) => void
  onHide: (comment: CommentView) => void
}

interface Thread {
  comment: CommentView
  replies: CommentView[]
}

/** Top-level comments in order, each with its replies beneath (one level, as the server stores them). */
export function threadsOf(comments: CommentView[]): Thread[] {
  const threads: Thread[] = []
  const byId = new Map<string, Thread>()
  for (const comment of comments) {
    const parent = comment.parentId ? byId.get(comment.parentId) : undefined
    if (parent) parent.replies.push(comment)
    else {
      // A reply whose parent was deleted stands on its own.
      const thread = { comment, replies: [] }
      threads.push(thread)
      byId.set(comment.id, thread)
    }
  }
  return threads
}

export default function CommentThread({ thread, moderates, actions }: { thread: Thread; moderates: boolean; actions: CommentActions }) {
  return (
    <View className='comment-thread'>
      <CommentRow comment={thread.comment} moderates={moderates} actions={actions} />
      {thread.replies.length > 0 ? (
        <View className='comment-replies'>
          {thread.replies.map((reply) => (
            <CommentRow key={reply.id} comment={reply} moderates={moderates} actions={actions} reply />
          ))}
        </View>
      ) : null}
    </View>
  )
}

function CommentRow({ comment, moderates, actions, reply = false }: { comment: CommentView; moderates: boolean; actions: CommentActions; reply?: boolean }) {
  return (
    <View className={`comment ${reply ? 'comment-reply' : ''}`} data-id={comment.id} onLongPress={() => actions.onMore(comment)}>
      <Avatar url={comment.author.avatarUrl} nickname={comment.author.nickname} size={reply ? 52 : 68} />
      <View className='comment-main'>
        <View className='comment-head row'>
          <Text className='comment-name text-label'>{comment.author.nickname}</Text>
          {comment.author.badge ? <Text className='comment-badge'>{comment.author.badge}</Text> : null}
          <Text className='comment-time text-faint'>{formatPostedAt(comment.createdAt)}</Text>
        </View>
        <Text className='comment-text text-body' onClick={() => actions.onReply(comment)}>
          {reply && comment.replyTo ? <Text className='comment-reply-to'>回复 @{comment.replyTo.nickname}：</Text> : null}
          {comment.text}
        </Text>
        <View className='comment-links'>
          <Text className='comment-link text-note' onClick={() => actions.onReply(comment)}>
            回复
          </Text>
          {comment.mine ? (
            <Text className='comment-link text-note comment-link-danger' onClick={() => actions.onDelete(comment)}>
              删除
            </Text>
          ) : null}
          {moderates && !comment.mine ? (
            <Text className='comment-link text-note' onClick={() => actions.onHide(comment)}>
              隐藏
            </Text>
          ) : null}
          {!comment.mine ? (
            <Text className='comment-link text-note' onClick={() => actions.onReport(comment)}>
              举报
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  )
}
