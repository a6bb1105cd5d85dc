import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '../../types/page'
import { setQueryData, useQuery } from './use-query'
import type { PagedQuery } from './use-paged-query'

// Keyset-paged lists whose items change in place (a like, a 精选, a hidden
// check-in) wherever they show. The whole list (all pages loaded so far) is one
// query-cache entry, so a reopened list paints at once; this module keeps a
// mirror of the lists currently on screen so a change can be written into
// every one of them, and marks the others stale so they refetch when shown.

/** The pages loaded so far, as one page. */
export type PagedState<T> = Page<T>

interface Live {
  mounts: number
  state?: PagedState<unknown>
  refetch?: () => Promise<void>
}

const live = new Map<string, Live>()
/** Keys ever shown: lists off screen keep their cached copy and are refreshed on their next mount. */
const known = new Set<string>()
const stale = new Set<string>()

function put<T>(key: string, state: PagedState<T>): void {
  const entry = live.get(key)
  if (entry) entry.state = state as PagedState<unknown>
  setQueryData(key, state)
}

/** The same shape as every other paged list in the app (use-paged-query). */
export type PagedList<T> = PagedQuery<T>

export function usePagedList<T extends { id: string }>(key: string, fetchPage: (after: string | null) => Promise<Page<T>>): PagedList<T> {
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const query = useQuery<PagedState<T>>(key, async () => {
    const page = await fetchRef.current(null)
    const state = { items: page.items, next: page.next }
    const entry = live.get(key)
    if (entry) entry.state = state as PagedState<unknown>
    stale.delete(key)
    return state
  })
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreFailed, setMoreFailed] = useState(false)
  const busy = useRef(false)
  const { refetch } = query

  useEffect(() => {
    let entry = live.get(key)
    if (!entry) live.set(key, (entry = { mounts: 0 }))
    entry.mounts++
    known.add(key)
    entry.state = query.data as PagedState<unknown> | undefined
    entry.refetch = refetch
    // Changed elsewhere while off screen: the cached copy is out of date.
    if (stale.has(key) && query.data) void refetch()
    return () => {
      const e = live.get(key)
      if (e && --e.mounts <= 0) live.delete(key)
    }
    // Registers this screen under its key once; later answers reach the entry through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- per key, not per answer
  }, [key])

  const data = query.data
  // Whatever put the answer in the cache (a fetch, a patch, a cleared cache), patches start from it.
  useEffect(() => {
    const entry = live.get(key)
    if (entry) entry.state = data as PagedState<unknown> | undefined
  }, [key, data])

  const loadMore = useCallback(async () => {
    if (busy.current || !data?.next) return
    busy.current = true
    setLoadingMore(true)
    setMoreFailed(false)
    try {
      const page = await fetchRef.current(data.next)
      const current = (live.get(key)?.state as PagedState<T> | undefined) ?? data
      // A refresh replaced the list meanwhile: this page no longer follows it.
      if (current.next !== data.next) return
      const seen = new Set(current.items.map((item) => item.id))
      put(key, { items: current.items.concat(page.items.filter((item) => !seen.has(item.id))), next: page.next })
    } catch {
      setMoreFailed(true)
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
  }, [key, data])

  return {
    items: data?.items ?? [],
    loading: query.loading,
    error: data ? undefined : query.error,
    refreshError: data ? query.error : undefined,
    hasMore: Boolean(data?.next),
    loadingMore,
    moreFailed,
    refetch,
    loadMore
  }
}

/** Rewrites matching items in every list on screen whose key starts with prefix; other lists refetch when next shown. */
export function patchListItems<T extends { id: string }>(prefix: string, id: string, change: (item: T) => T | null): void {
  for (const [key, entry] of live) {
    if (!key.startsWith(prefix) || !entry.state) continue
    const state = entry.state as PagedState<T>
    if (!state.items.some((item) => item.id === id)) continue
    const items = state.items.flatMap((item) => {
      if (item.id !== id) return [item]
      const changed = change(item)
      return changed ? [changed] : []
    })
    put(key, { ...state, items })
  }
  markOffscreenStale(prefix)
}

/** Puts an item at the top of a list on screen (if not already there). */
export function prependListItem<T extends { id: string }>(key: string, item: T): void {
  const state = live.get(key)?.state as PagedState<T> | undefined
  if (!state) return
  put(key, { ...state, items: [item, ...state.items.filter((i) => i.id !== item.id)] })
}

/** Refetches the lists on screen whose key starts with prefix; the rest refetch when next shown. */
export function refetchLists(prefix: string): Promise<void> {
  markOffscreenStale(prefix)
  const runs: Promise<void>[] = []
  for (const [key, entry] of live) if (key.startsWith(prefix) && entry.refetch) runs.push(entry.refetch())
  return Promise.all(runs).then(() => undefined)
}

function markOffscreenStale(prefix: string): void {
  for (const key of known) if (key.startsWith(prefix) && !live.has(key)) stale.add(key)
}

/** Adds an item at the end of a list on screen (a new comment under the older ones). */
export function appendListItem<T extends { id: string }>(key: string, item: T): void {
  const state = live.get(key)?.state as PagedState<T> | undefined
  if (!state) return
  put(key, { ...state, items: [...state.items.filter((i) => i.id !== item.id), item] })
}
