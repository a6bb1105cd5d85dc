import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PlayHeader, PlayList } from '../../../components/play-page'
import { GROUP_BUYS_KEY, TARGET_LABEL, fetchGroupBuys } from '../../../services/group-buy'
import { groupBuyUrl } from '../../../services/routes'
import { usePagedQuery } from '../../../services/use-paged-query'
import type { GroupBuyView } from '../../../../types/group-buy'
import '../group-buy.css'

export default function GroupBuysPage() {
  const list = usePagedQuery<GroupBuyView>(GROUP_BUYS_KEY, (after) => fetchGroupBuys({ after }))
  return (
    <PlayList list={list} title='拼团' glyph='拼' desc='发起拼团并支付，邀请好友参团；人满即全员开通，到时未满自动退款'>
      {(items) =>
        items.map((offer) => (
          <View key={offer.id} className='card gb-card' data-id={offer.id} onClick={() => void Taro.navigateTo({ url: groupBuyUrl(offer.id) })}>
            <PlayHeader
              tag={{ tone: 'red', label: `${offer.size} 人团` }}
              kind={TARGET_LABEL[offer.targetType]}
              title={offer.title}
              subtitle={offer.itemName}
              price={{ fen: offer.priceFen, listFen: offer.originalFen, label: '拼团价' }}
            />
            <Text className='play-line'>
              {offer.limitHours} 小时内凑满 {offer.size} 人成团{offer.myGroupIds.length > 0 ? ' · 你有进行中的团' : ''}
            </Text>
          </View>
        ))
      }
    </PlayList>
  )
}
