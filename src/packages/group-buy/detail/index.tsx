import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { PlayActionBar, PlayHeader, PlayQueryPage, PlayRules, usePlayAction, usePlayQuery } from '../../../components/play-page'
import { TARGET_LABEL, fetchGroupBuy, groupBuyKey, offerShareTitle, startGroupBuy } from '../../../services/group-buy'
import { openPayment } from '../../../services/payment'
import { GROUP_BUYS_PAGE, groupBuyUrl, groupUrl, routeParam } from '../../../services/routes'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { GroupBuyView } from '../../../../types/group-buy'
import shareCard from '../assets/share-card.jpg'
import '../group-buy.css'

// One offer: what it is, the group price and the rule, 发起拼团 (the member pays
// and the group opens), and the member's groups still going.
export default function GroupBuyPage() {
  const router = useRouter()
  const query = usePlayQuery<GroupBuyView>(routeParam(router.params.id), { key: groupBuyKey, fetch: (campaignId) => fetchGroupBuy({ campaignId }), missing: '缺少拼团编号', listUrl: GROUP_BUYS_PAGE })
  useShareAppMessage(() =>
    query.data
      ? { title: offerShareTitle(query.data), path: groupBuyUrl(query.data.id), imageUrl: shareCard as string }
      : { title: '一起拼团，更便宜', path: GROUP_BUYS_PAGE, imageUrl: shareCard as string }
  )
  return <PlayQueryPage query={query}>{(offer) => <Offer offer={offer} refetch={query.refetch} />}</PlayQueryPage>
}

function Offer({ offer, refetch }: { offer: GroupBuyView; refetch: () => Promise<void> }) {
  const { busy, run } = usePlayAction(refetch)
  const start = () =>
    run(async () => {
      const result = await startGroupBuy({ campaignId: offer.id })
      const outcome = await openPayment(result.payment)
      if (outcome === 'paid') void Taro.redirectTo({ url: groupUrl(result.groupId) })
      else if (outcome === 'cancelled' || outcome === 'failed') void Taro.showToast({ title: `支付未完成，请在 ${chinaTime(result.payBefore).format('HH:mm')} 前支付`, icon: 'none', duration: 2500 })
    })
  return (
    <View className='page play-page'>
      <View className='card gb-hero'>
        <PlayHeader
          tag={{ tone: offer.paused ? 'orange' : 'red', label: offer.paused ? '已暂停' : `${offer.size} 人团` }}
          kind={TARGET_LABEL[offer.targetType]}
          title={offer.title}
          subtitle={offer.itemName}
          price={{ fen: offer.priceFen, listFen: offer.originalFen, label: '拼团价' }}
          hero
        />
      </View>

      {offer.myGroupIds.length > 0 ? (
        <View className='card'>
          <Text className='play-section-title text-value'>我发起的团</Text>
          {offer.myGroupIds.map((id, i) => (
            <View key={id} className='gb-group-row divided row-between gb-my-group' onClick={() => void Taro.navigateTo({ url: groupUrl(id) })}>
              <Text>第 {offer.myGroupIds.length - i} 个团</Text>
              <Text className='play-muted text-meta'>查看进度 ›</Text>
            </View>
          ))}
        </View>
      ) : null}

      <PlayRules
        lines={[
          `发起人支付后开团，${offer.limitHours} 小时内凑满 ${offer.size} 人（含发起人）即成团，全员一起开通`,
          `到时未满 ${offer.size} 人：${offer.allowSimulated ? '主理人已同意模拟成团，已付款的团员照常开通' : '已付款项自动原路退回'}`,
          '每人在同一个团只能占 1 个名额；参团后 5 分钟内未支付，名额释放给其他好友',
          '拼团价不可叠加优惠券'
        ]}
      />

      <PlayActionBar>
        <Button className='btn btn-ghost play-bar-side' openType='share'>
          分享
        </Button>
        <Button className={`btn btn-primary play-bar-main gb-start ${offer.paused || busy ? 'btn-disabled' : ''}`} disabled={offer.paused || busy || undefined} onClick={() => void start()}>
          {offer.paused ? '暂停开团' : busy ? '处理中…' : `发起拼团 ${formatFen(offer.priceFen)}`}
        </Button>
      </PlayActionBar>
    </View>
  )
}
