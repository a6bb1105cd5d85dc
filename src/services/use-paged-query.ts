import { useCallback, useRef, useState } from 'react'
import type { Page } from '../../types/page'
import { useQuery } from './use-query'

// Keyset-paged lists on top of the query cache: the first page is cached by key
// (so a reopened list paints at once and pull-down refetches it); further pages
// are appended locally and dropped when the first page is fetched again.

export interface PagedQuery<T> {
  items: T[]
  /** Nothing to show yet (first load). */
  loading: boolean
  /** The first page failed (and nothing is cached). */
  error: unknown
  /** A refresh failed while older items are still on screen (worth a toast, not a blank page). */
  refreshError: unknown
  hasMore: boolean
  loadingMore: boolean
  /** The last "load more" failed; loadMore() retries it. */
  moreFailed: boolean
  refetch: () => Promise<void>
  loadMore: () => Promise<void>
}

interface Extra<T> {
  base: Page<T>
  items: T[]
  next: string | null
}

export function usePagedQuery<T>(key: string, fetchPage: (after: string | null) => Promise<Page<T>>): PagedQuery<T> {
  const first = useQuery<Page<T>>(key, () => fetchPage(null))
  const [extra, setExtra] = useState<Extra<T> | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreFailed, setMoreFailed] = useState(false)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const busy = useRef(false)

  const base = first.data
  // Pages fetched after an older first page no longer follow this one.
  const current = extra && base && extra.base === base ? extra : null
  const items = base ? (current ? base.items.concat(current.items) : base.items) : []
  const next = current ? current.next : (base?.next ?? null)
  const baseRef = useRef(base)
  baseRef.current = base

  const loadMore = useCallback(async () => {
    if (busy.current || !base || !next) return
    busy.current = true
    setLoadingMore(true)
    setMoreFailed(false)
    try {
      const page = await fetchRef.current(next)
      if (baseRef.current !== base) return
      setExtra((prev) => {
        const kept = prev && prev.base === base ? prev.items : []
        return { base, items: kept.concat(page.items), next: page.next }
      })
    } catch {
      setMoreFailed(true)
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
  }, [base, next])

  return {
    items,
    loading: first.loading,
    error: base ? undefined : first.error,
    refreshError: base ? first.error : undefined,
    hasMore: next !== null,
    loadingMore,
    moreFailed,
    refetch: first.refetch,
    loadMore
  }
}
