import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { canStillPay, formatOrderTime, orderStatusOf } from '../../../services/membership'
import { formatFen } from '../../../utils/format'
import type { OrderView } from '../../../../types/membership'
import { OrderStatusTag } from '../components/tags'
import { orderUrl } from '../../../services/routes'

interface OrderCardProps {
  order: OrderView
  onRefund: (order: OrderView) => void
}

/** One of my orders: what, how much, when; 去支付 while open, 申请退款 while refundable. */
export default function OrderCard({ order, onRefund }: OrderCardProps) {
  const status = orderStatusOf(order)
  const open = () => {
    void Taro.navigateTo({ url: orderUrl(order.id) })
  }
  return (
    <View className='card mo-card' data-id={order.id} onClick={open}>
      <View className='mo-head row-between'>
        <Text className='mo-title text-title ellipsis'>
          {order.circleName} · {order.planName}
        </Text>
        <OrderStatusTag status={status} />
      </View>
      <View className='mo-body'>
        <View className='mo-times col'>
          <Text className='mo-time num text-quiet'>下单 {formatOrderTime(order.createdAt)}</Text>
          {order.paidAt !== null ? <Text className='mo-time num text-quiet'>支付 {formatOrderTime(order.paidAt)}</Text> : null}
        </View>
        <Text className='mo-amount text-amount num-bold'>{formatFen(order.amountFen)}</Text>
      </View>
      {order.refundedFen > 0 ? <Text className='mo-refunded'>已退款 {formatFen(order.refundedFen)}</Text> : null}
      {order.refundableFen > 0 ? (
        <View className='mo-actions card-foot'>
          <Text className='mo-refundable text-link'>可退 {formatFen(order.refundableFen)}</Text>
          <View
            className='btn btn-ghost btn-small mo-refund'
            onClick={(e) => {
              e.stopPropagation()
              onRefund(order)
            }}>
            申请退款
          </View>
        </View>
      ) : null}
      {canStillPay(order) ? (
        <View className='mo-actions card-foot'>
          <Text className='mo-pay-hint'>请在 {formatOrderTime(order.payBefore).slice(11)} 前支付</Text>
          <View
            className='btn btn-primary btn-small mo-pay'
            onClick={(e) => {
              e.stopPropagation()
              open()
            }}>
            去支付
          </View>
        </View>
      ) : null}
    </View>
  )
}
