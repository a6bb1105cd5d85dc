import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import EmptyState from '../../components/empty-state'
import EmptyAction from '../../components/empty-state/action'
import { ErrorCard } from '../../components/error-state'
import Segmented from '../../components/segmented'
import ListFooter from '../../components/list-footer'
import CheckinCard from '../../components/checkin-card'
import CheckinCardSkeleton from '../../components/checkin-card/card-skeleton'
import CommunityHeader from '../../components/community-header'
import { useFeed } from '../../services/checkin'
import { useRefreshErrorToast } from '../../services/show-error'
import { CHALLENGES_PAGE } from '../../services/routes'
import './index.css'

type Scope = 'all' | 'featured'
const SCOPES = [
  { value: 'all', label: '全部' },
  { value: 'featured', label: '精选' }
] as const

// The testimonial wall: everyone's check-ins, newest first, or the host's picks.
export default function FeedPage() {
  const [scope, setScope] = useState<Scope>('all')
  const feed = useFeed(scope)

  usePullDownRefresh(() => {
    void feed.refetch().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void feed.loadMore()
  })
  // With cards already on screen a failed refresh is a toast, not a blank page.
  useRefreshErrorToast(feed.refreshError)

  return (
    <View className='page feed-page'>
      <CommunityHeader />
      <View className='feed-switch page-top-bar'>
        <Segmented options={SCOPES} value={scope} onChange={setScope} />
      </View>
      {feed.loading ? <CheckinCardSkeleton /> : null}
      {feed.error ? <ErrorCard error={feed.error} onRetry={feed.refetch} /> : null}
      {!feed.loading && !feed.error && feed.items.length === 0 ? <FeedEmpty scope={scope} /> : null}
      {feed.items.map((checkin) => (
        <CheckinCard key={checkin.id} checkin={checkin} />
      ))}
      {feed.items.length > 0 ? <ListFooter list={feed} /> : null}
    </View>
  )
}

function FeedEmpty({ scope }: { scope: Scope }) {
  if (scope === 'featured') {
    return <EmptyState glyph='精' title='还没有精选打卡' description='主理人会把打动人的打卡设为精选，它们会出现在这里。' />
  }
  return (
    <EmptyState
      glyph='卡'
      title='还没有打卡动态'
      description='加入一个挑战，完成第一次打卡，大家的打卡会出现在这里，可以点赞和评论。'
      action={<EmptyAction label='去看看挑战' onClick={() => Taro.switchTab({ url: CHALLENGES_PAGE })} />}
    />
  )
}
