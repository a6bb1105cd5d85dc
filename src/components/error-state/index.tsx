import { View, Text } from '@tarojs/components'
import { toApiCallError } from '../../services/api-error'
import './index.css'

interface ErrorStateProps {
  error: unknown
  /** Usually the query's refetch; what it returns is not waited for. */
  onRetry: () => unknown
}

/** Shown in place of content that could not load; the retry is the way out. */
export default function ErrorState({ error, onRetry }: ErrorStateProps) {
  return (
    <View className='error-state'>
      <View className='error-state-mark row'>!</View>
      <Text className='error-state-title'>加载失败</Text>
      <Text className='error-state-desc text-desc'>{toApiCallError(error).message}</Text>
      <View
        className='btn btn-ghost btn-small error-state-retry'
        onClick={() => {
          void onRetry()
        }}>
        重新加载
      </View>
    </View>
  )
}

/** The error state on its own card (a section of a page that could not load). */
export function ErrorCard({ error, onRetry, className }: ErrorStateProps & { className?: string }) {
  return (
    <View className={`card ${className ?? ''}`}>
      <ErrorState error={error} onRetry={onRetry} />
    </View>
  )
}

/** A whole page whose data could not load: the error card alone (className: the page's own classes, beside `page`). */
export function ErrorPage({ error, onRetry, className }: ErrorStateProps & { className?: string }) {
  return (
    <View className={`page ${className ?? ''}`}>
      <ErrorCard error={error} onRetry={onRetry} />
    </View>
  )
}
