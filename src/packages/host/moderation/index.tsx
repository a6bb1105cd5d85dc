import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Image, View, Text } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import EmptyState from '../../../components/empty-state'
import { ErrorCard } from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import Skeleton from '../../../components/skeleton'
import { formatPostedAt } from '../../../components/checkin-card/time'
import { FEED_PREFIX, fetchModerationQueue, resolveReport } from '../../../services/checkin'
import { patchListItems, refetchLists, usePagedList } from '../../../services/checkin-paged'
import { showError, useRefreshErrorToast } from '../../../services/show-error'
import type { ReportView } from '../../../../types/checkin'
import { colors } from '../../../styles/tokens'
import { checkinDetailUrl } from '../../../services/routes'
import './index.css'

const QUEUE_KEY = 'checkin.moderation'

/** Open reports, most recently reported first: hide the content or dismiss the report. */
export default function ModerationPage() {
  const queue = usePagedList<ReportView>(QUEUE_KEY, (after) => fetchModerationQueue({ after }))
  const [busy, setBusy] = useState<string | null>(null)

  usePullDownRefresh(() => {
    void queue.refetch().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void queue.loadMore()
  })
  useRefreshErrorToast(queue.refreshError)

  const resolve = async (report: ReportView, resolution: 'hide' | 'dismiss') => {
    if (busy) return
    const integrity = (report.matches ?? []).length > 0
    if (resolution === 'hide') {
      const what = report.targetType === 'checkin' ? '这条打卡' : '这条评论'
      const { confirm } = integrity
        ? await Taro.showModal({ title: '驳回这条打卡？', content: '打卡将被隐藏，这一天不再计入进度，所得积分收回。', confirmText: '驳回', confirmColor: colors.danger })
        : await Taro.showModal({ title: `隐藏${what}？`, content: '隐藏后其他成员将看不到它。', confirmText: '隐藏', confirmColor: colors.danger })
      if (!confirm) return
    }
    setBusy(report.id)
    try {
      await resolveReport({ reportId: report.id, resolution })
      patchListItems<ReportView>(QUEUE_KEY, report.id, () => null)
      if (resolution === 'hide') void refetchLists(FEED_PREFIX)
      if (resolution === 'dismiss' && integrity) void refetchLists(FEED_PREFIX)
      void Taro.showToast({ title: integrity ? (resolution === 'hide' ? '已驳回' : '已通过') : resolution === 'hide' ? '已隐藏' : '已忽略', icon: 'success', duration: 1200 })
    } catch (err) {
      showError(err)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='page moderation'>
      {queue.loading ? <QueueSkeleton /> : null}
      {queue.error ? <ErrorCard error={queue.error} onRetry={queue.refetch} /> : null}
      {!queue.loading && !queue.error && queue.items.length === 0 ? <EmptyState glyph='审' title='没有待处理的举报' description='成员举报打卡或评论后，会出现在这里等你处理。' /> : null}
      {queue.items.map((report) => (
        <View key={report.id} className='card report' data-id={report.id}>
          <View className='report-head row'>
            <Text className={`report-type tag report-type-${report.targetType}`}>{report.targetType === 'checkin' ? '打卡' : '评论'}</Text>
            {report.matches?.length ? <Text className='report-type tag report-type-integrity'>疑似重复图片</Text> : null}
            <Text className='report-reason text-value ellipsis'>{report.reporterCount > 0 ? `举报理由：${report.reason}` : report.reason}</Text>
            {report.reporterCount > 0 ? <Text className='report-count text-error'>{report.reporterCount} 人举报</Text> : null}
          </View>
          <View
            className='report-preview'
            onClick={() => {
              if (report.targetType === 'checkin') void Taro.navigateTo({ url: checkinDetailUrl(report.targetId) })
            }}>
            <View className='report-author row'>
              <Avatar url={report.preview.author.avatarUrl} nickname={report.preview.author.nickname || '?'} size={56} />
              <Text className='report-author-name text-label'>{report.preview.author.nickname || '未知成员'}</Text>
              <Text className='report-time text-faint'>{formatPostedAt(report.createdAt)}</Text>
            </View>
            <Text className='report-text text-body'>{report.preview.text}</Text>
            {report.preview.photos.length > 0 ? (
              <View className='report-photos row'>
                {report.preview.photos.slice(0, 4).map((photo) => (
                  <Image key={photo.fileId} className='report-photo' src={photo.url} mode='aspectFill' />
                ))}
                {report.preview.photos.length > 4 ? <Text className='report-more text-meta'>+{report.preview.photos.length - 4}</Text> : null}
              </View>
            ) : null}
          </View>
          {report.matches?.length ? <PhotoMatches report={report} /> : null}
          <View className='report-actions'>
            <View
              className={`btn btn-small report-dismiss ${busy === report.id ? 'btn-disabled' : ''}`}
              onClick={() => {
                void resolve(report, 'dismiss')
              }}>
              {report.matches?.length ? '通过' : '忽略'}
            </View>
            <View
              className={`btn btn-small report-hide ${busy === report.id ? 'btn-disabled' : ''}`}
              onClick={() => {
                void resolve(report, 'hide')
              }}>
              {report.matches?.length ? '驳回' : '隐藏'}
            </View>
          </View>
        </View>
      ))}
      {queue.items.length > 0 ? <ListFooter list={queue} /> : null}
    </View>
  )
}

/** Each held photo beside the earlier photo it matched: the host judges with both in view. */
function PhotoMatches({ report }: { report: ReportView }) {
  return (
    <View className='match-list'>
      {report.matches!.map((m) => (
        <View key={`${m.photo.fileId}:${m.match.fileId}`} className='match-row'>
          <View className='match-side col'>
            <Image className='match-photo' src={m.photo.url} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: [m.photo.url, m.match.url], current: m.photo.url })} />
            <Text className='match-caption text-note'>本条打卡</Text>
          </View>
          <View className='match-side col'>
            <Image className='match-photo' src={m.match.url} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: [m.photo.url, m.match.url], current: m.match.url })} />
            <Text className='match-caption text-note'>
              {m.sameMember ? '本人' : m.matchAuthor.nickname || '其他成员'} · {m.matchDate.slice(5).replace('-', '月')}日
            </Text>
          </View>
          <Text className='match-note'>{m.distance === 0 ? '同一张照片' : `高度相似（差异 ${m.distance}/64）`}</Text>
        </View>
      ))}
    </View>
  )
}

function QueueSkeleton() {
  return (
    <View aria-busy>
      {[0, 1].map((i) => (
        <View key={i} className='card report'>
          <Skeleton width={360} height={30} className='report-skeleton-line' />
          <Skeleton width='100%' height={140} className='report-skeleton-line' />
          <Skeleton width={300} height={60} />
        </View>
      ))}
    </View>
  )
}
