import { View } from '@tarojs/components'
import Skeleton from '../skeleton'

/** The shape of a few check-in cards while the feed loads, so nothing jumps when it arrives. */
export default function CheckinCardSkeleton({ count = 3 }: { count?: number }) {
  return (
    <View aria-busy>
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className='card checkin-card'>
          <View className='checkin-card-head row'>
            <Skeleton width={80} height={80} round />
            <View className='checkin-card-who fill-col'>
              <Skeleton width={200} height={30} className='checkin-card-skeleton-line' />
              <Skeleton width={320} height={24} />
            </View>
          </View>
          <Skeleton width='100%' height={28} className='checkin-card-skeleton-line' />
          <Skeleton width='70%' height={28} className='checkin-card-skeleton-line' />
          {i === 0 ? <Skeleton width={400} height={300} /> : null}
        </View>
      ))}
    </View>
  )
}
