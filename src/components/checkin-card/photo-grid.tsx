import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import type { Photo } from '../../../types/checkin'

/** One photo large, two to nine in a 3-column grid; a tap opens the viewer on that photo. */
export default function PhotoGrid({ photos }: { photos: Photo[] }) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => p.url)
  const preview = (e: { stopPropagation: () => void }, url: string) => {
    e.stopPropagation()
    void Taro.previewImage({ current: url, urls })
  }
  if (photos.length === 1) {
    return (
      <View className='photo-grid photo-grid-single'>
        <Image className='photo-grid-single-img' src={urls[0]} mode='aspectFill' lazyLoad onClick={(e) => preview(e, urls[0])} />
      </View>
    )
  }
  return (
    <View className='photo-grid'>
      {photos.map((photo) => (
        <View key={photo.fileId} className='photo-grid-cell'>
          <Image className='photo-grid-img' src={photo.url} mode='aspectFill' lazyLoad onClick={(e) => preview(e, photo.url)} />
        </View>
      ))}
    </View>
  )
}
