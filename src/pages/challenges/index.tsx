import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../components/empty-state'
import { PagedListView } from '../../components/paged-list'
import Segmented from '../../components/segmented'
import Skeleton from '../../components/skeleton'
import ChallengeCard from '../../components/challenge-card'
import { useChallenges } from '../../services/checkin'
import { useMe } from '../../services/member'
import { useListPage } from '../../services/use-list-page'
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

  useListPage(list)

  const create = () => {
    void Taro.navigateTo({ url: challengeFormUrl() })
  }

  return (
    <PagedListView
      list={list}
      className='challenges-page'
      header={
        <View className='challenges-top page-top-bar row'>
          <Segmented className='challenges-switch' options={PHASES} value={phase} onChange={setPhase} />
          {isManager(me?.role) ? (
            <View className='btn btn-primary challenges-create' onClick={create}>
              <Text>+ 发起挑战</Text>
            </View>
          ) : null}
        </View>
      }
      headerWhileLoading
      skeleton={<ChallengeSkeleton />}
      empty={<EmptyState glyph='战' {...EMPTY[phase]} />}>
      {(items) => items.map((challenge) => <ChallengeCard key={challenge.id} challenge={challenge} />)}
    </PagedListView>
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
