import { View, Text } from '@tarojs/components'
import { formatPoints } from '../../../services/growth'
import type { MallItem, ShippingAddress } from '../../../../types/growth'
import Popup from '../components/popup'
import { maskPhone } from './address'

interface ConfirmDialogProps {
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
export default function ConfirmDialog({ item, balance, address, busy, retrying, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Popup open position='center' className='mall-confirm'>
      <Text className='mall-confirm-title'>确认兑换</Text>
      <Text className='mall-confirm-item'>{item.name}</Text>
      <View className='mall-confirm-rows'>
        <View className='mall-confirm-row'><Text className='muted'>消耗积分</Text><Text className='mall-confirm-cost'>−{formatPoints(item.pricePoints)}</Text></View>
        <View className='mall-confirm-row'><Text className='muted'>当前积分</Text><Text>{formatPoints(balance)}</Text></View>
        <View className='mall-confirm-row mall-confirm-after'><Text className='muted'>兑换后剩余</Text><Text>{formatPoints(balance - item.pricePoints)}</Text></View>
      </View>
      {address ? (
        <View className='mall-confirm-address'>
          <Text>寄往：{address.name} {maskPhone(address.phone)}</Text>
          <Text className='mall-confirm-address-line'>{address.address}</Text>
        </View>
      ) : null}
      {retrying ? <Text className='mall-confirm-retry'>上次请求没有回应，重试不会重复扣积分</Text> : null}
      <View className='mall-confirm-actions'>
        <View className='btn btn-ghost mall-confirm-cancel' onClick={() => { if (!busy) onCancel() }}>取消</View>
        <View className={`btn btn-primary mall-confirm-ok ${busy ? 'btn-disabled' : ''}`} onClick={onConfirm}>
          {busy ? '兑换中…' : retrying ? '重试' : '确认兑换'}
        </View>
      </View>
    </Popup>
  )
}
