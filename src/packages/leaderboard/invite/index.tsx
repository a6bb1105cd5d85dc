import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Image, Button } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import EmptyState from '../../../components/empty-state'
import { ErrorCard } from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import Skeleton, { CardsSkeleton } from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { SUBSCRIBE_FOR, prefetchSubscribeTemplates, requestSubscribe } from '../../../services/subscribe'
import { showError, useRefreshErrorToast } from '../../../services/show-error'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useQuery } from '../../../services/use-query'
import { formatDay } from '../../../utils/format'
import type { InviteInfo, InviteeView } from '../../../../types/leaderboard'
import { DEFAULT_COMMUNITY_NAME, useCommunityName } from '../../../services/community'
import { MY_INVITEES_KEY, MY_INVITE_KEY, fetchMyInvite, fetchMyInvitees, inviteShareTitle } from '../../../services/leaderboard'
import { CONTESTS_PAGE } from '../../../services/routes'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'

export default function InvitePage() {
  const info = useQuery<InviteInfo>(MY_INVITE_KEY, () => fetchMyInvite())
  const code = info.data?.code ?? ''
  // The community by its name on the poster and in the share text (read once, cached).
  const communityName = useCommunityName()

  // WeChat's share sheet (the 分享给好友 button and the menu): the feed, carrying my code.
  useShareAppMessage(() => ({
    title: inviteShareTitle(communityName || DEFAULT_COMMUNITY_NAME),
    path: code ? `pages/feed/index?invite=${code}` : 'pages/feed/index'
  }))

  // Inviting is how a member enters the contests: their taps ask to hear if they win a prize.
  useEffect(() => {
    void prefetchSubscribeTemplates()
  }, [])
  const askForPrizeNews = () => {
    void requestSubscribe(SUBSCRIBE_FOR.contest)
  }

  const copy = () => {
    askForPrizeNews()
    if (!info.data) return
    // Both WeChat and Taro's H5 say 内容已复制 themselves.
    void Taro.setClipboardData({ data: info.data.shareUrl }).catch(showError)
  }

  return (
    <View className='page iv-page'>
      {info.loading ? <PosterSkeleton /> : null}
      {!info.loading && !info.data && info.error ? <ErrorCard error={info.error} onRetry={info.refetch} /> : null}
      {info.data ? (
        <View>
          <View className={`iv-poster col ${info.data.poster ? 'iv-poster-with-story' : ''}`}>
            <Text className='iv-poster-community'>{communityName}</Text>
            <Text className='iv-poster-line'>邀请你一起打卡、成长</Text>
            {info.data.poster ? (
              // My own check-in as the testimonial: the photo and my words.
              <View className='iv-story'>
                <Image className='iv-story-photo' src={info.data.poster.photoUrl} mode='aspectFill' />
                {info.data.poster.featured ? <Text className='iv-story-tag'>精选打卡</Text> : null}
                <Text className='iv-story-quote text-value'>“{info.data.poster.quote}”</Text>
              </View>
            ) : null}
            {info.data.qrImage ? (
              <View className='iv-poster-qr-box'>
                <Image className='iv-poster-qr' src={info.data.qrImage} mode='aspectFit' />
              </View>
            ) : null}
            <Text className='iv-poster-hint'>{info.data.qrImage ? (isWeapp ? '微信扫码进入小程序' : '扫码或打开链接加入') : '小程序码暂时无法生成，请把邀请码告诉好友'}</Text>
            <View className='iv-poster-code row'>
              <Text className='iv-poster-code-label'>我的邀请码</Text>
              <Text className='iv-poster-code-value'>{info.data.code}</Text>
            </View>
          </View>
          <View className='iv-actions'>
            <View className='btn btn-ghost iv-copy' onClick={copy}>
              复制链接
            </View>
            {isWeapp ? (
              <Button className='reset-button btn btn-primary iv-share' openType='share' onClick={askForPrizeNews}>
                分享给好友
              </Button>
            ) : null}
          </View>
          <Text className='iv-rule text-meta'>好友通过你的邀请加入，完成首次打卡或首次付费后，你将获得积分奖励</Text>
          <View
            className='card iv-contests row'
            onClick={() => {
              void Taro.navigateTo({ url: CONTESTS_PAGE })
            }}>
            <Text className='iv-contests-label'>邀请赛</Text>
            <Text className='iv-contests-hint'>邀请冲榜，前 3 名得积分和奖品</Text>
            <Text className='iv-contests-chevron'>›</Text>
          </View>

          <View className='card iv-stats'>
            <Stat className='iv-stat-invited' value={info.data.invitedCount} label='已邀请' />
            <Stat className='iv-stat-activated' value={info.data.activatedCount} label='已激活' />
            <Stat className='iv-stat-points' value={info.data.rewardPoints} label='获得积分' />
          </View>
          {/* After myInvite: it applies pending rewards, so the list shows them. */}
          <Invitees onRefreshInfo={info.refetch} />
        </View>
      ) : null}
    </View>
  )
}

function Stat({ value, label, className }: { value: number; label: string; className: string }) {
  return (
    <View className={`iv-stat stat-tile ${className}`}>
      <Text className='iv-stat-value text-bold'>{value}</Text>
      <Text className='iv-stat-label text-meta'>{label}</Text>
    </View>
  )
}

function Invitees({ onRefreshInfo }: { onRefreshInfo: () => Promise<void> }) {
  const list = usePagedQuery<InviteeView>(MY_INVITEES_KEY, (after) => fetchMyInvitees({ after }))
  useReachBottom(() => {
    void list.loadMore()
  })
  usePullDownRefresh(() => {
    void onRefreshInfo()
      .then(() => list.refetch())
      .finally(() => Taro.stopPullDownRefresh())
  })
  // Back on the page (a friend may have joined meanwhile): stats first, then the list.
  useDidShow(() => {
    void onRefreshInfo().then(() => list.refetch())
  })
  useRefreshErrorToast(list.refreshError)

  return (
    <View>
      <Text className='iv-section section-title'>邀请记录</Text>
      {list.loading ? <CardsSkeleton count={1} lines={[['100%', 72]]} /> : null}
      {!list.loading && list.error ? <ErrorCard error={list.error} onRetry={list.refetch} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <EmptyState glyph='邀' title='还没有好友通过你加入' description='把海报或链接发给朋友，他们加入后会出现在这里' /> : null}
      {list.items.length > 0 ? (
        <View className='card iv-list'>
          {list.items.map((invitee) => (
            <View key={invitee.openid} className={`iv-invitee row divided iv-invitee-${invitee.status}`} data-openid={invitee.openid}>
              <Avatar url={invitee.avatarUrl} nickname={invitee.nickname} size={80} />
              <View className='iv-invitee-text fill-col'>
                <Text className='iv-invitee-name ellipsis'>{invitee.nickname}</Text>
                <Text className='iv-invitee-date text-quiet'>
                  {formatDay(invitee.joinedAt)}加入{invitee.activatedAt ? ` · ${formatDay(invitee.activatedAt)}激活` : ''}
                </Text>
              </View>
              <View className='iv-invitee-side col'>
                <Tag tone={invitee.status === 'activated' ? 'green' : 'orange'} className='iv-status'>
                  {invitee.status === 'activated' ? '已激活' : '已加入'}
                </Tag>
                <Text className='iv-invitee-reward text-warn'>{invitee.rewardPoints > 0 ? `+${invitee.rewardPoints} 积分` : invitee.status === 'joined' ? '待首次打卡' : '—'}</Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {list.items.length > 0 ? <ListFooter list={list} /> : null}
    </View>
  )
}

function PosterSkeleton() {
  return (
    <View aria-busy className='iv-poster col iv-poster-skeleton'>
      <Skeleton width={200} height={40} />
      <Skeleton width={360} height={360} className='iv-skeleton-gap' />
      <Skeleton width={280} height={36} className='iv-skeleton-gap' />
    </View>
  )
}
