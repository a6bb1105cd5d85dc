import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import { PagedListView } from '../../../components/paged-list'
import Segmented from '../../../components/segmented'
import { CardsSkeleton, type SkeletonLines } from '../../../components/skeleton'
import { formatEventTime, priceLabel, fetchEvents, useAttendees } from '../../../services/events'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useListPage } from '../../../services/use-list-page'
import type { EventView } from '../../../../types/events'
import { attendeesUrl, eventDetailUrl, eventFormUrl, scannerUrl } from '../../../services/routes'
import './index.css'

type When = 'upcoming' | 'past'
const TABS: ReadonlyArray<{ value: When; label: string }> = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '已结束' }
]
/** An event's card while the list loads: its title, time and place, the four counts. */
const CARD_LINES: SkeletonLines = [
  ['70%', 36],
  ['50%', 26],
  ['100%', 96]
]
const go = (url: string) => {
  void Taro.navigateTo({ url })
}

/** The host's events: who is coming to each, and the way to the list, the door and the form. */
export default function HostEventsPage() {
  const [when, setWhen] = useState<When>('upcoming')
  // Its own cache key: the host's list must not repaint the member list's status tags.
  const list = usePagedQuery<EventView>(`host-events.list.${when}`, (after) => fetchEvents({ when, after }))
  useListPage(list, { refetchOnShow: true })

  return (
    <PagedListView
      list={list}
      className='hev-page'
      header={
        <>
          <View className='hev-head row'>
            <View className='hev-head-text fill-col'>
              <Text className='page-title'>活动管理</Text>
              <Text className='page-desc'>报名、候补、检票一处看清</Text>
            </View>
            <View className='btn btn-primary btn-small hev-create' onClick={() => go(eventFormUrl())}>
              ＋ 发起活动
            </View>
          </View>
          <Segmented className='hev-tabs' options={TABS} value={when} onChange={setWhen} />
        </>
      }
      headerWhileLoading
      skeleton={<CardsSkeleton card='hev-card' count={2} lines={CARD_LINES} />}
      empty={
        <EmptyState glyph='活' title={when === 'upcoming' ? '还没有即将开始的活动' : '还没有结束的活动'} description={when === 'upcoming' ? '发起一场线下聚会或线上分享，成员就能报名了' : undefined} />
      }>
      {(items) => items.map((event) => <HostEventCard key={event.id} event={event} />)}
    </PagedListView>
  )
}

function HostEventCard({ event }: { event: EventView }) {
  const counts = useAttendees(event.id)
  useDidShow(() => {
    void counts.refetch()
  })
  const cancelled = event.status === 'cancelled'
  const c = counts.data
  const stat = (value: number | undefined, label: string, cls: string) => (
    <View className={`hev-stat stat-tile ${cls}`}>
      <Text className='hev-stat-num text-amount num-bold'>{value ?? '–'}</Text>
      <Text className='hev-stat-label text-note'>{label}</Text>
    </View>
  )
  return (
    <View className={`card hev-card ${cancelled ? 'hev-card-cancelled' : ''}`} data-id={event.id}>
      <View className='hev-card-top' onClick={() => go(eventDetailUrl(event.id))}>
        <View className='hev-card-head row'>
          <Text className='hev-card-title text-strong ellipsis'>{event.title}</Text>
          {cancelled ? (
            <Text className='hev-tag tone-green tag hev-tag-cancelled'>已取消</Text>
          ) : (
            <Text className={`hev-tag tone-green tag hev-tag-${event.phase}`}>{event.phase === 'upcoming' ? '报名中' : event.phase === 'ongoing' ? '进行中' : '已结束'}</Text>
          )}
        </View>
        <Text className='hev-card-meta text-meta'>
          {formatEventTime(event.startAt)} · {event.mode === 'online' ? '线上' : '线下'} · {priceLabel(event.feeFen)}
        </Text>
      </View>
      <View className='hev-stats'>
        {stat(c?.confirmed, `已报名/${event.capacity}`, 'hev-stat-confirmed')}
        {stat(c?.held, '待支付', 'hev-stat-held')}
        {stat(c?.waitlisted, '候补', 'hev-stat-waitlisted')}
        {stat(c?.attended, '已签到', 'hev-stat-attended')}
      </View>
      <View className='hev-card-actions'>
        <Text className='hev-card-action hev-open-attendees' onClick={() => go(attendeesUrl(event.id))}>
          名单
        </Text>
        {!cancelled ? (
          <Text className='hev-card-action hev-open-scanner' onClick={() => go(scannerUrl(event.id))}>
            检票
          </Text>
        ) : null}
        {!cancelled && event.phase !== 'ended' ? (
          <Text className='hev-card-action hev-open-form' onClick={() => go(eventFormUrl(event.id))}>
            编辑
          </Text>
        ) : null}
      </View>
    </View>
  )
}
