import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { GROUP_BUYS_KEY, TARGET_LABEL, fetchGroupBuys } from '../../../services/group-buy'
import { groupBuyUrl } from '../../../services/routes'
import { usePagedQuery } from '../../../services/use-paged-query'
import { formatFen } from '../../../utils/format'
import type { GroupBuyView } from '../../../../types/group-buy'
import '../group-buy.css'

export default function GroupBuysPage() {
  const list = usePagedQuery<GroupBuyView>(GROUP_BUYS_KEY, (after) => fetchGroupBuys({ after }))
  return (
    <PagedList
      list={list}
      className='gb-page'
      header={
        <View className='page-intro'>
          <Text className='page-title'>拼团</Text>
          <Text className='page-desc'>发起拼团并支付，邀请好友参团；人满即全员开通，到时未满自动退款</Text>
        </View>
      }
      skeleton={
        <View className='page gb-page' aria-busy>
          {[0, 1, 2].map((i) => (
            <View key={i} className='card'>
              <Skeleton width='100%' height={120} />
            </View>
          ))}
        </View>
      }
      empty={<EmptyState glyph='拼' title='暂时没有拼团' description='主理人发布拼团后会出现在这里' />}>
      {(items) =>
        items.map((offer) => (
          <View key={offer.id} className='card gb-card' data-id={offer.id} onClick={() => void Taro.navigateTo({ url: groupBuyUrl(offer.id) })}>
            <View className='gb-card-head'>
              <Tag tone='red'>{offer.size} 人团</Tag>
              <Text className='gb-card-kind'>{TARGET_LABEL[offer.targetType]}</Text>
            </View>
            <Text className='gb-title'>{offer.title}</Text>
            <Text className='gb-item'>{offer.itemName}</Text>
            <View className='gb-price-row'>
              <Text className='gb-price-label'>拼团价</Text>
              <Text className='gb-price'>{formatFen(offer.priceFen)}</Text>
              {offer.originalFen > offer.priceFen ? <Text className='gb-original'>{formatFen(offer.originalFen)}</Text> : null}
            </View>
            <Text className='gb-line'>
              {offer.limitHours} 小时内凑满 {offer.size} 人成团{offer.myGroupIds.length > 0 ? ' · 你有进行中的团' : ''}
            </Text>
          </View>
        ))
      }
    </PagedList>
  )
}
