import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { GROWTH_CENTER_PAGE, formatPoints, tierLabel, useGrowthSummary } from '../../services/growth'

/**
 * 我的 → 我的成长, with the tier and balance at a glance ("Lv2 活跃 · 128 积分").
 * Uses 我的's menu row styles; refreshes whenever 我的 shows again (back from the mall).
 */
export default function GrowthEntry() {
  const { data, refetch } = useGrowthSummary()
  useDidShow(() => { void refetch() })
  return (
    <View className='me-menu-item growth-entry' onClick={() => { void Taro.navigateTo({ url: GROWTH_CENTER_PAGE }) }}>
      <Text className='me-menu-label'>我的成长</Text>
      <Text className='me-menu-hint growth-entry-hint'>{data ? `${tierLabel(data.tier)} · ${formatPoints(data.points)} 积分` : '积分、等级与商城'}</Text>
      <Text className='me-chevron'>›</Text>
    </View>
  )
}
