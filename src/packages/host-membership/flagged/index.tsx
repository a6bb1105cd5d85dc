import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import Skeleton from '../../../components/skeleton'
import { usePagedQuery } from '../../../services/use-paged-query'
import { formatOrderTime, fetchFlaggedPayments, FLAGGED_KEY } from '../../../services/membership'
import { formatFen } from '../../../utils/format'
import type { FlaggedPaymentView } from '../../../../types/membership'
import './index.css'

/**
 * Payment notifies that were verified but did not match an order (another
 * amount, an unknown out_trade_no). Nothing was granted for them; the host
 * settles them in the WeChat Pay merchant console.
 */
export default function FlaggedPaymentsPage() {
  const list = usePagedQuery<FlaggedPaymentView>(FLAGGED_KEY, (after) => fetchFlaggedPayments({ after }))
  return (
    <PagedList
      list={list}
      className='hfl-page'
      skeleton={<FlaggedSkeleton />}
      empty={<EmptyState glyph='安' title='没有异常支付' description='支付金额与订单不符、或找不到对应订单的支付通知会出现在这里' />}>
      {(items) => (
        <>
          <Text className='hfl-note text-meta'>以下支付已验签但与订单不符，系统未据此开通会员。请在微信支付商户平台核实后处理（如原路退款）。</Text>
          {items.map((item) => (
            <FlaggedCard key={item.id} item={item} />
          ))}
        </>
      )}
    </PagedList>
  )
}

function FlaggedCard({ item }: { item: FlaggedPaymentView }) {
  const copy = () => {
    void Taro.setClipboardData({ data: item.outTradeNo })
  }
  const mismatch = item.expectedFen !== null && item.expectedFen !== item.receivedFen
  return (
    <View className='card hfl-card' data-id={item.id}>
      <View className='hfl-head'>
        <Text className='hfl-reason'>{item.reason}</Text>
        <Text className='hfl-time text-faint'>{formatOrderTime(item.createdAt)}</Text>
      </View>
      <View className='hfl-trade row' onClick={copy}>
        <Text className='hfl-trade-label text-meta'>商户订单号</Text>
        <Text className='hfl-trade-no'>{item.outTradeNo}</Text>
        <Text className='hfl-copy'>复制</Text>
      </View>
      <View className='hfl-amounts'>
        <View className='hfl-amount col'>
          <Text className='hfl-amount-label text-note'>应收</Text>
          <Text className='hfl-amount-value num text-title'>{item.expectedFen === null ? '无对应订单' : formatFen(item.expectedFen)}</Text>
        </View>
        <View className='hfl-amount col'>
          <Text className='hfl-amount-label text-note'>实收</Text>
          <Text className={`hfl-amount-value num text-title ${mismatch || item.expectedFen === null ? 'hfl-amount-bad' : ''}`}>{formatFen(item.receivedFen)}</Text>
        </View>
        {item.expectedFen !== null ? (
          <View className='hfl-amount col'>
            <Text className='hfl-amount-label text-note'>差额</Text>
            <Text className={`hfl-amount-value num text-title ${mismatch ? 'hfl-amount-bad' : ''}`}>{formatFen(item.receivedFen - item.expectedFen)}</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}

function FlaggedSkeleton() {
  return (
    <View className='page hfl-page' aria-busy>
      {[0, 1].map((i) => (
        <View key={i} className='card hfl-card'>
          <Skeleton width={300} height={32} />
          <Skeleton width='100%' height={64} className='hfl-skeleton-gap' />
          <Skeleton width='70%' height={40} className='hfl-skeleton-gap' />
        </View>
      ))}
    </View>
  )
}
