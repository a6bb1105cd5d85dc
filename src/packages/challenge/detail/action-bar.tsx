import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Challenge, ChallengeProgress } from '../../../../types/checkin'
import type { LockView } from '../../../../types/gating'
import { GROWTH_CENTER_PAGE } from '../../../services/routes'
import { dayLabel } from '../components/china-dates'

interface ActionBarProps {
  challenge: Challenge
  progress: ChallengeProgress
  /** Members-only and the caller is not in the circle: the way in instead of joining. */
  circleName: string | null
  inCircle: boolean
  /** What keeps the member out (a tier to reach leads to 我的成长). */
  lock?: LockView | null
  onOpenCircle: () => void
  joining: boolean
  onJoin: () => void
  onCheckin: () => void
}

/** The one thing to do next: join, check in today, or why not now. */
export default function ActionBar({ challenge, progress, circleName, inCircle, lock, onOpenCircle, joining, onJoin, onCheckin }: ActionBarProps) {
  let label: string
  let hint = ''
  let enabled = false
  let action: (() => void) | undefined
  if (challenge.phase === 'ended') {
    label = '挑战已结束'
  } else if (!inCircle) {
    label = '加入圈子后参加'
    hint = circleName ? `「${circleName}」成员专属挑战` : '圈子成员专属挑战'
    enabled = true
    action = onOpenCircle
  } else if (!progress.joined && lock?.kind === 'tier') {
    label = lock.text
    hint = `你当前 Lv${lock.myTierLevel}，去我的成长看看怎么升级`
    enabled = true
    action = () => {
      void Taro.navigateTo({ url: GROWTH_CENTER_PAGE })
    }
  } else if (!progress.joined) {
    label = joining ? '加入中…' : (challenge.depositFen ?? 0) > 0 ? `交押金 ¥${((challenge.depositFen ?? 0) / 100).toFixed(2)} 加入` : '加入挑战'
    hint = challenge.phase === 'upcoming' ? `${dayLabel(challenge.startDate)}开始，先报名吧` : ''
    enabled = !joining
    action = onJoin
  } else if (challenge.phase === 'upcoming') {
    label = `${dayLabel(challenge.startDate)}开始打卡`
    hint = '已报名，开始当天记得来打卡'
  } else if (progress.checkedInToday) {
    label = '今日已打卡'
    hint = progress.currentStreak > 1 ? `已连续打卡 ${progress.currentStreak} 天，明天继续` : '明天继续加油'
  } else if (!progress.windowOpen) {
    label = '今日打卡'
    hint = `打卡时间为每天 ${challenge.windowStart}–${challenge.windowEnd}`
  } else {
    label = '今日打卡'
    enabled = true
    action = onCheckin
  }
  return (
    <View className='detail-action-bar col'>
      {hint ? <Text className='detail-action-hint text-meta'>{hint}</Text> : null}
      <View
        className={`btn btn-primary detail-action-main ${enabled ? '' : 'btn-disabled'}`}
        onClick={() => {
          if (enabled) action?.()
        }}>
        {label}
      </View>
    </View>
  )
}
