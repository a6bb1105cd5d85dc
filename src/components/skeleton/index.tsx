import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import './index.css'

interface SkeletonProps {
  width: number | string
  height: number
  round?: boolean
  className?: string
}

/** A shimmering placeholder block, sized in design px (or a % width). */
export default function Skeleton({ width, height, round, className }: SkeletonProps) {
  const style = {
    width: typeof width === 'number' ? Taro.pxTransform(width) : width,
    height: Taro.pxTransform(height),
    borderRadius: round ? '50%' : Taro.pxTransform(8)
  }
  return <View className={`skeleton ${className ?? ''}`} style={style} />
}
