import { View, Text } from '@tarojs/components'
import { toApiCallError } from '../../services/api-error'
import './index.css'

interface ErrorStateProps {
  error: unknown
  onRetry: () => void
}

/** Shown in place of content that could not load; the retry is the way out. */
export default function ErrorState({ error, onRetry }: ErrorStateProps) {
  return (
    <View className='error-state'>
      <View className='error-state-mark row'>!</View>
      <Text className='error-state-title'>加载失败</Text>
      <Text className='error-state-desc text-desc'>{toApiCallError(error).message}</Text>
      <View className='btn btn-ghost btn-small error-state-retry' onClick={onRetry}>
        重新加载
      </View>
    </View>
  )
}
