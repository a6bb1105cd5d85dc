import Taro from '@tarojs/taro'
import { Button, View, Text } from '@tarojs/components'
import Avatar from '../avatar'
import ProgressBar from '../progress-bar'
import type { AvatarUpload } from './use-avatar-upload'
import './avatar-picker.css'

interface AvatarPickerProps {
  currentUrl: string
  nickname: string
  upload: AvatarUpload | null
  onPicked: (filePath: string) => void
}

/**
 * WeChat only lets a mini-program read the member's avatar through the
 * chooseAvatar button; H5 has no such button, so it picks from the album.
 */
export default function AvatarPicker({ currentUrl, nickname, upload, onPicked }: AvatarPickerProps) {
  const face = (
    <View className='avatar-picker-face'>
      <Avatar url={upload?.preview ?? currentUrl} nickname={nickname} size={176} />
      <View className='avatar-picker-camera row'>
        <View className='avatar-picker-camera-body row'>
          <View className='avatar-picker-camera-lens' />
        </View>
      </View>
    </View>
  )

  const pickInH5 = async () => {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      if (res.tempFilePaths[0]) onPicked(res.tempFilePaths[0])
    } catch {
      // Cancelled: nothing to do.
    }
  }

  return (
    <View className='avatar-picker'>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className='reset-button avatar-picker-button' openType='chooseAvatar' onChooseAvatar={(e) => onPicked((e.detail as { avatarUrl: string }).avatarUrl)}>
          {face}
        </Button>
      ) : (
        <View
          className='avatar-picker-button'
          onClick={() => {
            void pickInH5()
          }}>
          {face}
        </View>
      )}
      <UploadStatus upload={upload} />
    </View>
  )
}

function UploadStatus({ upload }: { upload: AvatarUpload | null }) {
  if (!upload) return <Text className='avatar-picker-hint text-meta'>点击更换头像</Text>
  if (upload.fileId) return <Text className='avatar-picker-hint text-meta avatar-picker-done'>头像已上传，保存后生效</Text>
  return (
    <View className='avatar-picker-progress col'>
      <ProgressBar percent={upload.percent} />
      <Text className='avatar-picker-hint text-meta'>上传中 {upload.percent}%</Text>
    </View>
  )
}
