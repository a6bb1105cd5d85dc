import { View } from '@tarojs/components'
import Skeleton from '../../../components/skeleton'

/** 我的成长's shape while it loads, so nothing jumps when the numbers arrive. */
export default function CenterSkeleton() {
  return (
    <View className='page growth-center' aria-busy>
      <View className='card gc-skeleton-hero'>
        <Skeleton width={160} height={28} />
        <Skeleton width={260} height={88} className='gc-skeleton-gap' />
        <Skeleton width='100%' height={12} className='gc-skeleton-gap' />
        <Skeleton width={360} height={24} className='gc-skeleton-gap' />
      </View>
      <View className='card gc-stats row'>
        {[0, 1].map((i) => (
          <View key={i} className='gc-stat stat-tile'>
            <Skeleton width={80} height={40} />
            <Skeleton width={100} height={24} className='gc-skeleton-gap-sm' />
          </View>
        ))}
      </View>
      <View className='card gc-entries'>
        {[0, 1, 2].map((i) => (
          <View key={i} className='gc-entry stat-tile'>
            <Skeleton width={88} height={88} round />
            <Skeleton width={110} height={26} className='gc-skeleton-gap-sm' />
          </View>
        ))}
      </View>
    </View>
  )
}
