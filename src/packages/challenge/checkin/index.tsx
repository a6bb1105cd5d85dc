import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import CheckinCard from '../../../components/checkin-card'
import CheckinCardSkeleton from '../../../components/checkin-card/card-skeleton'
import ErrorState, { ErrorPage } from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import { ApiCallError } from '../../../services/api'
import {
  checkinKey,
  patchCheckin,
  putCheckin,
  addComment,
  deleteComment,
  featureCheckin,
  fetchCheckin,
  fetchComments,
  hideCheckin,
  hideComment,
  reportContent,
  reviewCheckin
} from '../../../services/checkin'
import { appendListItem, patchListItems, usePagedList } from '../../../services/checkin-paged'
import { useMe } from '../../../services/member'
import { useQuery } from '../../../services/use-query'
import { showError, useRefreshErrorToast } from '../../../services/show-error'
import type { CheckinView, CommentView, ReportTarget, ReviewGrade } from '../../../../types/checkin'
import { useProfilePrompt, type ProfileStep } from '../../../components/profile-prompt'
import CommentThread, { threadsOf, type CommentActions } from './comment-thread'
import { colors } from '../../../styles/tokens'
import { CHECKIN_DETAIL_PAGE, challengeDetailUrl, routeParam } from '../../../services/routes'
import { isManager, isStaff } from '../../../../types/roles'
import './index.css'

const REPORT_REASONS = ['广告', '盗图/虚假打卡', '不友善', '其他']
const COMMENT_MAX = 500

export default function CheckinDetailPage() {
  const { params } = useRouter()
  const id = routeParam(params.id)
  const focusParam = params.comment
  // Opened from a share card (?via=share): the analytics credit the check-in if the reader later pays.
  const checkin = useQuery<CheckinView>(checkinKey(id), () => fetchCheckin({ checkinId: id, ...(params.via === 'share' ? { via: 'share' as const } : {}) }))
  // A share card opens the page with via=share: a reader who has not paid leaves a touch marked as a share (host analytics).
  useShareAppMessage(() => ({ title: checkin.data?.text.slice(0, 30) || '来看看这条打卡', path: `${CHECKIN_DETAIL_PAGE}?id=${encodeURIComponent(id)}&via=share` }))
  const commentsKey = `checkin.comments.${id}`
  const comments = usePagedList<CommentView>(commentsKey, (after) => fetchComments({ checkinId: id, after }))
  const { data: me } = useMe()
  const [draft, setDraft] = useState('')
  const [replyTo, setReplyTo] = useState<CommentView | null>(null)
  const [focus, setFocus] = useState(focusParam === '1')
  const [sending, setSending] = useState(false)
  const [moderating, setModerating] = useState(false)
  // 点评 panel (managers): a grade and an optional comment.
  const [reviewing, setReviewing] = useState<{ grade: ReviewGrade; comment: string } | null>(null)
  // A member still called 成员xxxx is asked for a nickname and avatar before their first comment.
  const profilePrompt = useProfilePrompt('评论')

  usePullDownRefresh(() => {
    void Promise.all([checkin.refetch(), comments.refetch()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void comments.loadMore()
  })
  useRefreshErrorToast(checkin.error, checkin.data)

  const data = checkin.data
  if (checkin.loading)
    return (
      <View className='page'>
        <CheckinCardSkeleton count={1} />
      </View>
    )
  if (!data) return <ErrorPage error={checkin.error} onRetry={checkin.refetch} />

  // Featuring is the managers' (admin, owner); hiding is moderation, open to moderators too.
  const isHost = isManager(me?.role)
  const moderates = isStaff(me?.role)
  const countComments = (delta: number) => patchCheckin(id, { commentCount: Math.max(0, data.commentCount + delta) }, data)
  const dropComment = (commentId: string) => patchListItems<CommentView>(commentsKey, commentId, () => null)

  const report = async (targetType: ReportTarget, targetId: string) => {
    let tapIndex: number
    try {
      tapIndex = (await Taro.showActionSheet({ itemList: REPORT_REASONS, alertText: '举报原因' })).tapIndex
    } catch {
      return // cancelled
    }
    try {
      await reportContent({ targetType, targetId, reason: REPORT_REASONS[tapIndex] })
      void Taro.showToast({ title: '已收到举报，我们会尽快处理', icon: 'none', duration: 2000 })
    } catch (err) {
      showError(err)
    }
  }

  const moderate = async (run: () => Promise<CheckinView>, done: string) => {
    if (moderating) return
    setModerating(true)
    try {
      putCheckin(await run())
      void Taro.showToast({ title: done, icon: 'success', duration: 1200 })
    } catch (err) {
      showError(err)
    } finally {
      setModerating(false)
    }
  }
  const toggleFeatured = () => moderate(() => featureCheckin({ checkinId: id, featured: !data.featured }), data.featured ? '已取消精选' : '已设为精选')
  const toggleHidden = async () => {
    const hiding = data.status !== 'hidden'
    if (hiding) {
      const { confirm } = await Taro.showModal({ title: '隐藏这条打卡？', content: '隐藏后其他成员看不到它，这一天也不再计入作者的打卡进度。', confirmText: '隐藏', confirmColor: colors.danger })
      if (!confirm) return
    }
    await moderate(() => hideCheckin({ checkinId: id, hidden: hiding }), hiding ? '已隐藏' : '已恢复')
  }

  const submitReview = async () => {
    if (!reviewing) return
    await moderate(() => reviewCheckin({ checkinId: id, grade: reviewing.grade, comment: reviewing.comment.trim() }), '已点评')
    setReviewing(null)
  }

  const onSend = () => {
    if (!draft.trim() || sending) return
    profilePrompt.guard((step) => {
      void send(step)
    })
  }

  const send = async (profileStep?: ProfileStep) => {
    const text = draft.trim()
    if (!text || sending) return
    setSending(true)
    try {
      if (profileStep) await profileStep()
      const added = await addComment({ checkinId: id, text, parentId: replyTo?.id ?? null })
      appendListItem(commentsKey, added)
      countComments(1)
      setDraft('')
      setReplyTo(null)
      setFocus(false)
    } catch (err) {
      showError(err)
      if (err instanceof ApiCallError && err.field === 'parentId') setReplyTo(null)
    } finally {
      setSending(false)
    }
  }

  const actions: CommentActions = {
    onReply: (c) => {
      setReplyTo(c)
      setFocus(true)
    },
    onDelete: async (c) => {
      const { confirm } = await Taro.showModal({ title: '删除这条评论？', confirmText: '删除', confirmColor: colors.danger })
      if (!confirm) return
      try {
        await deleteComment({ commentId: c.id })
        dropComment(c.id)
        countComments(-1)
      } catch (err) {
        showError(err)
      }
    },
    onHide: async (c) => {
      try {
        await hideComment({ commentId: c.id })
        dropComment(c.id)
        countComments(-1)
        void Taro.showToast({ title: '已隐藏评论', icon: 'success', duration: 1200 })
      } catch (err) {
        showError(err)
      }
    },
    onReport: (c) => {
      void report('comment', c.id)
    },
    onMore: async (c) => {
      const options: Array<[string, () => void]> = [['回复', () => actions.onReply(c)]]
      if (c.mine)
        options.push([
          '删除',
          () => {
            void actions.onDelete(c)
          }
        ])
      if (moderates && !c.mine)
        options.push([
          '隐藏',
          () => {
            void actions.onHide(c)
          }
        ])
      if (!c.mine) options.push(['举报', () => actions.onReport(c)])
      try {
        const { tapIndex } = await Taro.showActionSheet({ itemList: options.map(([label]) => label) })
        options[tapIndex]?.[1]()
      } catch {
        // cancelled
      }
    }
  }

  const threads = threadsOf(comments.items)

  return (
    <View className='page checkin-detail'>
      <CheckinCard checkin={data} detail />
      <View className='checkin-detail-tools row-between'>
        <Text
          className='checkin-detail-link text-link'
          onClick={() => {
            void Taro.navigateTo({ url: challengeDetailUrl(data.challengeId) })
          }}>
          查看挑战 ›
        </Text>
        <View className='checkin-detail-tools-right'>
          {isHost ? (
            <View
              className={`checkin-tool text-soft ${data.featured ? 'checkin-tool-on' : ''}`}
              onClick={() => {
                void toggleFeatured()
              }}>
              <Text>{data.featured ? '取消精选' : '设为精选'}</Text>
            </View>
          ) : null}
          {isHost && data.status !== 'hidden' ? (
            <View
              className={`checkin-tool text-soft ${reviewing ? 'checkin-tool-on' : ''}`}
              onClick={() => setReviewing(reviewing ? null : { grade: data.review?.grade ?? 'pass', comment: data.review?.comment ?? '' })}>
              <Text>{data.review ? '改点评' : '点评'}</Text>
            </View>
          ) : null}
          {moderates ? (
            <View
              className='checkin-tool text-soft checkin-tool-danger'
              onClick={() => {
                void toggleHidden()
              }}>
              <Text>{data.status === 'hidden' ? '恢复显示' : '隐藏'}</Text>
            </View>
          ) : null}
          {!data.mine && !moderates ? (
            <View
              className='checkin-tool text-soft'
              onClick={() => {
                void report('checkin', id)
              }}>
              <Text>举报</Text>
            </View>
          ) : null}
        </View>
      </View>

      {reviewing ? (
        <View className='card checkin-review'>
          <Text className='checkin-review-title text-value'>主理人点评</Text>
          <View className='checkin-review-grades'>
            {(
              [
                ['excellent', '优秀'],
                ['pass', '合格'],
                ['fail', '不合格']
              ] as const
            ).map(([grade, label]) => (
              <View key={grade} className={`checkin-review-grade text-soft ${reviewing.grade === grade ? 'checkin-review-grade-on' : ''}`} onClick={() => setReviewing({ ...reviewing, grade })}>
                <Text>{label}</Text>
              </View>
            ))}
          </View>
          <TextInput
            className='checkin-review-input soft-box'
            value={reviewing.comment}
            maxlength={200}
            placeholder='写一句点评（选填）'
            onValue={(value) => setReviewing({ ...reviewing, comment: value })}
          />
          <Text className='checkin-review-hint text-note'>不合格的一天不计入完成天数，这条打卡的积分会收回。</Text>
          <View
            className={`btn btn-small checkin-review-submit ${moderating ? 'btn-disabled' : ''}`}
            onClick={() => {
              void submitReview()
            }}>
            提交点评
          </View>
        </View>
      ) : null}

      <View className='card checkin-comments'>
        <Text className='checkin-comments-title text-title'>评论 {data.commentCount > 0 ? data.commentCount : ''}</Text>
        {comments.loading ? <Text className='checkin-comments-empty'>评论加载中…</Text> : null}
        {comments.error ? <ErrorState error={comments.error} onRetry={comments.refetch} /> : null}
        {!comments.loading && !comments.error && threads.length === 0 ? <Text className='checkin-comments-empty'>还没有评论，来说第一句吧</Text> : null}
        {threads.map((thread) => (
          <CommentThread key={thread.comment.id} thread={thread} moderates={moderates} actions={actions} />
        ))}
        {comments.items.length > 0 ? <ListFooter list={comments} /> : null}
      </View>

      <View className='comment-bar'>
        {replyTo ? (
          <View className='comment-bar-reply'>
            <Text className='comment-bar-reply-text'>回复 @{replyTo.author.nickname}</Text>
            <Text className='comment-bar-reply-cancel' onClick={() => setReplyTo(null)}>
              取消
            </Text>
          </View>
        ) : null}
        <View className='comment-bar-row row'>
          <TextInput
            className='comment-bar-input'
            value={draft}
            maxlength={COMMENT_MAX}
            focus={focus}
            confirmType='send'
            placeholder={replyTo ? `回复 @${replyTo.author.nickname}` : '说点什么，鼓励一下…'}
            placeholderClass='comment-bar-placeholder'
            onValue={(value) => setDraft(value)}
            onBlur={() => setFocus(false)}
            onConfirm={onSend}
          />
          <View className={`btn btn-primary comment-bar-send ${draft.trim() && !sending ? '' : 'btn-disabled'}`} onClick={onSend}>
            <Text>{sending ? '发送中' : '发送'}</Text>
          </View>
        </View>
      </View>
      {profilePrompt.sheet}
    </View>
  )
}
