import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import './index.css'

interface AvatarProps {
  url: string
  nickname: string
  /** Diameter in design px (750 wide). */
  size?: number
}

/** The member's picture, or a coloured circle with the first character of the nickname. */
export default function Avatar({ url, nickname, size = 128 }: AvatarProps) {
  const box = { width: px(size), height: px(size) }
  if (url) return <Image className='avatar' style={box} src={url} mode='aspectFill' />
  // Array.from keeps an emoji or other astral character whole.
  const initial = Array.from(nickname.trim())[0] ?? '?'
  return (
    <View className='avatar avatar-placeholder' style={{ ...box, fontSize: px(size * 0.42) }}>
      {initial.toUpperCase()}
    </View>
  )
}

// Inline styles skip the build's px conversion; pxTransform applies the same rule at run time.
const px = (designPx: number) => Taro.pxTransform(designPx)
