import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Challenge } from '../../../../types/checkin'
import type { Page } from '../../../../types/page'
import ErrorState from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import Cover from '../components/cover'
import Lock from '../components/lock'
import { challengeDetailUrl } from '../../../services/routes'

const PHASE_LABEL = { running: '进行中', upcoming: '未开始', ended: '已结束' } as const

interface ChallengeListProps {
  challenges: { data: Page<Challenge> | undefined; error: unknown; loading: boolean; refetch: () => Promise<void> }
  unlocked: boolean
  /** Free circles: their challenges are for members, but nothing is paid for. */
  free: boolean
}

/** The circle's own challenges: open to members, shown locked to everyone else as a preview. */
export default function ChallengeList({ challenges, unlocked, free }: ChallengeListProps) {
  const items = challenges.data?.items.filter((c) => !c.archived) ?? []
  return (
    <View className='card circle-section circle-challenges'>
      <View className='circle-section-head'>
        <Text className='circle-section-title text-strong'>{free ? '圈子挑战' : '会员专属挑战'}</Text>
        {!unlocked && items.length > 0 ? <Text className='circle-section-hint text-meta circle-locked-hint'>加入后解锁</Text> : null}
      </View>
      {challenges.loading ? (
        <View aria-busy>
          {[0, 1].map((i) => (
            <View key={i} className='cc-row row'>
              <Skeleton width={112} height={112} />
              <View className='cc-row-text fill-col'>
                <Skeleton width={280} height={30} />
                <Skeleton width={200} height={24} className='cc-skeleton-gap' />
              </View>
            </View>
          ))}
        </View>
      ) : challenges.error && !challenges.data ? (
        <ErrorState error={challenges.error} onRetry={challenges.refetch} />
      ) : items.length === 0 ? (
        <Text className='circle-empty-line'>圈子里还没有挑战，主理人发布后会出现在这里</Text>
      ) : (
        items.map((challenge) => <ChallengeRow key={challenge.id} challenge={challenge} unlocked={unlocked} />)
      )}
    </View>
  )
}

function ChallengeRow({ challenge, unlocked }: { challenge: Challenge; unlocked: boolean }) {
  const open = () => {
    if (unlocked) void Taro.navigateTo({ url: challengeDetailUrl(challenge.id) })
    else void Taro.showToast({ title: '加入圈子后即可参加', icon: 'none' })
  }
  return (
    <View className={`cc-row row ${unlocked ? '' : 'cc-row-locked'}`} data-id={challenge.id} onClick={open}>
      <Cover className='cc-row-cover' url={challenge.coverUrl} name={challenge.title} />
      <View className='cc-row-text fill-col'>
        <Text className='cc-row-title text-title ellipsis'>{challenge.title}</Text>
        <Text className='cc-row-meta text-meta'>
          {PHASE_LABEL[challenge.phase]} · 共 {challenge.days} 天 · {challenge.participantCount} 人参加
        </Text>
      </View>
      {unlocked ? <Text className='cc-row-chevron'>›</Text> : <Lock className='cc-row-lock' />}
    </View>
  )
}
