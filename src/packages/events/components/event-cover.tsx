import { Image, View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './event-cover.css'

interface EventCoverProps {
  url: string
  title: string
  className?: string
  children?: ReactNode
}

/** An event's cover, or a green tile with its first character when it has none; children overlay it. */
export default function EventCover({ url, title, className, children }: EventCoverProps) {
  return (
    <View className={`ev-cover ${className ?? ''}`}>
      {url ? (
        <Image className='ev-cover-img' src={url} mode='aspectFill' lazyLoad />
      ) : (
        <View className='ev-cover-blank row'>
          <Text>{Array.from(title.trim())[0] ?? '活'}</Text>
        </View>
      )}
      {children}
    </View>
  )
}
