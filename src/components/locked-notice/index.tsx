import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { LockView } from '../../../types/gating'
import { GROWTH_CENTER_PAGE, circleUrl } from '../../services/routes'
import { formatFen } from '../../utils/format'
import './index.css'

/** What the lock's button says and where it goes: the circle's join page, or 我的成长 to see how to level up. */
function unlockOf(lock: LockView): { detail: string; button: string; url: string } {
  if (lock.kind === 'circle') return { detail: lock.lowestPriceFen === null ? '免费加入' : `${formatFen(lock.lowestPriceFen)} 起`, button: '去加入', url: circleUrl(lock.circleId) }
  return { detail: `你当前 Lv${lock.myTierLevel}`, button: '去升级', url: GROWTH_CENTER_PAGE }
}

/**
 * Content gated by a circle or a tier, shown locked with what unlocks it
 * (加入「圈名」后可参加 · ¥99.00 起 / 达到 Lv3 解锁 · 你当前 Lv2) and a button there.
 * compact: one line for a list card (the card itself stays tappable; the button stops the tap).
 */
export default function LockedNotice({ lock, compact = false }: { lock: LockView; compact?: boolean }) {
  const unlock = unlockOf(lock)
  const go = (e: { stopPropagation: () => void }) => {
    e.stopPropagation()
    void Taro.navigateTo({ url: unlock.url })
  }
  return (
    <View className={`locked-notice ${compact ? 'locked-notice-compact' : ''}`} data-lock={lock.kind}>
      <View className='locked-notice-icon row'>
        <Text>锁</Text>
      </View>
      <View className='locked-notice-text fill-col'>
        <Text className='locked-notice-title'>{lock.text}</Text>
        <Text className='locked-notice-detail text-meta'>{unlock.detail}</Text>
      </View>
      <View className='btn btn-primary btn-small locked-notice-btn' onClick={go}>
        <Text>{unlock.button}</Text>
      </View>
    </View>
  )
}
