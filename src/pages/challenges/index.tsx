import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../components/empty-state'
import ErrorState from '../../components/error-state'
import Segmented from '../../components/segmented'
import ListFooter from '../../components/list-footer'
import Skeleton from '../../components/skeleton'
import ChallengeCard from '../../components/challenge-card'
import { useChallenges } from '../../services/checkin'
import { useMe } from '../../services/member'
import { showError } from '../../services/show-error'
import type { ChallengePhase } from '../../../types/checkin'
import { challengeFormUrl } from '../../services/routes'
import { isManager } from '../../../types/roles'
import './index.css'

const PHASES = [
  { value: 'running', label: '进行中' },
  { value: 'upcoming', label: '未开始' },
  { value: 'ended', label: '已结束' }
] as const

const EMPTY: Record<ChallengePhase, { title: string; description: string }> = {
  running: { title: '暂时没有进行中的挑战', description: '主理人发布挑战后，你可以在这里报名，每天打卡，和伙伴一起坚持。' },
  upcoming: { title: '没有即将开始的挑战', description: '新的挑战发布后会先出现在这里，可以提前报名。' },
  ended: { title: '还没有结束的挑战', description: '挑战结束后会留在这里，随时回看大家的打卡。' }
}

export default function ChallengesPage() {
  const [phase, setPhase] = useState<ChallengePhase>('running')
  const list = useChallenges(phase)
  const { data: me } = useMe()

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
    <View className='page challenges-page'>
      <View className='challenges-top page-top-bar row'>
        <Segmented className='challenges-switch' options={PHASES} value={phase} onChange={setPhase} />
        {isManager(me?.role) ? (
          <View className='challenges-create row' onClick={create}>
            <Text>+ 发起挑战</Text>
          </View>
        ) : null}
      </View>
      {list.loading ? <ChallengeSkeleton /> : null}
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
      {!list.loading && !list.error && list.items.length === 0 ? <EmptyState glyph='战' {...EMPTY[phase]} /> : null}
      {list.items.map((challenge) => (
        <ChallengeCard key={challenge.id} challenge={challenge} />
      ))}
      {list.items.length > 0 ? <ListFooter list={list} /> : null}
    </View>
  )
}

function ChallengeSkeleton() {
  return (
    <View aria-busy>
      {[0, 1].map((i) => (
        <View key={i} className='card challenge-card'>
          <Skeleton width='100%' height={260} />
          <View className='challenge-card-body col'>
            <Skeleton width={360} height={34} className='challenges-skeleton-line' />
            <Skeleton width={280} height={24} />
          </View>
        </View>
      ))}
    </View>
  )
}
