import { View, Text } from '@tarojs/components'
import './index.css'

interface ListFooterProps {
  count: number
  hasMore: boolean
  loadingMore: boolean
  moreFailed: boolean
  onRetry: () => void
}

/** The end of an infinitely scrolled list: loading, a retry after a failure, or the end. */
export default function ListFooter({ count, hasMore, loadingMore, moreFailed, onRetry }: ListFooterProps) {
  if (moreFailed) {
    return <View className='list-footer list-footer-retry' onClick={onRetry}><Text>加载失败，点击重试</Text></View>
  }
  if (loadingMore) return <View className='list-footer'><View className='list-footer-spinner' /><Text>加载中…</Text></View>
  if (hasMore) return <View className='list-footer list-footer-more' onClick={onRetry}><Text>上拉加载更多</Text></View>
  // A short list needs no "the end" line.
  return count > 8 ? <View className='list-footer'><Text>没有更多了</Text></View> : null
}
