import Taro from '@tarojs/taro'
import { useMemo } from 'react'
import { Image, View, Text } from '@tarojs/components'
import type { EventView, SignupView } from '../../../../types/events'
import { formatEventRange } from '../../../services/events'
import { chinaTime } from '../../../utils/china-time'
import { ticketQrImage } from './ticket-qr'
import './ticket.css'

function hintFor(event: EventView, signup: SignupView): string {
  if (signup.status === 'attended' && signup.attendedAt) return `${chinaTime(signup.attendedAt).format('MM月DD日 HH:mm')} 已签到，欢迎参加`
  const opens = `${chinaTime(event.checkinOpensAt).format('MM月DD日 HH:mm')} 起可签到`
  if (event.mode === 'online') return `线上活动凭上方链接参加；${opens}`
  return `到场时出示二维码，或报出下方票码；${opens}`
}

/** ABC DEF: two halves read more easily aloud and at a glance. */
const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`

/** 入场票: the QR code the host scans at the door, and below it the short code to read out or type in. */
export default function Ticket({ event, signup }: { event: EventView; signup: SignupView }) {
  const attended = signup.status === 'attended'
  const qr = useMemo(() => (signup.ticketCode ? ticketQrImage(signup.ticketCode) : ''), [signup.ticketCode])
  const copy = () => {
    void Taro.setClipboardData({ data: signup.shortCode })
  }
  return (
    <View id='ev-ticket' className={`ev-ticket ${attended ? 'ev-ticket-used' : ''}`}>
      <View className='ev-ticket-head col'>
        <Text className='ev-ticket-kicker'>入场票</Text>
        <Text className='ev-ticket-title'>{event.title}</Text>
        <Text className='ev-ticket-meta'>{formatEventRange(event.startAt, event.endAt)}</Text>
        <Text className='ev-ticket-meta'>{event.mode === 'online' ? '线上活动' : event.address}</Text>
      </View>
      <View className='ev-ticket-tear row'>
        <View className='ev-ticket-notch ev-ticket-notch-left' />
        <View className='ev-ticket-dash' />
        <View className='ev-ticket-notch ev-ticket-notch-right' />
      </View>
      <View className='ev-ticket-body col'>
        <View className='ev-ticket-qr-box'>
          <Image className='ev-ticket-qr' src={qr} mode='aspectFit' />
          {attended ? (
            <View className='ev-ticket-stamp'>
              <Text>已签到</Text>
            </View>
          ) : null}
        </View>
        {signup.shortCode ? (
          <View className={`ev-ticket-short col ${attended ? 'ev-ticket-short-used' : ''}`}>
            <Text className='ev-ticket-short-label text-note'>票码</Text>
            <Text className='ev-ticket-short-code text-bold' data-code={signup.shortCode} selectable userSelect>
              {spaced(signup.shortCode)}
            </Text>
          </View>
        ) : null}
        <Text className='ev-ticket-hint text-soft'>{hintFor(event, signup)}</Text>
        {attended || !signup.shortCode ? null : (
          <View className='btn btn-ghost btn-small ev-ticket-copy' onClick={copy}>
            复制票码
          </View>
        )}
      </View>
    </View>
  )
}
