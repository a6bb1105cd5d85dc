import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { EventView } from '../../../../types/events'
import { formatEventTime, priceLabel, seatsLabel } from '../../../services/events'
import EventCover from './event-cover'
import StatusTag from './status-tag'
import LockedNotice from '../../../components/locked-notice'
import { eventDetailUrl } from '../../../services/routes'
import './event-card.css'

const PHASE_LABEL = { upcoming: '报名中', ongoing: '进行中', ended: '已结束' } as const

/** An event in a list: cover, title, when and where, price and seats, and the member's own status. */
export default function EventCard({ event }: { event: EventView }) {
  const open = () => {
    void Taro.navigateTo({ url: eventDetailUrl(event.id) })
  }
  const cancelled = event.status === 'cancelled'
  const full = event.seatsLeft === 0
  return (
    <View className={`card ev-card ${cancelled ? 'ev-card-cancelled' : ''}`} data-id={event.id} onClick={open}>
      <EventCover className='ev-card-cover' url={event.coverUrl} title={event.title}>
        <Text className={`ev-card-phase ev-card-phase-${cancelled ? 'cancelled' : event.phase}`}>{cancelled ? '已取消' : PHASE_LABEL[event.phase]}</Text>
        <StatusTag signup={event.mySignup} className='ev-card-mine' />
      </EventCover>
      <View className='ev-card-body'>
        <Text className='ev-card-title text-strong ellipsis'>{event.title}</Text>
        <View className='ev-card-line row'>
          <Text className='ev-card-icon'>时</Text>
          <Text className='ev-card-text text-label'>{formatEventTime(event.startAt)}</Text>
        </View>
        <View className='ev-card-line row'>
          <Text className='ev-card-icon'>{event.mode === 'online' ? '线' : '地'}</Text>
          <Text className='ev-card-text text-label ev-card-place ellipsis'>{event.mode === 'online' ? '线上活动' : event.address}</Text>
        </View>
        <View className='ev-card-foot'>
          {event.circleName ? <Text className={`ev-card-circle ${event.inCircle ? '' : 'ev-card-circle-locked'}`}>{event.inCircle ? '圈子专属' : '圈子专属 · 未加入'}</Text> : null}
          <Text className={`ev-card-price num-bold ${event.feeFen === 0 ? 'ev-card-free' : ''}`}>{priceLabel(event.myPriceFen)}</Text>
          {event.myPriceFen < event.feeFen ? <Text className='ev-card-was text-quiet'>{priceLabel(event.feeFen)}</Text> : null}
          {!cancelled && event.phase !== 'ended' ? <Text className={`ev-card-seats text-accent ${full ? 'ev-card-seats-full' : ''}`}>{seatsLabel(event)}</Text> : null}
        </View>
        {event.lock && !cancelled && event.phase === 'upcoming' ? <LockedNotice lock={event.lock} compact /> : null}
      </View>
    </View>
  )
}
