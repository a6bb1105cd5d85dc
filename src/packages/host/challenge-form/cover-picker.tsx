import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, View, Text } from '@tarojs/components'
import ProgressBar from '../../../components/progress-bar'
import { uploadImage } from '../../../services/api'
import { showError } from '../../../services/show-error'

interface CoverPickerProps {
  url: string
  onUploaded: (fileId: string, url: string) => void
  onRemove: () => void
  onBusy: (busy: boolean) => void
}

/** The challenge's cover: pick, upload at once with progress, replace or remove. */
export default function CoverPicker({ url, onUploaded, onRemove, onBusy }: CoverPickerProps) {
  const [uploading, setUploading] = useState<{ preview: string; percent: number } | null>(null)
  const latest = useRef(0)

  const pick = async () => {
    let path: string | undefined
    try {
      path = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths[0]
    } catch {
      return // cancelled
    }
    if (!path) return
    const attempt = ++latest.current
    setUploading({ preview: path, percent: 0 })
    onBusy(true)
    try {
      const done = await uploadImage(path, (percent) => { if (attempt === latest.current) setUploading({ preview: path!, percent }) })
      if (attempt === latest.current) onUploaded(done.fileId, done.url)
    } catch (err) {
      if (attempt === latest.current) showError(err)
    } finally {
      if (attempt === latest.current) {
        setUploading(null)
        onBusy(false)
      }
    }
  }

  const shown = uploading?.preview ?? url
  return (
    <View className='cover-picker'>
      <View className='cover-picker-box' onClick={() => { void pick() }}>
        {shown ? <Image className='cover-picker-img' src={shown} mode='aspectFill' /> : (
          <View className='cover-picker-empty'>
            <View className='cover-picker-plus' />
            <Text className='cover-picker-empty-text'>上传封面（建议 16:9）</Text>
          </View>
        )}
        {uploading ? (
          <View className='cover-picker-veil'>
            <Text className='cover-picker-percent'>上传中 {Math.round(uploading.percent)}%</Text>
            <View className='cover-picker-bar'><ProgressBar percent={uploading.percent} /></View>
          </View>
        ) : null}
      </View>
      {url && !uploading ? (
        <View className='cover-picker-actions'>
          <Text className='cover-picker-link' onClick={() => { void pick() }}>更换</Text>
          <Text className='cover-picker-link cover-picker-remove' onClick={onRemove}>移除</Text>
        </View>
      ) : null}
    </View>
  )
}
