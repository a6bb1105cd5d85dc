import { useEffect, useRef } from 'react'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import type { PagedQuery } from './use-paged-query'
import { usePullDownRefetch } from './use-query'
import { showError } from './show-error'

interface ListPageOptions {
  /** What the pull-down refreshes (default: the list alone). */
  refresh?: () => Promise<void>
  /** Also fetch the list again each time the page shows again (back from paying, signing up, shipping…). */
  refetchOnShow?: boolean
  /** Also fetch the list again when its key changes (a tab or filter switch shows the current list, not the cached one). */
  refetchOnKey?: boolean
}

/**
 * What a page that is one paged list does with it: fresh on opening,
 * pull-to-refresh, the next page near the bottom, and a toast when a refresh
 * fails while the old items stay on screen.
 */
export function useListPage<T>(list: PagedQuery<T>, options: ListPageOptions = {}): void {
  const { refresh = list.refetch, refetchOnShow = false, refetchOnKey = false } = options
  usePullDownRefetch(refresh)
  useReachBottom(() => {
    void list.loadMore()
  })
  const refetch = useRef(list.refetch)
  refetch.current = list.refetch
  // Once per opening, and again per key when asked (list.refetch changes identity with the key only).
  const keyed = refetchOnKey ? list.refetch : null
  useEffect(() => {
    void refetch.current()
  }, [keyed])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && refetchOnShow) void refetch.current()
    shown.current = true
  })
  useEffect(() => {
    if (list.refreshError) showError(list.refreshError)
  }, [list.refreshError])
}
