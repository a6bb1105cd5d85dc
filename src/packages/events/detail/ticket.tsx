import Taro from '@tarojs/taro'
import { Image, View, Text } from '@tarojs/components'
import type { EventView, SignupView } from '../../../../types/events'
import { formatEventRange } from '../../../services/events'
import { chinaTime } from '../../../utils/china-time'

function hintFor(event: EventView, signup: SignupView): string {
  if (signup.status === 'attended' && signup.attendedAt) return `${chinaTime(signup.attendedAt).format('MM月DD日 HH:mm')} 已签到，欢迎参加`
  if (event.mode === 'online') return '线上活动凭上方链接参加；主理人也可凭此票签到'
  return '到场时出示二维码，由主理人扫码签到'
}

/** 入场票: the QR code the host scans at the door, and the code itself for typing in or copying. */
export default function Ticket({ event, signup }: { event: EventView; signup: SignupView }) {
  const attended = signup.status === 'attended'
  const copy = () => { void Taro.setClipboardData({ data: signup.ticketCode }) }
  return (
    <View id='ev-ticket' className={`ev-ticket ${attended ? 'ev-ticket-used' : ''}`}>
      <View className='ev-ticket-head'>
        <Text className='ev-ticket-kicker'>入场票</Text>
        <Text className='ev-ticket-title'>{event.title}</Text>
        <Text className='ev-ticket-meta'>{formatEventRange(event.startAt, event.endAt)}</Text>
        <Text className='ev-ticket-meta'>{event.mode === 'online' ? '线上活动' : event.address}</Text>
      </View>
      <View className='ev-ticket-tear'>
        <View className='ev-ticket-notch ev-ticket-notch-left' />
        <View className='ev-ticket-dash' />
        <View className='ev-ticket-notch ev-ticket-notch-right' />
      </View>
      <View className='ev-ticket-body'>
        <View className='ev-ticket-qr-box'>
          <Image className='ev-ticket-qr' src={signup.ticketQr} mode='aspectFit' />
          {attended ? <View className='ev-ticket-stamp'><Text>已签到</Text></View> : null}
        </View>
        <Text className='ev-ticket-hint'>{hintFor(event, signup)}</Text>
        {attended ? null : (
          <View className='ev-ticket-code-box'>
            <View className='ev-ticket-code-row'>
              <Text className='ev-ticket-code' selectable userSelect>{signup.ticketCode}</Text>
            </View>
            <View className='btn btn-ghost btn-small ev-ticket-copy' onClick={copy}>复制票码</View>
          </View>
        )}
      </View>
    </View>
  )
}
