import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextArea } from '../../../components/text-input'
import Avatar from '../../../components/avatar'
import { toApiCallError } from '../../../services/api-error'
import { eventKey, formatEventRange, checkInTicket, fetchEvent, useAttendees } from '../../../services/events'
import { useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import type { AttendeeView, EventView } from '../../../../types/events'
import { routeParam } from '../../../services/routes'
import './index.css'

type Result = { ok: true; attendee: AttendeeView; at: number } | { ok: false; message: string; at: number }

const isWeapp = process.env.TARO_ENV !== 'h5'

/** When the door opens and closes, or why it is shut now. */
function doorText(event: EventView, now: number): { text: string; open: boolean } {
  const range = `${chinaTime(event.checkinOpensAt).format('MM-DD HH:mm')} – ${chinaTime(event.endAt).format('MM-DD HH:mm')}`
  if (event.status === 'cancelled') return { text: '活动已取消，不能签到', open: false }
  if (now < event.checkinOpensAt) return { text: `签到未开始：${chinaTime(event.checkinOpensAt).format('MM-DD HH:mm')} 起可签到`, open: false }
  if (now > event.endAt) return { text: '活动已结束，不能签到', open: false }
  return { text: `签到中 · ${range}`, open: true }
}

/** 检票: the host scans (WeChat) or types (H5) a ticket or its 6-character code; each answer is shown large enough to read at the door. */
export default function ScannerPage() {
  const eventId = routeParam(useRouter().params.id)
  const event = useQuery<EventView>(eventKey(eventId || 'none'), () => fetchEvent({ eventId }))
  const counts = useAttendees(eventId)
  const [code, setCode] = useState('')
  const [manual, setManual] = useState(!isWeapp)
  const [checking, setChecking] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  const [history, setHistory] = useState<Result[]>([])
  const busy = useRef(false)

  const checkIn = async (ticketCode: string) => {
    const trimmed = ticketCode.trim()
    if (busy.current) return
    if (!trimmed) {
      void Taro.showToast({ title: '请输入票码', icon: 'none' })
      return
    }
    busy.current = true
    setChecking(true)
    let outcome: Result
    try {
      const attendee = await checkInTicket({ eventId, ticketCode: trimmed })
      outcome = { ok: true, attendee, at: Date.now() }
      setCode('')
      if (isWeapp) void Taro.vibrateShort({ type: 'medium' }).catch(() => undefined)
    } catch (err) {
      outcome = { ok: false, message: toApiCallError(err).message, at: Date.now() }
      if (isWeapp) void Taro.vibrateLong().catch(() => undefined)
    } finally {
      busy.current = false
      setChecking(false)
    }
    setResult(outcome)
    setHistory((h) => [outcome, ...h].slice(0, 20))
    void counts.refetch()
  }

  const scan = async () => {
    let scanned: string
    try {
      scanned = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // closed the camera
    }
    await checkIn(scanned)
  }

  const c = counts.data
  const door = event.data ? doorText(event.data, Date.now()) : null
  return (
    <View className='page hev-scan-page'>
      <View className='card hev-scan-head'>
        <Text className='hev-scan-title text-bold'>{event.data?.title ?? '检票'}</Text>
        {event.data ? <Text className='hev-scan-meta text-meta'>{formatEventRange(event.data.startAt, event.data.endAt)}</Text> : null}
        {door ? <Text className={`hev-scan-door ${door.open ? 'hev-scan-door-open' : 'hev-scan-door-shut'}`}>{door.text}</Text> : null}
        <View className='hev-scan-progress'>
          <Text className='hev-scan-progress-num num-bold'>{c ? c.attended : '–'}</Text>
          <Text className='hev-scan-progress-of text-label'>/ {c ? c.confirmed : '–'} 已签到</Text>
        </View>
      </View>

      {result ? <ResultCard result={result} /> : null}

      <View className='card hev-scan-input-card'>
        {isWeapp ? (
          <View
            className={`btn btn-primary hev-scan-camera ${checking ? 'btn-disabled' : ''}`}
            onClick={() => {
              if (!checking) void scan()
            }}>
            {checking ? '核验中…' : '扫码检票'}
          </View>
        ) : null}
        {manual ? (
          <View className='hev-scan-manual col'>
            <Text className='hev-scan-label text-name'>输入票码</Text>
            <TextArea
              className='hev-scan-code'
              value={code}
              maxlength={1000}
              autoHeight
              placeholder='输入入场票上的 6 位票码，如 7K3 M9P（也可粘贴完整票码）'
              placeholderClass='hev-scan-placeholder'
              onValue={(value) => setCode(value)}
            />
            <Text className='hev-scan-tip text-note'>票码不含 0、O、1、I、L；大小写、空格都可以</Text>
            <View
              className={`btn ${isWeapp ? 'btn-ghost' : 'btn-primary'} hev-scan-submit ${checking ? 'btn-disabled' : ''}`}
              onClick={() => {
                void checkIn(code)
              }}>
              {checking ? '核验中…' : '核销'}
            </View>
          </View>
        ) : (
          <Text className='hev-scan-toggle text-label' onClick={() => setManual(true)}>
            扫不出来？手动输入票码
          </Text>
        )}
      </View>

      {history.length > 1 ? (
        <View className='card hev-scan-history'>
          <Text className='hev-scan-section text-name'>本次检票记录</Text>
          {history.slice(1).map((h, i) => (
            <View key={`${h.at}-${i}`} className='hev-scan-history-row row divided'>
              <Text className={`hev-scan-dot ${h.ok ? 'hev-scan-dot-ok' : 'hev-scan-dot-fail'}`} />
              <Text className='hev-scan-history-text text-value ellipsis'>{h.ok ? `${h.attendee.nickname} 签到成功` : h.message}</Text>
              <Text className='hev-scan-history-time num text-note'>{chinaTime(h.at).format('HH:mm:ss')}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

function ResultCard({ result }: { result: Result }) {
  if (result.ok) {
    return (
      <View className='card hev-scan-result col hev-scan-ok' key={result.at}>
        <View className='hev-scan-mark row hev-scan-mark-ok'>
          <View className='hev-scan-check' />
        </View>
        <Text className='hev-scan-result-title text-bold'>签到成功</Text>
        <View className='hev-scan-who row'>
          <Avatar url={result.attendee.avatarUrl} nickname={result.attendee.nickname} size={64} />
          <Text className='hev-scan-name text-strong'>{result.attendee.nickname}</Text>
        </View>
        <Text className='hev-scan-result-desc text-meta'>{chinaTime(result.at).format('HH:mm:ss')} 核销</Text>
      </View>
    )
  }
  return (
    <View className='card hev-scan-result col hev-scan-fail' key={result.at}>
      <View className='hev-scan-mark row hev-scan-mark-fail'>
        <Text className='hev-scan-cross'>!</Text>
      </View>
      <Text className='hev-scan-result-title text-bold'>不能签到</Text>
      <Text className='hev-scan-reason'>{result.message}</Text>
    </View>
  )
}
