import { View } from '@tarojs/components'
import './index.css'

/** A thin determinate bar; percent is clamped to 0–100. */
export default function ProgressBar({ percent }: { percent: number }) {
  const clamped = Math.max(0, Math.min(100, Math.round(percent)))
  return (
    <View className='progress-bar'>
      <View className='progress-bar-fill' style={{ width: `${clamped}%` }} />
    </View>
  )
}
