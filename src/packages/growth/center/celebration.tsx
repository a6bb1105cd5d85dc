import { View, Text } from '@tarojs/components'
import { discountLabel, tierLabel } from '../../../services/growth'
import type { Tier } from '../../../../types/growth'
import Popup from '../../../components/popup'

/** The one-time "you levelled up" moment, with what the new tier brings. */
export default function Celebration({ tier, onClose }: { tier: Tier; onClose: () => void }) {
  const perks = perkLines(tier)
  return (
    <Popup open position='center' onClose={onClose} className='gc-celebrate col'>
      <View className='gc-celebrate-burst row'>
        <View className='gc-celebrate-ring' />
        <Text className='gc-celebrate-level'>Lv{tier.level}</Text>
      </View>
      <Text className='gc-celebrate-title text-bold'>恭喜升级为 {tierLabel(tier)}</Text>
      <Text className='gc-celebrate-desc text-desc'>{perks.length > 0 ? '新等级权益已生效：' : '继续打卡，解锁更多权益'}</Text>
      {perks.map((line) => (
        <Text key={line} className='gc-celebrate-perk text-prose'>
          · {line}
        </Text>
      ))}
      <View className='btn btn-primary gc-celebrate-ok' onClick={onClose}>
        太棒了
      </View>
    </Popup>
  )
}

export function perkLines(tier: Tier): string[] {
  const lines: string[] = []
  const discount = discountLabel(tier.perks.eventDiscountPercent)
  if (discount) lines.push(`活动 ${discount}`)
  if (tier.perks.monthlyMakeupCards > 0) lines.push(`每月补卡 ${tier.perks.monthlyMakeupCards} 张`)
  if (tier.perks.badge) lines.push(`徽章「${tier.perks.badge}」`)
  return lines
}
