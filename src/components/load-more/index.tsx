import { View, Text } from '@tarojs/components'
import './index.css'

interface LoadMoreProps {
  count: number
  hasMore: boolean
  loadingMore: boolean
  moreFailed: boolean
  onMore: () => void
}

/** The bottom of an infinitely scrolled list: loading, a retry after a failure, or the end. */
export default function LoadMore({ count, hasMore, loadingMore, moreFailed, onMore }: LoadMoreProps) {
  if (moreFailed) return <View className='load-more load-more-retry' onClick={onMore}><Text>加载失败，点击重试</Text></View>
  if (loadingMore) return <View className='load-more'><View className='load-more-spinner' /><Text>加载中…</Text></View>
  if (hasMore) return <View className='load-more' onClick={onMore}><Text>上拉加载更多</Text></View>
  // A short list needs no "the end" line.
  return count > 5 ? <View className='load-more'><Text>— 没有更多了 —</Text></View> : null
}
