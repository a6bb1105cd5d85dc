import { SUBSCRIBE_FOR, requestSubscribe } from '../../../services/subscribe'
import { useState } from 'react'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ErrorCard } from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import Skeleton from '../../../components/skeleton'
import { useRefreshErrorToast } from '../../../services/show-error'
import { useSubmit } from '../../../services/use-submit'
import { usePagedQuery } from '../../../services/use-paged-query'
import { setQueryData, usePullDownRefetch } from '../../../services/use-query'
import { formatFen } from '../../../utils/format'
import type { OrderView } from '../../../../types/membership'
import ConfirmDialog, { DialogText } from '../../../components/confirm-dialog'
import Memberships from './memberships'
import OrderCard from './order-card'
import { fetchMyOrders, requestRefund, MY_ORDERS_KEY, circleKey, orderKey, useMyMemberships } from '../../../services/membership'
import './index.css'

export default function MyMembershipPage() {
  const memberships = useMyMemberships()
  const orders = usePagedQuery<OrderView>(MY_ORDERS_KEY, (after) => fetchMyOrders({ kind: 'membership', after }))
  const [refunding, setRefunding] = useState<OrderView | null>(null)
  const { busy: refundBusy, run } = useSubmit()

  const refetchAll = () => Promise.all([memberships.refetch(), orders.refetch()]).then(() => undefined)
  usePullDownRefetch(refetchAll)
  useReachBottom(() => {
    void orders.loadMore()
  })
  // Back from paying or renewing: statuses and end dates have moved.
  useDidShow(() => {
    if (memberships.data) void refetchAll()
  })
  useRefreshErrorToast(orders.refreshError)

  const refund = async () => {
    if (!refunding || refundBusy) return
    // Asked inside the tap (no await before it): the refund notice when the money is back.
    const asked = requestSubscribe(SUBSCRIBE_FOR.refund)
    await run(async () => {
      await asked
      const order = await requestRefund({ orderId: refunding.id })
      setQueryData(orderKey(order.id), order)
      setRefunding(null)
      void Taro.showToast({ title: order.status === 'refunded' ? '退款成功' : '退款已提交', icon: 'success' })
      // Access ends with the refund: the circle must be re-read wherever it shows.
      setQueryData(circleKey(order.circleId), undefined)
      await refetchAll()
    })
  }

  return (
    <View className='page mine-page'>
      <Text className='mine-section-title text-strong'>我的圈子</Text>
      <Memberships
        data={memberships.data}
        error={memberships.error}
        loading={memberships.loading}
        onRetry={() => {
          void memberships.refetch()
        }}
      />

      <Text className='mine-section-title text-strong'>我的订单</Text>
      {orders.loading ? (
        <OrdersSkeleton />
      ) : orders.error ? (
        <ErrorCard error={orders.error} onRetry={orders.refetch} />
      ) : orders.items.length === 0 ? (
        <View className='card mine-empty col'>
          <Text className='mine-empty-title text-title'>还没有订单</Text>
          <Text className='mine-empty-desc text-meta'>开通付费圈子后，订单会出现在这里</Text>
        </View>
      ) : (
        <View className='mine-orders'>
          {orders.items.map((order) => (
            <OrderCard key={order.id} order={order} onRefund={setRefunding} />
          ))}
          <ListFooter list={orders} />
        </View>
      )}

      {refunding ? (
        <ConfirmDialog
          className='ms-confirm'
          title='申请退款'
          figure={formatFen(refunding.refundableFen)}
          confirmText='确认退款'
          busyText='退款中…'
          busy={refundBusy}
          danger
          onConfirm={() => {
            void refund()
          }}
          onCancel={() => setRefunding(null)}>
          <DialogText>
            {refunding.circleName} · {refunding.planName}（实付 {formatFen(refunding.amountFen)}）
          </DialogText>
          <DialogText warn>退款将原路退回，这笔订单购买的会员时长随即扣除，且无法撤销</DialogText>
        </ConfirmDialog>
      ) : null}
    </View>
  )
}

function OrdersSkeleton() {
  return (
    <View aria-busy>
      {[0, 1].map((i) => (
        <View key={i} className='card mo-card'>
          <View className='mo-head row-between'>
            <Skeleton width={300} height={32} />
            <Skeleton width={90} height={36} />
          </View>
          <Skeleton width={360} height={24} className='mine-skeleton-gap' />
        </View>
      ))}
    </View>
  )
}
