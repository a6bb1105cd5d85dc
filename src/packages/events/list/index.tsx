import { useState, type ComponentProps } from 'react'
import { View } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import { PagedListView } from '../../../components/paged-list'
import Segmented from '../../../components/segmented'
import Skeleton, { CardsSkeleton, LinesSkeleton, type SkeletonLines } from '../../../components/skeleton'
import { eventListKey, fetchEvents } from '../../../services/events'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useListPage } from '../../../services/use-list-page'
import type { EventView } from '../../../../types/events'
import EventCard from '../components/event-card'
import './index.css'

type When = 'upcoming' | 'past'
const TABS: ReadonlyArray<{ value: When; label: string }> = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '往期' }
]
const EMPTY: Record<When, ComponentProps<typeof EmptyState>> = {
  upcoming: { glyph: '活', title: '近期没有活动', description: '主理人发起活动后会出现在这里，记得常来看看' },
  past: { glyph: '往', title: '还没有往期活动', description: '结束的活动会留在这里' }
}

/** An event card's text under its cover while the list loads: title, time, place, price. */
const BODY_LINES: SkeletonLines = [
  ['70%', 36],
  ['55%', 26],
  ['80%', 26],
  [160, 34]
]

export default function EventsPage() {
  const [when, setWhen] = useState<When>('upcoming')
  const list = usePagedQuery<EventView>(eventListKey(when), (after) => fetchEvents({ when, after }))
  // Back from a signup or a payment: seats and my status have changed.
  useListPage(list, { refetchOnShow: true })

  return (
    <PagedListView
      list={list}
      className='ev-list-page'
      header={<Segmented className='ev-list-tabs' options={TABS} value={when} onChange={setWhen} />}
      headerWhileLoading
      skeleton={<ListSkeleton />}
      empty={<EmptyState {...EMPTY[when]} />}>
      {(items) => items.map((event) => <EventCard key={event.id} event={event} />)}
    </PagedListView>
  )
}

/** An event card while the list loads: the cover, then its title, time, place and price. */
function ListSkeleton() {
  return (
    <CardsSkeleton card='ev-card ev-list-skeleton' count={2}>
      <Skeleton width='100%' height={300} className='ev-list-skeleton-cover' />
      <View className='ev-list-skeleton-body'>
        <LinesSkeleton lines={BODY_LINES} />
      </View>
    </CardsSkeleton>
  )
}
