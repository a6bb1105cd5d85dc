import { View, Text } from '@tarojs/components'
import { formatPoints } from '../../../services/growth'
import type { MallItem, ShippingAddress } from '../../../../types/growth'
import ConfirmDialog from '../../../components/confirm-dialog'
import { maskPhone } from './address'

interface RedeemConfirmProps {
  item: MallItem
  balance: number
  address: ShippingAddress | null
  busy: boolean
  /** The last attempt never got an answer: the same request is sent again. */
  retrying: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** The last look before points are spent: price, balance now and after. */
export default function RedeemConfirm({ item, balance, address, busy, retrying, onConfirm, onCancel }: RedeemConfirmProps) {
  return (
    <ConfirmDialog className='mall-confirm col' title='确认兑换' confirmText={retrying ? '重试' : '确认兑换'} busyText='兑换中…' busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      <Text className='mall-confirm-item text-prose'>{item.name}</Text>
      <View className='mall-confirm-rows'>
        <View className='mall-confirm-row num'>
          <Text className='muted'>消耗积分</Text>
          <Text className='mall-confirm-cost'>−{formatPoints(item.pricePoints)}</Text>
        </View>
        <View className='mall-confirm-row num'>
          <Text className='muted'>当前积分</Text>
          <Text>{formatPoints(balance)}</Text>
        </View>
        <View className='mall-confirm-row num mall-confirm-after'>
          <Text className='muted'>兑换后剩余</Text>
          <Text>{formatPoints(balance - item.pricePoints)}</Text>
        </View>
      </View>
      {address ? (
        <View className='mall-confirm-address col text-soft'>
          <Text>
            寄往：{address.name} {maskPhone(address.phone)}
          </Text>
          <Text className='mall-confirm-address-line'>{address.address}</Text>
        </View>
      ) : null}
      {retrying ? <Text className='mall-confirm-retry'>上次请求没有回应，重试不会重复扣积分</Text> : null}
    </ConfirmDialog>
  )
}
