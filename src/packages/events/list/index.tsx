import { useState } from 'react'
import { View } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import { PagedListView } from '../../../components/paged-list'
import Segmented from '../../../components/segmented'
import Skeleton from '../../../components/skeleton'
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
      empty={
        when === 'upcoming' ? (
          <EmptyState glyph='活' title='近期没有活动' description='主理人发起活动后会出现在这里，记得常来看看' />
        ) : (
          <EmptyState glyph='往' title='还没有往期活动' description='结束的活动会留在这里' />
        )
      }>
      {(items) => items.map((event) => <EventCard key={event.id} event={event} />)}
    </PagedListView>
  )
}

function ListSkeleton() {
  return (
    <View aria-busy>
      {[0, 1].map((i) => (
        <View key={i} className='card ev-card ev-list-skeleton'>
          <Skeleton width='100%' height={300} className='ev-list-skeleton-cover' />
          <View className='ev-list-skeleton-body'>
            <Skeleton width='70%' height={36} />
            <Skeleton width='55%' height={26} className='ev-list-skeleton-gap' />
            <Skeleton width='80%' height={26} className='ev-list-skeleton-gap' />
            <Skeleton width={160} height={34} className='ev-list-skeleton-gap' />
          </View>
        </View>
      ))}
    </View>
  )
}
