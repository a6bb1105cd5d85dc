import { View } from '@tarojs/components'
import Skeleton from '../../components/skeleton'

/** The profile card's shape while 我的 loads, so nothing jumps when it arrives. */
export default function ProfileSkeleton() {
  return (
    <View className='card me-profile row' aria-busy>
      <Skeleton width={136} height={136} round />
      <View className='me-profile-text fill-col'>
        <Skeleton width={240} height={40} className='me-skeleton-line' />
        <Skeleton width={320} height={28} />
      </View>
    </View>
  )
}
