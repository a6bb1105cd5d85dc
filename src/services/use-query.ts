import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'

// A deliberately small query layer: one module-level cache by key, so a page
// that reopens (or a second page reading the same key) paints the last answer
// at once and refreshes behind it. No global store for server data.

interface Entry {
  data?: unknown
  error?: unknown
  inflight?: Promise<void>
}

const cache = new Map<string, Entry>()
const listeners = new Map<string, Set<() => void>>()

function entryOf(key: string): Entry {
  let entry = cache.get(key)
  if (!entry) cache.set(key, (entry = {}))
  return entry
}

function notify(key: string): void {
  listeners.get(key)?.forEach((listener) => listener())
}

/** Runs the fetcher once per key at a time; concurrent callers share the same request. */
function run(key: string, fetcher: () => Promise<unknown>): Promise<void> {
  const entry = entryOf(key)
  if (entry.inflight) return entry.inflight
  entry.inflight = fetcher()
    .then(
      (data) => {
        entry.data = data
        entry.error = undefined
      },
      (error: unknown) => {
        entry.error = error
      }
    )
    .finally(() => {
      entry.inflight = undefined
      notify(key)
    })
  notify(key)
  return entry.inflight
}

/** Puts a fresh answer (e.g. the profile a mutation returned) where every reader sees it. */
export function setQueryData<T>(key: string, data: T): void {
  const entry = entryOf(key)
  entry.data = data
  entry.error = undefined
  notify(key)
}

/** Forgets everything: a different user must never see the previous one's data. */
export function clearQueryCache(): void {
  cache.clear()
  listeners.forEach((_, key) => notify(key))
}

export interface QueryState<T> {
  data: T | undefined
  error: unknown
  /** True only while there is nothing to show yet (first load, or after an error). */
  loading: boolean
  /** True while any request for this key is in flight, including background refreshes. */
  fetching: boolean
  /** Fetches again; resolves when done and never rejects (the error lands in state). */
  refetch: () => Promise<void>
}

export function useQuery<T>(key: string, fetcher: () => Promise<T>): QueryState<T> {
  const [, rerender] = useState(0)
  // The latest fetcher, without making refetch change identity on every render.
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher

  useEffect(() => {
    const listener = () => rerender((n) => n + 1)
    let set = listeners.get(key)
    if (!set) listeners.set(key, (set = new Set()))
    set.add(listener)
    return () => {
      set?.delete(listener)
    }
  }, [key])

  // After every render, not just on mount: a cleared cache (new login) must refill itself.
  useEffect(() => {
    const entry = entryOf(key)
    if (entry.data === undefined && entry.error === undefined && !entry.inflight) {
      void run(key, () => fetcherRef.current())
    }
  })

  const refetch = useCallback(() => run(key, () => fetcherRef.current()), [key])

  const entry = cache.get(key) ?? {}
  return {
    data: entry.data as T | undefined,
    error: entry.error,
    loading: entry.data === undefined && (entry.inflight !== undefined || entry.error === undefined),
    fetching: entry.inflight !== undefined,
    refetch
  }
}

/**
 * For pages with enablePullDownRefresh: the pull refetches and the spinner
 * stops when the answer (or error) is in. Call it from the page component.
 */
export function usePullDownRefetch(refetch: () => Promise<void>): void {
  usePullDownRefresh(() => {
    void refetch().finally(() => Taro.stopPullDownRefresh())
  })
}
