import { useEffect } from 'react'
import { useReachBottom } from '@tarojs/taro'
import type { PagedQuery } from './use-paged-query'
import { usePullDownRefetch } from './use-query'
import { showError } from './show-error'

/**
 * What a page that is one paged list does with it: fresh on opening,
 * pull-to-refresh, the next page near the bottom, and a toast when a refresh
 * fails while the old items stay on screen.
 */
export function useListPage<T>(list: PagedQuery<T>): void {
  usePullDownRefetch(list.refetch)
  useReachBottom(() => {
    void list.loadMore()
  })
  // Once per opening: `list` is a new object every render.
  useEffect(() => {
    void list.refetch()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only, by design
  }, [])
  useEffect(() => {
    if (list.refreshError) showError(list.refreshError)
  }, [list.refreshError])
}
