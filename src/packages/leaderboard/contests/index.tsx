import { useEffect } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import ErrorState from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import Skeleton from '../../../components/skeleton'
import { showError } from '../../../services/show-error'
import { usePagedQuery } from '../../../services/use-paged-query'
import { usePullDownRefetch } from '../../../services/use-query'
import type { ContestView } from '../../../../types/leaderboard'
import ContestCard from './contest-card'
import { CONTESTS_KEY, fetchContests } from '../../../services/leaderboard'

export default function ContestsPage() {
  const list = usePagedQuery<ContestView>(CONTESTS_KEY, (after) => fetchContests({ after }))
  usePullDownRefetch(list.refetch)
  useReachBottom(() => {
    void list.loadMore()
  })
  useEffect(() => {
    if (list.refreshError) showError(list.refreshError)
  }, [list.refreshError])

  return (
    <View className='page ct-page'>
      {list.loading ? (
        <View aria-busy>
          {[0, 1].map((i) => (
            <View key={i} className='card'>
              <Skeleton width='60%' height={36} />
              <Skeleton width='80%' height={26} className='ct-skeleton-gap' />
              <Skeleton width='100%' height={96} className='ct-skeleton-gap' />
            </View>
          ))}
        </View>
      ) : null}
      {!list.loading && list.error ? (
        <View className='card'>
          <ErrorState
            error={list.error}
            onRetry={() => {
              void list.refetch()
            }}
          />
        </View>
      ) : null}
      {!list.loading && !list.error && list.items.length === 0 ? <EmptyState glyph='赛' title='还没有邀请赛' description='主理人发起邀请赛后会出现在这里，邀请好友加入就能冲榜赢积分' /> : null}
      {list.items.map((contest) => (
        <ContestCard key={contest.id} contest={contest} />
      ))}
      {list.items.length > 0 ? <ListFooter list={list} /> : null}
    </View>
  )
}
