import { View } from '@tarojs/components'
import Skeleton from '../../components/skeleton'

/** Rows of avatar, name and tags while the first page loads. */
export default function RowsSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <View className='card hm-skeleton'>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='hm-skeleton-row row'>
          <Skeleton width={72} height={72} round />
          <View className='hm-skeleton-text col'>
            <Skeleton width='40%' height={28} />
            <Skeleton width='70%' height={24} />
          </View>
        </View>
      ))}
    </View>
  )
}
