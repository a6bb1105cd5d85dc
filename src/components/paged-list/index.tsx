import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { PagedQuery } from '../../services/use-paged-query'
import { useListPage } from '../../services/use-list-page'
import { ErrorCard } from '../error-state'
import ListFooter from '../list-footer'

interface PagedListProps<T> {
  list: PagedQuery<T>
  /** The whole screen while the first page loads (a page-shaped skeleton). */
  skeleton: ReactNode
  /** What an empty list says, usually an EmptyState with the way forward. */
  empty: ReactNode
  /** The items, laid out by the page (cards, or rows inside one card). */
  children: (items: T[]) => ReactNode
  /** Classes for the page around the list, beside `page`. */
  className?: string
  /** Above the list in every state but loading (a summary, tabs). */
  header?: ReactNode
  /** Under the list footer once there are items (a link onward). */
  footer?: ReactNode
  /** Keep the header (tabs) on screen above the skeleton while a list loads, instead of the skeleton alone. */
  headerWhileLoading?: boolean
}

/**
 * A page that is one paged list: fresh on opening, pull-down refresh and the next
 * page near the bottom (useListPage), then skeleton, error with retry, empty, or the
 * items with the list footer. Taro's page hooks reach the page from any component in it.
 */
export default function PagedList<T>(props: PagedListProps<T>) {
  useListPage(props.list)
  return <PagedListView {...props} />
}

/** The same states without the page hooks, for a page that refreshes on its own terms (e.g. on every show). */
export function PagedListView<T>({ list, skeleton, empty, children, className, header, footer, headerWhileLoading }: PagedListProps<T>) {
  const page = `page ${className ?? ''}`
  if (list.loading)
    return headerWhileLoading ? (
      <View className={page}>
        {header}
        {skeleton}
      </View>
    ) : (
      <>{skeleton}</>
    )
  if (list.error) {
    return (
      <View className={page}>
        {header}
        <ErrorCard error={list.error} onRetry={list.refetch} />
      </View>
    )
  }
  if (list.items.length === 0)
    return (
      <View className={page}>
        {header}
        {empty}
      </View>
    )
  return (
    <View className={page}>
      {header}
      {children(list.items)}
      <ListFooter list={list} />
      {footer}
    </View>
  )
}
