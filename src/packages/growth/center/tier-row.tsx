import { ScrollView, View, Text } from '@tarojs/components'
import { formatPoints } from '../../../services/growth'
import type { Tier } from '../../../../types/growth'
import { perkLines } from './celebration'

/** Every tier side by side with its perks; the member's own tier stands out. */
export default function TierRow({ tiers, current }: { tiers: Tier[]; current: Tier }) {
  return (
    <ScrollView scrollX className='gc-tiers' showScrollbar={false}>
      <View className='gc-tiers-track'>
        {tiers.map((tier) => {
          const perks = perkLines(tier)
          const state = tier.level === current.level ? 'current' : tier.level < current.level ? 'reached' : 'locked'
          return (
            <View key={tier.level} className={`gc-tier col gc-tier-${state}`}>
              <View className='gc-tier-head row-between'>
                <Text className='gc-tier-level text-score'>Lv{tier.level}</Text>
                {state === 'current' ? <Text className='gc-tier-tag'>当前</Text> : null}
              </View>
              <Text className='gc-tier-name text-name'>{tier.name}</Text>
              <Text className='gc-tier-min text-faint'>成长值 {formatPoints(tier.minGrowth)}</Text>
              <View className='gc-tier-perks col'>
                {perks.length > 0 ? (
                  perks.map((line) => (
                    <Text key={line} className='gc-tier-perk text-soft'>
                      {line}
                    </Text>
                  ))
                ) : (
                  <Text className='gc-tier-perk text-soft gc-tier-perk-none'>基础权益</Text>
                )}
              </View>
            </View>
          )
        })}
      </View>
    </ScrollView>
  )
}
