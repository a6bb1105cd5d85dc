import Taro from '@tarojs/taro'
import { Image, View, Text } from '@tarojs/components'
import ProgressBar from '../../../components/progress-bar'
import type { PhotoSlot } from './use-photo-uploads'

interface PhotoPickerProps {
  slots: PhotoSlot[]
  max: number
  onAdd: (paths: string[]) => void
  onRetry: (key: string) => void
  onRemove: (key: string) => void
}

/** The photos of a check-in: thumbnails with upload progress, retry, remove, and a tile to add more. */
export default function PhotoPicker({ slots, max, onAdd, onRetry, onRemove }: PhotoPickerProps) {
  const room = max - slots.length
  const pick = async () => {
    try {
      const res = await Taro.chooseImage({ count: Math.min(9, room), sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      onAdd(res.tempFilePaths.slice(0, room))
    } catch {
      // Cancelled: nothing to do.
    }
  }
  return (
    <View className='photo-picker'>
      {slots.map((slot) => (
        <View key={slot.key} className='photo-picker-cell'>
          <View className='photo-picker-tile'>
            <Image className='photo-picker-img' src={slot.path} mode='aspectFill' />
            {!slot.fileId && !slot.error ? (
              <View className='photo-picker-veil'>
                <Text className='photo-picker-percent'>{Math.round(slot.percent)}%</Text>
                <View className='photo-picker-bar'><ProgressBar percent={slot.percent} /></View>
              </View>
            ) : null}
            {slot.error ? (
              <View className='photo-picker-veil photo-picker-failed' onClick={() => { if (slot.retryable) onRetry(slot.key) }}>
                <Text className='photo-picker-failed-text'>{slot.error}</Text>
                {slot.retryable ? <Text className='photo-picker-retry'>点击重试</Text> : null}
              </View>
            ) : null}
            {slot.fileId ? <View className='photo-picker-done' /> : null}
            <View className='photo-picker-remove' onClick={() => onRemove(slot.key)}><Text>×</Text></View>
          </View>
        </View>
      ))}
      {room > 0 ? (
        <View className='photo-picker-cell'>
          <View className='photo-picker-tile photo-picker-add' onClick={() => { void pick() }}>
            <View className='photo-picker-plus' />
            <Text className='photo-picker-add-text'>{slots.length}/{max}</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
