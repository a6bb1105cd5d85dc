import { View } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import Skeleton from '../../../components/skeleton'
import { usePagedQuery } from '../../../services/use-paged-query'
import type { ContestView } from '../../../../types/leaderboard'
import ContestCard from './contest-card'
import { CONTESTS_KEY, fetchContests } from '../../../services/leaderboard'

export default function ContestsPage() {
  const list = usePagedQuery<ContestView>(CONTESTS_KEY, (after) => fetchContests({ after }))
  return (
    <PagedList
      list={list}
      className='ct-page'
      skeleton={<ContestsSkeleton />}
      empty={<EmptyState glyph='赛' title='还没有邀请赛' description='主理人发起邀请赛后会出现在这里，邀请好友加入就能冲榜赢积分' />}>
      {(items) => items.map((contest) => <ContestCard key={contest.id} contest={contest} />)}
    </PagedList>
  )
}

function ContestsSkeleton() {
  return (
    <View className='page ct-page' aria-busy>
      {[0, 1].map((i) => (
        <View key={i} className='card'>
          <Skeleton width='60%' height={36} />
          <Skeleton width='80%' height={26} className='ct-skeleton-gap' />
          <Skeleton width='100%' height={96} className='ct-skeleton-gap' />
        </View>
      ))}
    </View>
  )
}
