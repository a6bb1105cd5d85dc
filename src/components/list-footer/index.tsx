import { View, Text } from '@tarojs/components'
import type { PagedQuery } from '../../services/use-paged-query'
import './index.css'

interface ListFooterProps {
  list: Pick<PagedQuery<unknown>, 'items' | 'hasMore' | 'loadingMore' | 'moreFailed' | 'loadMore'>
}

/** The end of an infinitely scrolled list: loading, a retry after a failure, more to pull, or the end. */
export default function ListFooter({ list }: ListFooterProps) {
  const more = () => {
    void list.loadMore()
  }
  if (list.moreFailed)
    return (
      <View className='list-footer list-footer-retry' onClick={more}>
        <Text>加载失败，点击重试</Text>
      </View>
    )
  if (list.loadingMore)
    return (
      <View className='list-footer'>
        <View className='list-footer-spinner' />
        <Text>加载中…</Text>
      </View>
    )
  if (list.hasMore)
    return (
      <View className='list-footer list-footer-more' onClick={more}>
        <Text>上拉加载更多</Text>
      </View>
    )
  // A short list needs no "the end" line.
  return list.items.length > 5 ? (
    <View className='list-footer list-footer-end'>
      <Text>没有更多了</Text>
    </View>
  ) : null
}
