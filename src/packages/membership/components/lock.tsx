import { View } from '@tarojs/components'
import './lock.css'

/** A small padlock drawn in CSS (an emoji would render as a box without a colour-emoji font). */
export default function Lock({ className }: { className?: string }) {
  return (
    <View className={`ms-lock ${className ?? ''}`}>
      <View className='ms-lock-shackle' />
      <View className='ms-lock-body'>
        <View className='ms-lock-hole' />
      </View>
    </View>
  )
}
