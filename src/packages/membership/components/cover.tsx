import { Image, View, Text } from '@tarojs/components'
import './cover.css'

interface CoverProps {
  url: string
  name: string
  className?: string
}

/** A circle's cover, or a green tile with its first character when it has none. */
export default function Cover({ url, name, className }: CoverProps) {
  return (
    <View className={`ms-cover ${className ?? ''}`}>
      {url ? (
        <Image className='ms-cover-img' src={url} mode='aspectFill' lazyLoad />
      ) : (
        <View className='ms-cover-blank row'>
          <Text>{Array.from(name.trim())[0] ?? '圈'}</Text>
        </View>
      )}
    </View>
  )
}
