import { View, Text } from '@tarojs/components'
import type { EventView, SignupView } from '../../../../types/events'
import { formatClock, formatMmSs } from '../../../services/events'
import { formatFen } from '../../../utils/format'
import { useNow } from '../components/use-now'
import Ticket from './ticket'

/** Where the member stands: a seat to pay for, a place in the waitlist, the ticket, or 已签到. */
export default function MySignup({ event, signup }: { event: EventView; signup: SignupView }) {
  switch (signup.status) {
    case 'held':
    case 'offered':
      return <PayWindow signup={signup} />
    case 'waitlisted':
      return (
        <View className='card ev-mine col ev-mine-waitlisted'>
          <Text className='ev-mine-kicker text-title'>候补中</Text>
          <View className='ev-mine-position'>
            <Text className='ev-mine-position-label'>第</Text>
            <Text className='ev-mine-position-num num-bold'>{signup.waitlistPosition ?? '–'}</Text>
            <Text className='ev-mine-position-label'>位</Text>
          </View>
          <Text className='ev-mine-desc text-soft'>
            {signup.priceFen > 0 ? `有人取消时按顺序递补，递补成功后请在 15 分钟内支付 ${formatFen(signup.priceFen)}，我们会通知你` : '有人取消时按顺序递补，递补成功会通知你'}
          </Text>
        </View>
      )
    case 'confirmed':
    case 'attended':
      return <Ticket event={event} signup={signup} />
    default:
      return null
  }
}

function PayWindow({ signup }: { signup: SignupView }) {
  const now = useNow(1000)
  const left = signup.payBefore !== null ? signup.payBefore - now : 0
  const offered = signup.status === 'offered'
  if (signup.payBefore !== null && left <= 0) {
    return (
      <View className='card ev-mine col ev-mine-expired'>
        <Text className='ev-mine-kicker text-title'>支付超时</Text>
        <Text className='ev-mine-desc text-soft'>超过支付时限，名额已释放给其他人，未支付不会扣款</Text>
      </View>
    )
  }
  return (
    <View className='card ev-mine col ev-mine-pay'>
      <Text className='ev-mine-kicker text-title'>{offered ? '候补成功，名额已为你保留' : '名额已为你保留'}</Text>
      {signup.payBefore !== null ? (
        <View className='ev-mine-timer col'>
          <Text className='ev-mine-timer-label text-note'>剩余支付时间</Text>
          <Text className='ev-mine-timer-num num-bold'>{formatMmSs(left)}</Text>
        </View>
      ) : null}
      <Text className='ev-mine-desc text-soft'>
        请在 {signup.payBefore !== null ? formatClock(signup.payBefore) : '规定时间'} 前支付 {formatFen(signup.priceFen)}，超时名额将让给候补的人
      </Text>
    </View>
  )
}
