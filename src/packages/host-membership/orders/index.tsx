import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import EmptyState from '../../../components/empty-state'
import { ErrorCard } from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import Skeleton from '../../../components/skeleton'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useListPage } from '../../../services/use-list-page'
import { ORDER_STATUS_LABEL, formatOrderTime, orderStatusOf, fetchOrders, hostOrdersKey } from '../../../services/membership'
import { formatFen } from '../../../utils/format'
import type { OrderStatus, OrderView } from '../../../../types/membership'
import { OrderStatusTag } from '../../membership/components/tags'
import RefundSheet from './refund-sheet'
import './index.css'

type Filter = OrderStatus | 'all'
const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  ...(['created', 'fulfilled', 'refunding', 'refunded', 'closed'] as const).map((s) => ({ value: s, label: ORDER_STATUS_LABEL[s] }))
]

const isFilter = (raw: string | undefined): raw is Filter => FILTERS.some((f) => f.value === raw)

type Kind = 'all' | 'membership' | 'event'
const KINDS: ReadonlyArray<{ value: Kind; label: string }> = [
  { value: 'all', label: '全部类型' },
  { value: 'membership', label: '会员' },
  { value: 'event', label: '活动报名' }
]

export default function HostOrdersPage() {
  const router = useRouter()
  const [filter, setFilter] = useState<Filter>(() => (isFilter(router.params.status) ? router.params.status : 'all'))
  const [kind, setKind] = useState<Kind>('all')
  return (
    <View className='page ho-page'>
      <View className='ho-tabs'>
        {FILTERS.map((f) => (
          <View key={f.value} className={`ho-tab text-label row ${f.value === filter ? 'ho-tab-on' : ''}`} data-status={f.value} onClick={() => setFilter(f.value)}>
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      <View className='ho-kinds'>
        {KINDS.map((k) => (
          <Text key={k.value} className={`ho-kind text-soft ${k.value === kind ? 'ho-kind-on' : ''}`} data-kind={k.value} onClick={() => setKind(k.value)}>
            {k.label}
          </Text>
        ))}
      </View>
      {/* One list per filter, so each keeps its own cache and scroll. */}
      <OrderList key={`${filter}:${kind}`} filter={filter} kind={kind} />
    </View>
  )
}

function OrderList({ filter, kind }: { filter: Filter; kind: Kind }) {
  const list = usePagedQuery<OrderView>(hostOrdersKey(`${filter}.${kind}`), (after) => fetchOrders({ ...(filter === 'all' ? {} : { status: filter }), ...(kind === 'all' ? {} : { kind }), after }))
  const [refunding, setRefunding] = useState<OrderView | null>(null)
  useListPage(list)

  if (list.loading) return <OrdersSkeleton />
  if (list.error) return <ErrorCard error={list.error} onRetry={list.refetch} />
  if (list.items.length === 0) {
    return <EmptyState glyph='单' title={filter === 'all' ? '还没有订单' : `没有${ORDER_STATUS_LABEL[filter]}的订单`} description='成员购买圈子套餐后，订单会出现在这里' />
  }
  return (
    <View>
      {list.items.map((order) => (
        <HostOrderCard key={order.id} order={order} onRefund={setRefunding} />
      ))}
      <ListFooter list={list} />
      {refunding ? (
        <RefundSheet
          order={refunding}
          onClose={() => setRefunding(null)}
          onDone={() => {
            setRefunding(null)
            void list.refetch()
          }}
        />
      ) : null}
    </View>
  )
}

function HostOrderCard({ order, onRefund }: { order: OrderView; onRefund: (order: OrderView) => void }) {
  const remaining = order.amountFen - order.refundedFen
  return (
    <View className='card ho-card' data-id={order.id}>
      <View className='ho-head row'>
        <Avatar url='' nickname={order.member.nickname} size={64} />
        <Text className='ho-member text-title ellipsis'>{order.member.nickname}</Text>
        <OrderStatusTag status={orderStatusOf(order)} />
      </View>
      <View className='ho-body row'>
        <View className='ho-what fill-col'>
          <Text className='ho-plan text-body'>
            {order.circleName} · {order.planName}
            {order.days > 0 ? `（${order.days} 天）` : ''}
          </Text>
          <Text className='ho-time num text-quiet'>下单 {formatOrderTime(order.createdAt)}</Text>
          {order.paidAt !== null ? <Text className='ho-time num text-quiet'>支付 {formatOrderTime(order.paidAt)}</Text> : null}
          <Text className='ho-id'>{order.id}</Text>
        </View>
        <View className='ho-money col'>
          <Text className='ho-amount text-amount num-bold'>{formatFen(order.amountFen)}</Text>
          {order.refundedFen > 0 ? <Text className='ho-refunded'>已退 {formatFen(order.refundedFen)}</Text> : null}
        </View>
      </View>
      {order.status === 'fulfilled' && remaining > 0 ? (
        <View className='ho-actions card-foot'>
          <Text className='ho-remaining text-soft'>可退余额 {formatFen(remaining)}</Text>
          <View className='btn btn-ghost btn-small ho-refund' onClick={() => onRefund(order)}>
            退款
          </View>
        </View>
      ) : null}
    </View>
  )
}

function OrdersSkeleton() {
  return (
    <View aria-busy>
      {[0, 1, 2].map((i) => (
        <View key={i} className='card ho-card'>
          <View className='ho-head row'>
            <Skeleton width={64} height={64} round />
            <Skeleton width={160} height={30} className='ho-skeleton-name' />
          </View>
          <Skeleton width='80%' height={28} className='ho-skeleton-gap' />
          <Skeleton width='50%' height={24} className='ho-skeleton-gap' />
        </View>
      ))}
    </View>
  )
}
