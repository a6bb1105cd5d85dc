import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './progress-ring.css'

interface ProgressRingProps {
  done: number
  total: number
  /** Diameter in design px. */
  size?: number
}

/**
 * A ring drawn with two clipped half-discs (no conic-gradient, which WeChat
 * lacks, and no SVG): the right half fills the first 180°, the left the rest.
 */
export default function ProgressRing({ done, total, size = 200 }: ProgressRingProps) {
  const ratio = total > 0 ? Math.max(0, Math.min(1, done / total)) : 0
  const degrees = ratio * 360
  const right = Math.min(180, degrees)
  const left = Math.max(0, degrees - 180)
  const px = (n: number) => Taro.pxTransform(n)
  return (
    <View className='progress-ring' style={{ width: px(size), height: px(size) }}>
      <View className='progress-ring-clip progress-ring-clip-right'>
        <View className='progress-ring-half progress-ring-half-right' style={{ transform: `rotate(${right}deg)` }} />
      </View>
      <View className='progress-ring-clip progress-ring-clip-left'>
        <View className='progress-ring-half progress-ring-half-left' style={{ transform: `rotate(${left}deg)` }} />
      </View>
      <View className='progress-ring-hole col'>
        <Text className='progress-ring-value text-bold'>
          {done}
          <Text className='progress-ring-total text-desc'>/{total}</Text>
        </Text>
        <Text className='progress-ring-label'>已打卡天数</Text>
      </View>
    </View>
  )
}
