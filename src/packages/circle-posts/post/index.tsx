import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import InputBar from '../../../components/input-bar'
import Avatar from '../../../components/avatar'
import ErrorState, { ErrorPage } from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import Skeleton, { AuthorSkeleton } from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { appendListItem, patchListItems } from '../../../services/checkin-paged'
import {
  addPostComment,
  deletePost,
  deletePostComment,
  featurePost,
  formatFileSize,
  markAnnouncementRead,
  openPostFile,
  postCommentsKey,
  putPost,
  togglePostLike,
  useAnnouncementReads,
  usePost,
  usePostComments
} from '../../../services/posts'
import { circleUrl, postComposeUrl, routeParam } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { useMe } from '../../../services/member'
import { isManager } from '../../../../types/roles'
import { colors } from '../../../styles/tokens'
import { formatChineseDateTime } from '../../../utils/format'
import type { PostCommentView, PostView } from '../../../../types/posts'
import './index.css'

export default function PostPage() {
  const { params } = useRouter()
  const id = routeParam(params.id)
  const post = usePost(id)
  usePullDownRefresh(() => {
    void post.refetch().finally(() => Taro.stopPullDownRefresh())
  })

  if (post.loading) return <PostSkeleton />
  if (!post.data) return <ErrorPage error={post.error} onRetry={post.refetch} />
  return <PostBody post={post.data} />
}

function PostBody({ post }: { post: PostView }) {
  const [busy, setBusy] = useState(false)
  const run = async (work: () => Promise<unknown>) => {
    if (busy) return
    setBusy(true)
    try {
      await work()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }
  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: '删除这条内容？', content: '删除后成员将看不到它。', confirmText: '删除', confirmColor: colors.danger })
    if (!confirm) return
    await run(async () => {
      await deletePost(post)
      void Taro.showToast({ title: '已删除', icon: 'success', duration: 1200 })
      void Taro.navigateBack()
    })
  }
  return (
    <View className='page post-page'>
      <View className='card post-main'>
        <View className='post-head row'>
          <Avatar url={post.author.avatarUrl} nickname={post.author.nickname} size={80} />
          <View className='post-who fill-col'>
            <View className='post-name-row row'>
              <Text className='post-name text-title'>{post.author.nickname}</Text>
              {post.authorLabel ? <Tag tone={post.authorLabel === '嘉宾' ? 'purple' : 'green'}>{post.authorLabel}</Tag> : null}
            </View>
            <Text className='post-time text-quiet'>{formatChineseDateTime(post.createdAt)}</Text>
          </View>
          {post.pinned ? <Tag tone='orange'>置顶公告</Tag> : null}
          {post.featured ? <Tag tone='gold'>精华</Tag> : null}
        </View>
        {post.title ? <Text className='post-title text-bold'>{post.title}</Text> : null}
        {post.locked ? <Locked post={post} /> : <Unlocked post={post} />}
        {post.topics.length > 0 ? (
          <View className='post-topics'>
            {post.topics.map((t) => (
              <Text key={t} className='post-topic'>
                #{t}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {!post.locked ? (
        <View className='post-actions'>
          <View
            className={`post-action text-label ${post.likedByMe ? 'post-action-on' : ''}`}
            onClick={() => {
              void run(() => togglePostLike(post))
            }}>
            <Text>
              {post.likedByMe ? '已赞' : '赞'} {post.likeCount}
            </Text>
          </View>
          {post.pinned ? (
            <View
              className={`post-action text-label post-read ${post.readByMe ? 'post-action-on' : ''}`}
              onClick={() => {
                if (!post.readByMe) void run(() => markAnnouncementRead(post))
              }}>
              <Text>{post.readByMe ? '已读 ✓' : '标记已读'}</Text>
            </View>
          ) : null}
          {post.canEdit ? (
            <>
              <View
                className='post-action text-label'
                onClick={() => {
                  void Taro.navigateTo({ url: postComposeUrl(post.circleId, post.id) })
                }}>
                <Text>编辑</Text>
              </View>
              <View
                className='post-action text-label post-action-danger'
                onClick={() => {
                  void remove()
                }}>
                <Text>删除</Text>
              </View>
            </>
          ) : null}
          <ManagerTools post={post} run={run} />
        </View>
      ) : null}

      {!post.locked && post.pinned ? <ReadStats post={post} /> : null}
      {!post.locked ? <Comments post={post} /> : null}
    </View>
  )
}

function Locked({ post }: { post: PostView }) {
  const lock = post.locked!
  return (
    <View className='post-locked'>
      {!post.title ? <Text className='post-text'>{post.teaser}</Text> : null}
      <View className='post-lock-box col'>
        <Text className='post-lock-title text-title'>🔒 {lock.reason === 'join' ? '圈子成员专属内容' : '等级专属内容'}</Text>
        {post.photoCount + post.fileCount > 0 ? (
          <Text className='post-lock-counts text-desc'>
            含 {post.photoCount > 0 ? `${post.photoCount} 张图片` : ''}
            {post.photoCount > 0 && post.fileCount > 0 ? '、' : ''}
            {post.fileCount > 0 ? `${post.fileCount} 个文件` : ''}
          </Text>
        ) : null}
        {lock.reason === 'join' ? (
          <View
            className='btn btn-primary post-lock-button'
            onClick={() => {
              void Taro.navigateTo({ url: circleUrl(lock.circleId) })
            }}>
            {lock.label}
          </View>
        ) : (
          <Text className='post-lock-label'>{lock.label}</Text>
        )}
      </View>
    </View>
  )
}

function Unlocked({ post }: { post: PostView }) {
  const [opening, setOpening] = useState<string | null>(null)
  const open = async (fileId: string) => {
    if (opening) return
    setOpening(fileId)
    try {
      await openPostFile(post.id, fileId)
    } catch (err) {
      showError(err)
    } finally {
      setOpening(null)
    }
  }
  const urls = post.photos.map((p) => p.url)
  return (
    <View>
      {post.text ? (
        <Text className='post-text' userSelect>
          {post.text}
        </Text>
      ) : null}
      {post.photos.length > 0 ? (
        <View className='post-photos'>
          {post.photos.map((p) => (
            <Image
              key={p.fileId}
              className='post-photo'
              src={p.url}
              mode='aspectFill'
              onClick={() => {
                void Taro.previewImage({ urls, current: p.url })
              }}
            />
          ))}
        </View>
      ) : null}
      {post.files.map((f) => (
        <View
          key={f.fileId}
          className='post-file row'
          onClick={() => {
            void open(f.fileId)
          }}>
          <Text className='post-file-badge'>PDF</Text>
          <View className='post-file-main fill-col'>
            <Text className='post-file-name text-body ellipsis'>{f.name}</Text>
            <Text className='post-file-size text-meta'>{formatFileSize(f.size)}</Text>
          </View>
          <Text className='post-file-open text-link'>{opening === f.fileId ? '打开中…' : '打开'}</Text>
        </View>
      ))}
      {post.link ? (
        <View
          className='post-link col'
          onClick={() => {
            void Taro.setClipboardData({ data: post.link!.url })
          }}>
          <Text className='post-link-title'>🔗 {post.link.title}</Text>
          <Text className='post-link-url text-note'>{post.link.url}（点击复制链接）</Text>
        </View>
      ) : null}
    </View>
  )
}

/** 设为精华: the host's and admins' (canEdit alone would include a 嘉宾 author). */
function ManagerTools({ post, run }: { post: PostView; run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { data: me } = useMe()
  if (!isManager(me?.role)) return null
  return (
    <View
      className={`post-action text-label post-manage ${post.featured ? 'post-action-on' : ''}`}
      onClick={() => {
        void run(async () => {
          putPost(await featurePost({ postId: post.id, featured: !post.featured }))
          void Taro.showToast({ title: post.featured ? '已取消精华' : '已设为精华', icon: 'success', duration: 1200 })
        })
      }}>
      <Text>{post.featured ? '取消精华' : '设为精华'}</Text>
    </View>
  )
}

/** 已读统计, for the host and admins: how many and who tapped 已读. */
function ReadStats({ post }: { post: PostView }) {
  const { data: me } = useMe()
  const reads = useAnnouncementReads(post.id, isManager(me?.role))
  if (!reads.data) return null
  const { readCount, readers } = reads.data
  return (
    <View className='card post-reads'>
      <Text className='post-section-title text-strong'>已读 {readCount} 人</Text>
      {readers.length === 0 ? <Text className='post-empty text-desc'>还没有成员标记已读</Text> : null}
      <View className='post-readers'>
        {readers.map((r) => (
          <View key={r.author.openid} className='post-reader col'>
            <Avatar url={r.author.avatarUrl} nickname={r.author.nickname} size={56} />
            <Text className='post-reader-name text-small ellipsis'>{r.author.nickname}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function Comments({ post }: { post: PostView }) {
  const comments = usePostComments(post.id)
  const [draft, setDraft] = useState('')
  const [replyTo, setReplyTo] = useState<PostCommentView | null>(null)
  const [sending, setSending] = useState(false)
  useReachBottom(() => {
    void comments.loadMore()
  })
  const key = postCommentsKey(post.id)
  const send = async () => {
    const text = draft.trim()
    if (!text || sending) return
    setSending(true)
    try {
      const added = await addPostComment({ postId: post.id, text, parentId: replyTo?.id ?? null })
      appendListItem(key, added)
      putPost({ ...post, commentCount: post.commentCount + 1 })
      setDraft('')
      setReplyTo(null)
    } catch (err) {
      showError(err)
    } finally {
      setSending(false)
    }
  }
  const more = async (c: PostCommentView) => {
    const options: Array<[string, () => void]> = [['回复', () => setReplyTo(c)]]
    if (c.mine)
      options.push([
        '删除',
        () => {
          void deletePostComment(c.id).then(
            () => {
              patchListItems<PostCommentView>(key, c.id, () => null)
              putPost({ ...post, commentCount: Math.max(0, post.commentCount - 1) })
            },
            (err: unknown) => showError(err)
          )
        }
      ])
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: options.map(([label]) => label) })
      options[tapIndex]?.[1]()
    } catch {
      // cancelled
    }
  }
  return (
    <View className='card post-comments'>
      <Text className='post-section-title text-strong'>评论 {post.commentCount > 0 ? post.commentCount : ''}</Text>
      {comments.loading ? <Skeleton width='100%' height={60} /> : null}
      {comments.error ? <ErrorState error={comments.error} onRetry={comments.refetch} /> : null}
      {!comments.loading && !comments.error && comments.items.length === 0 ? <Text className='post-empty text-desc'>还没有评论，来说第一句吧</Text> : null}
      {comments.items.map((c) => (
        <View key={c.id} className={`post-comment ${c.parentId ? 'post-comment-reply' : ''}`} onClick={() => void more(c)}>
          <Avatar url={c.author.avatarUrl} nickname={c.author.nickname} size={c.parentId ? 48 : 60} />
          <View className='post-comment-main fill-col'>
            <Text className='post-comment-name text-meta'>
              {c.author.nickname}
              {c.replyTo ? ` 回复 ${c.replyTo.nickname}` : ''}
            </Text>
            <Text className='post-comment-text text-body'>{c.text}</Text>
          </View>
        </View>
      ))}
      {comments.items.length > 0 ? <ListFooter list={comments} /> : null}
      <InputBar
        className='post-comment-bar'
        inputClass='post-comment-input'
        value={draft}
        maxlength={500}
        confirmType='send'
        placeholder={replyTo ? `回复 @${replyTo.author.nickname}` : '写下你的想法…'}
        onValue={setDraft}
        onSubmit={() => void send()}>
        <View className={`post-comment-send ${draft.trim() && !sending ? '' : 'post-comment-send-off'}`} onClick={() => void send()}>
          <Text>{sending ? '发送中' : '发送'}</Text>
        </View>
      </InputBar>
    </View>
  )
}

function PostSkeleton() {
  return (
    <View className='page post-page' aria-busy>
      <View className='card post-main'>
        <AuthorSkeleton avatar={80} widths={[180, 240]} />
        <Skeleton width='60%' height={36} className='skeleton-gap' />
        <Skeleton width='100%' height={28} className='skeleton-gap' />
        <Skeleton width='90%' height={28} className='skeleton-gap' />
      </View>
    </View>
  )
}
