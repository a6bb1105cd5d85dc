import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import EmptyAction from '../../../components/empty-state/action'
import { PagedListView } from '../../../components/paged-list'
import Skeleton, { CardsSkeleton } from '../../../components/skeleton'
import { MY_TICKETS_KEY, formatClock, formatEventTime, fetchMyTickets } from '../../../services/events'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useListPage } from '../../../services/use-list-page'
import type { EventView, SignupView } from '../../../../types/events'
import EventCover from '../components/event-cover'
import StatusTag from '../components/status-tag'
import { EVENTS_PAGE, eventDetailUrl } from '../../../services/routes'
import './index.css'

export default function TicketsPage() {
  const list = usePagedQuery<EventView>(MY_TICKETS_KEY, (after) => fetchMyTickets({ after }))
  useListPage(list, { refetchOnShow: true })

  return (
    <PagedListView
      list={list}
      className='ev-tickets-page'
      skeleton={<TicketsSkeleton />}
      empty={
        <EmptyState
          glyph='票'
          title='还没有报名活动'
          description='报名成功后，入场票会出现在这里'
          action={<EmptyAction label='去看看活动' className='ev-tickets-browse' onClick={() => Taro.redirectTo({ url: EVENTS_PAGE })} />}
        />
      }>
      {(items) => items.map((event) => <TicketRow key={event.id} event={event} />)}
    </PagedListView>
  )
}

/** The one line under the title that says what to do next. */
function nextStep(signup: SignupView | null, event: EventView): string {
  if (event.status === 'cancelled') return '活动已取消，已支付的费用将原路退回'
  switch (signup?.status) {
    case 'confirmed':
      return event.phase === 'ended' ? '活动已结束' : '查看入场票 ›'
    case 'attended':
      return '已签到，感谢参加'
    case 'held':
    case 'offered':
      return signup.payBefore ? `请在 ${formatClock(signup.payBefore)} 前支付 ›` : '去支付 ›'
    case 'waitlisted':
      return '有人取消时按顺序递补'
    default:
      return ''
  }
}

function TicketRow({ event }: { event: EventView }) {
  const signup = event.mySignup
  const hasTicket = signup?.status === 'confirmed'
  const open = () => {
    void Taro.navigateTo({ url: eventDetailUrl(event.id) + (hasTicket ? '&ticket=1' : '') })
  }
  const step = nextStep(signup, event)
  return (
    <View className={`card ev-ticket-row ev-ticket-row-${signup?.status ?? 'none'}`} data-id={event.id} onClick={open}>
      <EventCover className='ev-ticket-row-cover' url={event.coverUrl} title={event.title} />
      <View className='ev-ticket-row-body fill-col'>
        <View className='ev-ticket-row-head'>
          <Text className='ev-ticket-row-title text-title'>{event.title}</Text>
        </View>
        <Text className='ev-ticket-row-time text-soft'>{formatEventTime(event.startAt)}</Text>
        <View className='ev-ticket-row-foot row'>
          <StatusTag signup={signup} />
          {step ? (
            <Text className={`ev-ticket-row-step text-meta ellipsis ${hasTicket || signup?.status === 'held' || signup?.status === 'offered' ? 'ev-ticket-row-step-go' : ''}`}>{step}</Text>
          ) : null}
        </View>
      </View>
    </View>
  )
}

function TicketsSkeleton() {
  return (
    <CardsSkeleton page='ev-tickets-page' card='ev-ticket-row'>
      <Skeleton width={168} height={168} />
      <View className='ev-ticket-row-body fill-col'>
        <Skeleton width='80%' height={32} />
        <Skeleton width='60%' height={26} className='skeleton-gap' />
        <Skeleton width={140} height={34} className='skeleton-gap' />
      </View>
    </CardsSkeleton>
  )
}
