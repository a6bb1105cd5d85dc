import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import EmptyState from '../../../components/empty-state'
import { ErrorPage } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { SIGNUP_STATUS_LABEL, eventKey, formatEventRange, priceLabel, cancelEvent, checkInAttendee, exportAttendees, fetchEvent, useAttendees } from '../../../services/events'
import { showError, useRefreshErrorToast } from '../../../services/show-error'
import { toApiCallError } from '../../../services/api-error'
import { setQueryData, usePullDownRefetch, useQuery } from '../../../services/use-query'
import { formatDateTime } from '../../../services/growth'
import type { AttendeeView, EventView, SignupStatus } from '../../../../types/events'
import { saveCsv, shareCsv, type SavedCsv } from '../csv-file'
import { colors } from '../../../styles/tokens'
import { routeParam, eventFormUrl, scannerUrl } from '../../../services/routes'
import './index.css'

type Filter = 'all' | 'confirmed' | 'held' | 'waitlisted' | 'attended'
const FILTERS: ReadonlyArray<{ value: Filter; label: string; statuses: SignupStatus[] }> = [
  { value: 'all', label: '全部', statuses: [] },
  { value: 'confirmed', label: '已确认', statuses: ['confirmed', 'attended'] },
  { value: 'held', label: '待支付', statuses: ['held', 'offered'] },
  { value: 'waitlisted', label: '候补', statuses: ['waitlisted'] },
  { value: 'attended', label: '已签到', statuses: ['attended'] }
]

export default function AttendeesPage() {
  const eventId = routeParam(useRouter().params.id)
  const event = useQuery<EventView>(eventKey(eventId || 'none'), () => fetchEvent({ eventId }))
  const list = useAttendees(eventId)
  const refetchAll = () => Promise.all([event.refetch(), list.refetch()]).then(() => undefined)
  usePullDownRefetch(refetchAll)
  // Back from the scanner: attendance has moved.
  useDidShow(() => {
    void list.refetch()
  })
  useRefreshErrorToast(list.error, list.data)

  if (list.loading || event.loading) return <AttendeesSkeleton />
  if (!list.data || !event.data) return <ErrorPage error={list.error ?? event.error} onRetry={refetchAll} />
  return <Attendees event={event.data} items={list.data.items} counts={list.data} refetch={refetchAll} />
}

interface AttendeesProps {
  event: EventView
  items: AttendeeView[]
  counts: { confirmed: number; held: number; waitlisted: number; attended: number }
  refetch: () => Promise<void>
}

function Attendees({ event, items, counts, refetch }: AttendeesProps) {
  const [filter, setFilter] = useState<Filter>('all')
  const [exporting, setExporting] = useState(false)
  const [saved, setSaved] = useState<SavedCsv | null>(null)
  const cancelled = event.status === 'cancelled'
  const statuses = FILTERS.find((f) => f.value === filter)!.statuses
  const shown = statuses.length === 0 ? items : items.filter((a) => statuses.includes(a.status))

  const exportCsv = async () => {
    if (exporting) return
    setExporting(true)
    try {
      const { filename, csv } = await exportAttendees({ eventId: event.id })
      const file = saveCsv(filename, csv)
      setSaved(file)
      if (!file) void Taro.showToast({ title: '已下载名单', icon: 'success', duration: 1500 })
    } catch (err) {
      showError(err)
    } finally {
      setExporting(false)
    }
  }

  // By name, for a member without their phone: the same door rule as a scanned ticket (window, used once).
  const checkIn = async (attendee: AttendeeView) => {
    const { confirm } = await Taro.showModal({
      title: '确认签到',
      content: `确认「${attendee.nickname}」已到场？签到后${event.feeReturn === 'refund' && attendee.priceFen > 0 ? '报名费将原路退回，' : event.feeReturn === 'points' && attendee.priceFen > 0 ? '报名费将返还为积分，' : ''}不能撤销。`,
      confirmText: '签到',
      cancelText: '取消'
    })
    if (!confirm) return
    try {
      await checkInAttendee({ eventId: event.id, signupId: attendee.signupId })
      void Taro.showToast({ title: `${attendee.nickname} 已签到`, icon: 'success', duration: 1500 })
    } catch (err) {
      // A refusal says why (not open yet and from when, already in): worth more than a passing toast.
      const error = toApiCallError(err)
      if (error.code === 'UNAUTHENTICATED') return
      await Taro.showModal({ title: '不能签到', content: error.message || '出了点问题，请稍后重试', showCancel: false, confirmText: '知道了' })
    }
    await refetch()
  }

  const confirmCancelEvent = async () => {
    const paidCount = items.filter((a) => a.priceFen > 0 && (a.status === 'confirmed' || a.status === 'attended')).length
    const { confirm } = await Taro.showModal({
      title: '取消活动',
      content: `取消后所有报名失效${paidCount > 0 ? `，已支付的 ${paidCount} 位成员将全额退款` : ''}，并通知报名的成员。此操作不能撤销。`,
      confirmText: '取消活动',
      cancelText: '再想想',
      confirmColor: colors.danger
    })
    if (!confirm) return
    try {
      const updated = await cancelEvent({ eventId: event.id })
      setQueryData(eventKey(event.id), updated)
      await refetch()
      void Taro.showToast({ title: '活动已取消', icon: 'success', duration: 1500 })
    } catch (err) {
      showError(err)
    }
  }

  return (
    <View className='page hev-att-page'>
      <View className='card hev-att-head'>
        <View className='hev-att-title-row row'>
          <Text className='hev-att-title text-bold'>{event.title}</Text>
          {cancelled ? (
            <Tag tone='red' className='hev-att-cancelled'>
              已取消
            </Tag>
          ) : null}
        </View>
        <Text className='hev-att-meta text-meta'>
          {formatEventRange(event.startAt, event.endAt)} · {priceLabel(event.feeFen)} · 共 {event.capacity} 个名额
        </Text>
        <View className='hev-att-counts'>
          <Count value={counts.confirmed} label='已确认' tone='confirmed' />
          <Count value={counts.held} label='待支付' tone='held' />
          <Count value={counts.waitlisted} label='候补' tone='waitlisted' />
          <Count value={counts.attended} label='已签到' tone='attended' />
        </View>
        <View className='hev-att-actions'>
          <View
            className={`btn btn-ghost btn-small hev-att-export ${exporting ? 'btn-disabled' : ''}`}
            onClick={() => {
              void exportCsv()
            }}>
            {exporting ? '导出中…' : '导出 CSV'}
          </View>
          {!cancelled ? (
            <View
              className='btn btn-primary btn-small hev-att-scan'
              onClick={() => {
                void Taro.navigateTo({ url: scannerUrl(event.id) })
              }}>
              检票
            </View>
          ) : null}
        </View>
        {saved ? (
          <View className='hev-att-saved row'>
            <Text className='hev-att-saved-name ellipsis'>已生成 {saved.fileName}</Text>
            <Text
              className='hev-att-saved-share text-link'
              onClick={() => {
                void shareCsv(saved)
              }}>
              发送到聊天
            </Text>
          </View>
        ) : null}
      </View>

      <View className='hev-att-filters'>
        {FILTERS.map((f) => (
          <Text key={f.value} className={`hev-att-filter text-label ${f.value === filter ? 'hev-att-filter-on' : ''}`} onClick={() => setFilter(f.value)}>
            {f.label}
          </Text>
        ))}
      </View>

      {shown.length === 0 ? (
        <EmptyState glyph='名' title={filter === 'all' ? '还没有人报名' : '这一栏还没有人'} description={filter === 'all' ? '成员报名后会出现在这里' : undefined} />
      ) : (
        <View className='card hev-att-list'>
          {shown.map((a) => (
            <AttendeeRow
              key={a.signupId}
              attendee={a}
              onCheckIn={
                !cancelled && a.status === 'confirmed'
                  ? () => {
                      void checkIn(a)
                    }
                  : undefined
              }
            />
          ))}
        </View>
      )}

      {!cancelled && event.phase !== 'ended' ? (
        <View className='hev-att-danger'>
          <Text
            className='hev-att-edit'
            onClick={() => {
              void Taro.navigateTo({ url: eventFormUrl(event.id) })
            }}>
            编辑活动
          </Text>
          <Text
            className='hev-att-cancel-event'
            onClick={() => {
              void confirmCancelEvent()
            }}>
            取消活动
          </Text>
        </View>
      ) : null}
    </View>
  )
}

function Count({ value, label, tone }: { value: number; label: string; tone: string }) {
  return (
    <View className={`hev-att-count stat-tile hev-att-count-${tone}`}>
      <Text className='hev-att-count-num num-bold'>{value}</Text>
      <Text className='hev-att-count-label text-note'>{label}</Text>
    </View>
  )
}

function AttendeeRow({ attendee, onCheckIn }: { attendee: AttendeeView; onCheckIn?: () => void }) {
  const status = attendee.status === 'waitlisted' && attendee.waitlistPosition ? `候补第 ${attendee.waitlistPosition} 位` : SIGNUP_STATUS_LABEL[attendee.status]
  const when = attendee.attendedAt ? `${formatDateTime(attendee.attendedAt)} 签到` : `${formatDateTime(attendee.createdAt)} 报名`
  return (
    <View className='hev-att-row row divided' data-status={attendee.status}>
      <Avatar url={attendee.avatarUrl} nickname={attendee.nickname} size={72} />
      <View className='hev-att-who fill-col'>
        <Text className='hev-att-name ellipsis'>{attendee.nickname}</Text>
        <Text className='hev-att-when text-note'>
          {when}
          {attendee.priceFen > 0 ? ` · ${priceLabel(attendee.priceFen)}` : ''}
        </Text>
      </View>
      {onCheckIn ? (
        <View className='btn btn-primary btn-small hev-att-checkin' onClick={onCheckIn}>
          签到
        </View>
      ) : (
        <Text className={`hev-att-status tag hev-att-status-${attendee.status}`}>{status}</Text>
      )}
    </View>
  )
}

function AttendeesSkeleton() {
  return (
    <View className='page hev-att-page' aria-busy>
      <View className='card hev-att-head'>
        <Skeleton width='70%' height={38} />
        <Skeleton width='85%' height={26} className='hev-att-skeleton-gap' />
        <Skeleton width='100%' height={112} className='hev-att-skeleton-gap' />
      </View>
      <View className='card hev-att-list'>
        {[0, 1, 2, 3].map((i) => (
          <View key={i} className='hev-att-row row divided'>
            <Skeleton width={72} height={72} round />
            <View className='hev-att-who fill-col'>
              <Skeleton width={200} height={28} />
              <Skeleton width={280} height={22} className='hev-att-skeleton-gap-small' />
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
