import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import EmptyAction from '../../../components/empty-state/action'
import PagedList from '../../../components/paged-list'
import Skeleton, { CardsSkeleton } from '../../../components/skeleton'
import { formatDateTime, formatPoints, fetchMyRedemptions } from '../../../services/growth'
import { usePagedQuery } from '../../../services/use-paged-query'
import type { RedemptionStatus, RedemptionView } from '../../../../types/growth'
import { maskPhone } from '../mall/address'
import Tag, { type Tone } from '../../../components/tag'
import { MALL_PAGE, COUPONS_PAGE } from '../../../services/routes'
import './index.css'

const STATUS_LABEL: Record<RedemptionStatus, string> = { done: '已完成', awaitingShipment: '待发货', shipped: '已发货' }
const STATUS_TONE: Record<RedemptionStatus, Tone> = { done: 'green', awaitingShipment: 'warn', shipped: 'blue' }

export default function RedemptionsPage() {
  const list = usePagedQuery<RedemptionView>('growth.myRedemptions', (after) => fetchMyRedemptions({ after }))
  return (
    <PagedList
      list={list}
      className='redemptions-page'
      skeleton={<RedemptionsSkeleton />}
      empty={
        <EmptyState
          glyph='兑'
          title='还没有兑换记录'
          description='积分可以兑换补卡券、社群周边等好礼'
          action={<EmptyAction label='去积分商城' onClick={() => Taro.redirectTo({ url: MALL_PAGE })} />}
        />
      }>
      {(items) => items.map((r) => <RedemptionCard key={r.id} redemption={r} />)}
    </PagedList>
  )
}

function RedemptionCard({ redemption: r }: { redemption: RedemptionView }) {
  const copyTracking = () => {
    void Taro.setClipboardData({ data: r.trackingNo })
  }
  return (
    <View className='card rd-card'>
      <View className='rd-head row-between'>
        <Text className='rd-name text-title ellipsis'>{r.itemName}</Text>
        <Tag tone={STATUS_TONE[r.status]} className='rd-status'>
          {STATUS_LABEL[r.status]}
        </Tag>
      </View>
      <View className='rd-meta'>
        <Text className='rd-time'>{formatDateTime(r.createdAt)}</Text>
        <Text className='rd-cost num'>−{formatPoints(r.pricePoints)} 积分</Text>
      </View>
      {r.kind === 'makeupCard' ? <Text className='rd-note text-accent'>补卡券已放入「我的成长」，可在挑战中补卡</Text> : null}
      {r.kind === 'coupon' ? (
        <Text
          className='rd-note text-accent rd-note-coupon'
          onClick={() => {
            void Taro.navigateTo({ url: `${COUPONS_PAGE}?tab=mine` })
          }}>
          券已放入「我的卡券」，去看看 ›
        </Text>
      ) : null}
      {r.address ? (
        <View className='rd-address col text-soft'>
          <Text>
            {r.address.name} {maskPhone(r.address.phone)}
          </Text>
          <Text className='rd-address-line'>{r.address.address}</Text>
        </View>
      ) : null}
      {r.status === 'awaitingShipment' ? <Text className='rd-note text-accent rd-note-wait'>主理人会尽快为你发货</Text> : null}
      {r.status === 'shipped' && r.trackingNo ? (
        <View className='rd-tracking row' onClick={copyTracking}>
          <Text className='rd-tracking-label'>快递单号</Text>
          <Text className='rd-tracking-no text-strong num'>{r.trackingNo}</Text>
          <Text className='rd-tracking-copy'>复制</Text>
        </View>
      ) : null}
    </View>
  )
}

function RedemptionsSkeleton() {
  return (
    <CardsSkeleton page='redemptions-page' card='rd-card'>
      <View className='rd-head row-between'>
        <Skeleton width={280} height={34} />
        <Skeleton width={96} height={34} />
      </View>
      <Skeleton width={360} height={24} className='skeleton-gap' />
    </CardsSkeleton>
  )
}
