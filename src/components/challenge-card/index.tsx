import Taro from '@tarojs/taro'
import { Image, View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Challenge } from '../../../types/checkin'
import { formatDateRange } from './dates'
import { challengeDetailUrl } from '../../services/routes'
import LockedNotice from '../locked-notice'
import './index.css'

const PHASE_LABEL = { running: '进行中', upcoming: '未开始', ended: '已结束' } as const

interface ChallengeCardProps {
  challenge: Challenge
  /** Host console: show 已归档 and an edit link. */
  onEdit?: () => void
}

/**
 * What a challenge's card and its page both say under the title: the dates and days, then how many joined and checked in
 * (children at the end of that row). Classes are `${name}-dates`, `-stats`, `-stat` and `-stat-num`; `big` for the page.
 */
export function ChallengeFacts({ challenge, name, big, children }: { challenge: Challenge; name: string; big?: boolean; children?: ReactNode }) {
  return (
    <>
      <Text className={`${name}-dates ${big ? 'text-desc' : 'text-meta'}`}>
        {formatDateRange(challenge.startDate, challenge.endDate)} · 共 {challenge.days} 天
      </Text>
      <View className={`${name}-stats row`}>
        <Text className={`${name}-stat text-soft`}>
          <Text className={`${name}-stat-num`}>{challenge.participantCount}</Text> 人参加
        </Text>
        <Text className={`${name}-stat text-soft`}>
          <Text className={`${name}-stat-num`}>{challenge.checkinCount}</Text> 次打卡
        </Text>
        {children}
      </View>
    </>
  )
}

/** A challenge in a list: cover, title, dates and how lively it is. */
export default function ChallengeCard({ challenge, onEdit }: ChallengeCardProps) {
  const open = () => {
    void Taro.navigateTo({ url: challengeDetailUrl(challenge.id) })
  }
  return (
    <View className='card challenge-card' data-id={challenge.id} onClick={open}>
      <View className='challenge-card-cover'>
        {challenge.coverUrl ? (
          <Image className='challenge-card-cover-img' src={challenge.coverUrl} mode='aspectFill' lazyLoad />
        ) : (
          <View className='challenge-card-cover-blank row'>
            <Text>{Array.from(challenge.title)[0] ?? '战'}</Text>
          </View>
        )}
        <Text className={`challenge-card-phase pill-badge challenge-card-phase-${challenge.phase}`}>{PHASE_LABEL[challenge.phase]}</Text>
        {challenge.archived ? <Text className='challenge-card-archived pill-badge'>已归档</Text> : null}
        {challenge.circleId ? <Text className='challenge-card-circle'>圈子专属</Text> : null}
        {challenge.minTierLevel > 1 ? <Text className='challenge-card-tier'>Lv{challenge.minTierLevel} 起</Text> : null}
      </View>
      <View className='challenge-card-body col'>
        <Text className='challenge-card-title text-strong'>{challenge.title}</Text>
        <ChallengeFacts challenge={challenge} name='challenge-card'>
          {onEdit ? (
            <Text
              className='challenge-card-edit text-accent'
              onClick={(e) => {
                e.stopPropagation()
                onEdit()
              }}>
              编辑
            </Text>
          ) : null}
        </ChallengeFacts>
        {challenge.lock ? <LockedNotice lock={challenge.lock} compact /> : null}
      </View>
    </View>
  )
}
