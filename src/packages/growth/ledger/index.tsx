import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import EmptyAction from '../../../components/empty-state/action'
import PagedList from '../../../components/paged-list'
import Skeleton from '../../../components/skeleton'
import { formatDateTime, formatPoints, fetchLedger } from '../../../services/growth'
import { usePagedQuery } from '../../../services/use-paged-query'
import type { LedgerEntryView } from '../../../../types/growth'
import { MALL_PAGE } from '../../../services/routes'
import './index.css'

export default function LedgerPage() {
  const list = usePagedQuery<LedgerEntryView>('growth.ledger', (after) => fetchLedger({ after }))
  // A cached first page paints at once; the latest entries follow.
  return (
    <PagedList
      list={list}
      className='ledger-page'
      skeleton={<LedgerSkeleton />}
      empty={
        <EmptyState
          glyph='积'
          title='还没有积分记录'
          description='打卡、完成挑战、被主理人精选都能获得积分和成长值'
          action={<EmptyAction label='返回我的成长' ghost onClick={() => Taro.navigateBack()} />}
        />
      }
      footer={
        !list.hasMore ? (
          <View
            className='ledger-mall-link text-accent'
            onClick={() => {
              void Taro.navigateTo({ url: MALL_PAGE })
            }}>
            积分可在积分商城兑换好礼 ›
          </View>
        ) : null
      }>
      {(items) => (
        <View className='card ledger-list'>
          {items.map((entry) => (
            <LedgerRow key={entry.id} entry={entry} />
          ))}
        </View>
      )}
    </PagedList>
  )
}

function LedgerRow({ entry }: { entry: LedgerEntryView }) {
  const sign = entry.points > 0 ? 'plus' : entry.points < 0 ? 'minus' : 'zero'
  const points = entry.points > 0 ? `+${formatPoints(entry.points)}` : entry.points < 0 ? `−${formatPoints(-entry.points)}` : '0'
  return (
    <View className='ledger-row row divided'>
      <View className='ledger-main fill-col'>
        <Text className='ledger-reason text-body ellipsis'>{entry.reason}</Text>
        <Text className='ledger-time text-quiet'>{formatDateTime(entry.createdAt)}</Text>
      </View>
      <View className='ledger-amounts col'>
        <Text className={`ledger-points num ledger-points-${sign}`}>{points}</Text>
        {entry.growth !== 0 ? (
          <Text className='ledger-growth text-faint'>
            成长值 {entry.growth > 0 ? '+' : '−'}
            {formatPoints(Math.abs(entry.growth))}
          </Text>
        ) : null}
      </View>
    </View>
  )
}

function LedgerSkeleton() {
  return (
    <View className='page ledger-page' aria-busy>
      <View className='card ledger-list'>
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <View key={i} className='ledger-row row divided'>
            <View className='ledger-main fill-col'>
              <Skeleton width={320} height={30} />
              <Skeleton width={180} height={24} className='skeleton-gap' />
            </View>
            <Skeleton width={80} height={36} />
          </View>
        ))}
      </View>
    </View>
  )
}
