import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import ChallengeCard from '../../../components/challenge-card'
import EmptyState from '../../../components/empty-state'
import ErrorState from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import Skeleton from '../../../components/skeleton'
import { useChallenges } from '../../../services/checkin'
import { showError } from '../../../services/show-error'
import { challengeFormUrl } from '../../../services/routes'
import './index.css'

/** Every challenge, archived ones too, newest start first. */
export default function HostChallengesPage() {
  const list = useChallenges('all', true)
  useDidShow(() => {
    if (list.items.length > 0) void list.refetch()
  })
  usePullDownRefresh(() => {
    void list.refetch().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  useEffect(() => {
    if (list.refreshError) showError(list.refreshError)
  }, [list.refreshError])

  const create = () => {
    void Taro.navigateTo({ url: challengeFormUrl() })
  }

  return (
    <View className='page host-challenges'>
      <View className='host-challenges-top row-between'>
        <Text className='host-challenges-count text-desc'>{list.items.length > 0 ? `共 ${list.items.length}${list.hasMore ? '+' : ''} 个挑战` : ''}</Text>
        <View className='btn btn-primary btn-small' onClick={create}>
          + 发起挑战
        </View>
      </View>
      {list.loading ? (
        <View className='card'>
          <Skeleton width='100%' height={360} />
        </View>
      ) : null}
      {list.error ? (
        <View className='card'>
          <ErrorState
            error={list.error}
            onRetry={() => {
              void list.refetch()
            }}
          />
        </View>
      ) : null}
      {!list.loading && !list.error && list.items.length === 0 ? <EmptyState glyph='战' title='还没有挑战' description='发起第一个打卡挑战，邀请成员一起坚持。' /> : null}
      {list.items.map((challenge) => (
        <ChallengeCard
          key={challenge.id}
          challenge={challenge}
          onEdit={() => {
            void Taro.navigateTo({ url: challengeFormUrl(challenge.id) })
          }}
        />
      ))}
      {list.items.length > 0 ? <ListFooter list={list} /> : null}
    </View>
  )
}
