import { useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import LockedNotice from '../../../components/locked-notice'
import ErrorState from '../../../components/error-state'
import CouponPicker from '../../../components/coupon-picker'
import ProgressBar from '../../../components/progress-bar'
import Skeleton from '../../../components/skeleton'
import { ApiCallError } from '../../../services/api'
import { countdownLabel, eventKey, feeReturnLabel, formatEventRange, formatEventTime, refundPolicyLabel, seatsLabel, fetchEvent } from '../../../services/events'
import { useGrowthSummary } from '../../../services/growth'
import { useMe } from '../../../services/member'
import { useRefreshErrorToast } from '../../../services/show-error'
import { usePullDownRefetch, useQuery } from '../../../services/use-query'
import { formatFen } from '../../../utils/format'
import type { EventView } from '../../../../types/events'
import EventCover from '../components/event-cover'
import { useNow } from '../components/use-now'
import ActionBar from './action-bar'
import MySignup from './my-signup'
import { useSignupActions } from './use-signup-actions'
import { EVENTS_PAGE, attendeesUrl, scannerUrl, routeParam } from '../../../services/routes'
import { isManager } from '../../../../types/roles'
import './index.css'

export default function EventDetailPage() {
  const router = useRouter()
  const eventId = routeParam(router.params.id)
  const query = useQuery<EventView>(eventKey(eventId || 'none'), () => (eventId ? fetchEvent({ eventId }) : Promise.reject(new ApiCallError('NOT_FOUND', '缺少活动编号'))))
  usePullDownRefetch(query.refetch)
  // Back from paying (the order page), from WeChat's pay sheet or a subscribe message: the seat may have changed.
  useDidShow(() => {
    void query.refetch()
  })
  useRefreshErrorToast(query.error, query.data)

  if (query.loading) return <DetailSkeleton />
  if (!query.data) {
    return (
      <View className='page'>
        <View className='card'>
          <ErrorState
            error={query.error}
            onRetry={() => {
              if (eventId) void query.refetch()
              else void Taro.redirectTo({ url: EVENTS_PAGE })
            }}
          />
        </View>
      </View>
    )
  }
  return <EventDetail event={query.data} refetch={query.refetch} scrollToTicket={router.params.ticket === '1'} />
}

const NO_COUPON = { id: null, off: 0, free: false }

function EventDetail({ event, refetch, scrollToTicket }: { event: EventView; refetch: () => Promise<void>; scrollToTicket: boolean }) {
  const now = useNow(30_000)
  const actions = useSignupActions(event, refetch)
  // free: the coupon is a free ticket (the signup costs nothing).
  const [coupon, setCoupon] = useState<{ id: string | null; off: number; free: boolean }>(NO_COUPON)
  const { data: me } = useMe()
  const signup = event.mySignup
  const hasTicket = signup?.status === 'confirmed' || signup?.status === 'attended'

  useEffect(() => {
    if (scrollToTicket && hasTicket)
      setTimeout(() => {
        void Taro.pageScrollTo({ selector: '#ev-ticket', duration: 200 })
      }, 300)
  }, [scrollToTicket, hasTicket])

  const cancelled = event.status === 'cancelled'
  const taken = event.capacity - event.seatsLeft
  // Ended or cancelled: what is left to sign up for no longer matters.
  const over = cancelled || event.phase === 'ended'
  const price = couponPrice(event, now)
  // Nothing left to pay (signed up, full, closed): the picked coupon was used or no longer applies.
  useEffect(() => {
    if (price === 0) setCoupon(NO_COUPON)
  }, [price])
  return (
    <View className='page ev-detail-page'>
      <EventCover className='ev-detail-cover' url={event.coverUrl} title={event.title} />

      <View className='card ev-detail-head'>
        <View className='ev-detail-tags row'>
          <Text className={`ev-detail-mode tone-green tag ev-detail-mode-${event.mode}`}>{event.mode === 'online' ? '线上' : '线下'}</Text>
          {cancelled ? (
            <Text className='ev-detail-cancelled text-error'>活动已取消</Text>
          ) : (
            <Text className={`ev-detail-countdown ev-detail-countdown-${event.phase}`}>{countdownLabel(event, now)}</Text>
          )}
        </View>
        <Text className='ev-detail-title text-bold'>{event.title}</Text>
        <Row glyph='时' label={formatEventRange(event.startAt, event.endAt, now)} />
        {event.mode === 'offline' ? (
          <Row
            glyph='地'
            label={event.address}
            action='复制'
            onAction={() => {
              void Taro.setClipboardData({ data: event.address })
            }}
          />
        ) : event.onlineLink ? (
          <Row
            glyph='线'
            label={event.onlineLink}
            className='ev-detail-link'
            action='复制链接'
            onAction={() => {
              void Taro.setClipboardData({ data: event.onlineLink })
            }}
          />
        ) : (
          <Row glyph='线' label='线上活动，报名成功后可见参会链接' muted />
        )}
      </View>

      {signup ? <MySignup event={event} signup={signup} /> : null}

      <View className='card ev-detail-facts'>
        <View className='ev-detail-price-row'>
          <PriceBlock event={event} />
          <View className='ev-detail-seats col'>
            {over ? (
              <Text className='ev-detail-seats-left ev-detail-seats-over'>{cancelled ? '已取消' : `${taken} 人报名`}</Text>
            ) : (
              <Text className={`ev-detail-seats-left ${event.seatsLeft === 0 ? 'ev-detail-seats-full' : ''}`}>{seatsLabel(event)}</Text>
            )}
            <Text className='ev-detail-seats-sub text-note'>
              {over ? `共 ${event.capacity} 个名额` : `${taken}/${event.capacity} 已报名${event.waitlistCount > 0 ? ` · ${event.waitlistCount} 人候补` : ''}`}
            </Text>
          </View>
        </View>
        <ProgressBar percent={(taken / Math.max(1, event.capacity)) * 100} />
        <View className='ev-detail-rules'>
          <Fact label='报名截止' value={formatEventTime(event.signupDeadline, now)} />
          {event.circleName ? <Fact label='谁可报名' value={`仅「${event.circleName}」成员${event.inCircle ? '' : '，加入圈子后即可报名'}`} highlight={!event.inCircle} /> : null}
          {over ? null : <Fact label='取消规则' value={refundPolicyLabel(event)} />}
          {event.feeFen > 0 && event.feeReturn !== 'none' ? <Fact label='费用返还' value={feeReturnLabel(event.feeReturn)} highlight /> : null}
          {(event.minTierLevel ?? 1) > 1 ? <Fact label='等级要求' value={`Lv${event.minTierLevel} 及以上成员`} highlight={event.lock?.kind === 'tier'} /> : null}
        </View>
        {event.lock && event.phase === 'upcoming' ? (
          <View className='ev-detail-locked'>
            <LockedNotice lock={event.lock} />
          </View>
        ) : null}
      </View>

      {event.description ? (
        <View className='card ev-detail-desc'>
          <Text className='ev-detail-section text-title'>活动介绍</Text>
          <Text className='ev-detail-desc-text text-prose' userSelect>
            {event.description}
          </Text>
        </View>
      ) : null}

      {isManager(me?.role) ? (
        <View className='card ev-detail-host'>
          <Text className='ev-detail-section text-title'>主理人</Text>
          <View className='ev-detail-host-links'>
            <View
              className='btn btn-ghost btn-small ev-detail-host-attendees'
              onClick={() => {
                void Taro.navigateTo({ url: attendeesUrl(event.id) })
              }}>
              报名名单
            </View>
            <View
              className='btn btn-ghost btn-small ev-detail-host-scan'
              onClick={() => {
                void Taro.navigateTo({ url: scannerUrl(event.id) })
              }}>
              检票
            </View>
          </View>
        </View>
      ) : null}

      {price > 0 ? (
        <View className='card ev-detail-coupon'>
          {/* A held seat is paid for: a free ticket only works at signup. */}
          <CouponPicker
            scope='event'
            eventId={event.id}
            freeTickets={!seatHeld(event)}
            priceFen={price}
            value={coupon.id}
            onChange={(id, off, picked) => setCoupon({ id, off, free: picked?.kind === 'freeTicket' })}
          />
        </View>
      ) : null}

      <ActionBar
        event={event}
        now={now}
        busy={actions.busy}
        discountFen={price > 0 ? coupon.off : 0}
        freeTicket={price > 0 && coupon.free}
        onSignup={() => {
          void actions.signup(coupon.id)
        }}
        onPay={() => {
          void actions.pay(coupon.id)
        }}
        onCancel={(text, done) => {
          void actions.cancel(text, done)
        }}
      />
    </View>
  )
}

/** A seat held (or offered from the waitlist) pending payment. */
const seatHeld = (event: EventView) => event.mySignup?.status === 'held' || event.mySignup?.status === 'offered'

/** The fee a coupon could come off now: a new signup's price, or the unpaid seat's; 0 when nothing is to be paid. */
function couponPrice(event: EventView, now: number): number {
  if (event.status === 'cancelled' || event.phase !== 'upcoming') return 0
  const signup = event.mySignup
  if (!signup && !event.inCircle) return 0
  if (signup && seatHeld(event)) return signup.payBefore !== null && now > signup.payBefore ? 0 : signup.priceFen
  if (signup && signup.status !== 'cancelled' && signup.status !== 'expired') return 0
  return now > event.signupDeadline || event.seatsLeft === 0 ? 0 : event.myPriceFen
}

/** The member's price; with a tier discount, the list price struck through and whose price it is. */
function PriceBlock({ event }: { event: EventView }) {
  const discounted = event.feeFen > 0 && event.myPriceFen < event.feeFen
  if (event.feeFen === 0)
    return (
      <View className='ev-detail-price col'>
        <Text className='ev-detail-amount num-bold ev-detail-free'>免费</Text>
      </View>
    )
  return (
    <View className='ev-detail-price col'>
      <View className='ev-detail-price-line'>
        <Text className='ev-detail-amount num-bold'>{formatFen(event.myPriceFen)}</Text>
        {discounted ? <Text className='ev-detail-was'>{formatFen(event.feeFen)}</Text> : null}
      </View>
      {discounted ? <TierPriceTag /> : null}
      {!discounted && event.tierDiscount ? <Text className='ev-detail-tier-hint text-note'>升级会员等级可享折扣</Text> : null}
    </View>
  )
}

/** Lv2 会员价: the tier comes from the growth summary 我的 already caches. */
function TierPriceTag() {
  const level = useGrowthSummary().data?.tier.level
  return <Text className='ev-detail-tier'>{level ? `Lv${level} 会员价` : '会员价'}</Text>
}

interface RowProps {
  glyph: string
  label: string
  muted?: boolean
  className?: string
  action?: string
  onAction?: () => void
}

function Row({ glyph, label, muted, className, action, onAction }: RowProps) {
  return (
    <View className={`ev-detail-row ${className ?? ''}`}>
      <Text className='ev-detail-glyph'>{glyph}</Text>
      <Text className={`ev-detail-row-text text-body ${muted ? 'ev-detail-row-muted' : ''}`} userSelect>
        {label}
      </Text>
      {action ? (
        <Text className='ev-detail-row-action text-accent' onClick={onAction}>
          {action}
        </Text>
      ) : null}
    </View>
  )
}

function Fact({ label, value, highlight }: { label: string; value: string; highlight?: boolean }) {
  return (
    <View className='ev-detail-fact'>
      <Text className='ev-detail-fact-label text-desc'>{label}</Text>
      <Text className={`ev-detail-fact-value text-value ${highlight ? 'ev-detail-fact-highlight' : ''}`}>{value}</Text>
    </View>
  )
}

function DetailSkeleton() {
  return (
    <View className='page ev-detail-page' aria-busy>
      <View className='ev-detail-cover'>
        <Skeleton width='100%' height={380} />
      </View>
      <View className='card'>
        <Skeleton width={180} height={36} />
        <Skeleton width='80%' height={44} className='ev-detail-skeleton-gap' />
        <Skeleton width='65%' height={30} className='ev-detail-skeleton-gap' />
        <Skeleton width='90%' height={30} className='ev-detail-skeleton-gap' />
      </View>
      <View className='card'>
        <Skeleton width={200} height={52} />
        <Skeleton width='100%' height={12} className='ev-detail-skeleton-gap' />
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} width='100%' height={30} className='ev-detail-skeleton-gap' />
        ))}
      </View>
    </View>
  )
}
