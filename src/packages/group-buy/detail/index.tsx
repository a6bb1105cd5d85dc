import { useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import ErrorState from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { ApiCallError } from '../../../services/api'
import { TARGET_LABEL, fetchGroupBuy, groupBuyKey, offerShareTitle, startGroupBuy } from '../../../services/group-buy'
import { openPayment } from '../../../services/payment'
import { GROUP_BUYS_PAGE, groupBuyUrl, groupUrl, routeParam } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { usePullDownRefetch, useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { GroupBuyView } from '../../../../types/group-buy'
import shareCard from '../assets/share-card.jpg'
import '../group-buy.css'

// One offer: what it is, the group price and the rule, 发起拼团 (the member pays
// and the group opens), and the member's groups still going.
export default function GroupBuyPage() {
  const router = useRouter()
  const campaignId = routeParam(router.params.id)
  const query = useQuery<GroupBuyView>(groupBuyKey(campaignId || 'none'), () => (campaignId ? fetchGroupBuy({ campaignId }) : Promise.reject(new ApiCallError('NOT_FOUND', '缺少拼团编号'))))
  usePullDownRefetch(query.refetch)
  useDidShow(() => {
    if (campaignId) void query.refetch()
  })
  useShareAppMessage(() =>
    query.data
      ? { title: offerShareTitle(query.data), path: groupBuyUrl(query.data.id), imageUrl: shareCard as string }
      : { title: '一起拼团，更便宜', path: GROUP_BUYS_PAGE, imageUrl: shareCard as string }
  )
  if (query.loading) {
    return (
      <View className='page gb-page' aria-busy>
        <View className='card'>
          <Skeleton width='60%' height={40} />
          <Skeleton width='100%' height={160} />
        </View>
      </View>
    )
  }
  if (!query.data) {
    return (
      <View className='page gb-page'>
        <View className='card'>
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        </View>
      </View>
    )
  }
  return <Offer offer={query.data} refetch={query.refetch} />
}

function Offer({ offer, refetch }: { offer: GroupBuyView; refetch: () => Promise<void> }) {
  const [busy, setBusy] = useState(false)
  const start = async () => {
    if (busy) return
    setBusy(true)
    try {
      const result = await startGroupBuy({ campaignId: offer.id })
      const outcome = await openPayment(result.payment)
      if (outcome === 'paid') void Taro.redirectTo({ url: groupUrl(result.groupId) })
      else if (outcome === 'cancelled' || outcome === 'failed') void Taro.showToast({ title: `支付未完成，请在 ${chinaTime(result.payBefore).format('HH:mm')} 前支付`, icon: 'none', duration: 2500 })
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
      void refetch()
    }
  }
  return (
    <View className='page gb-page'>
      <View className='card gb-hero'>
        <View className='gb-card-head'>
          <Tag tone={offer.paused ? 'orange' : 'red'}>{offer.paused ? '已暂停' : `${offer.size} 人团`}</Tag>
          <Text className='gb-card-kind'>{TARGET_LABEL[offer.targetType]}</Text>
        </View>
        <Text className='gb-title gb-hero-title'>{offer.title}</Text>
        <Text className='gb-item'>{offer.itemName}</Text>
        <View className='gb-price-row'>
          <Text className='gb-price-label'>拼团价</Text>
          <Text className='gb-price gb-price-big'>{formatFen(offer.priceFen)}</Text>
          {offer.originalFen > offer.priceFen ? <Text className='gb-original'>{formatFen(offer.originalFen)}</Text> : null}
        </View>
      </View>

      {offer.myGroupIds.length > 0 ? (
        <View className='card'>
          <Text className='gb-section-title'>我发起的团</Text>
          {offer.myGroupIds.map((id, i) => (
            <View key={id} className='gb-group-row gb-my-group' onClick={() => void Taro.navigateTo({ url: groupUrl(id) })}>
              <Text>第 {offer.myGroupIds.length - i} 个团</Text>
              <Text className='gb-muted'>查看进度 ›</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='card gb-rules'>
        <Text className='gb-section-title'>规则</Text>
        <Text className='gb-rules-line'>
          发起人支付后开团，{offer.limitHours} 小时内凑满 {offer.size} 人（含发起人）即成团，全员一起开通
        </Text>
        <Text className='gb-rules-line'>
          到时未满 {offer.size} 人：{offer.allowSimulated ? '主理人已同意模拟成团，已付款的团员照常开通' : '已付款项自动原路退回'}
        </Text>
        <Text className='gb-rules-line'>每人在同一个团只能占 1 个名额；参团后 5 分钟内未支付，名额释放给其他好友</Text>
        <Text className='gb-rules-line'>拼团价不可叠加优惠券</Text>
      </View>

      <View className='gb-bar'>
        <Button className='btn btn-ghost gb-bar-side' openType='share'>
          分享
        </Button>
        <Button className={`btn btn-primary gb-bar-main gb-start ${offer.paused || busy ? 'btn-disabled' : ''}`} disabled={offer.paused || busy || undefined} onClick={() => void start()}>
          {offer.paused ? '暂停开团' : busy ? '处理中…' : `发起拼团 ${formatFen(offer.priceFen)}`}
        </Button>
      </View>
    </View>
  )
}
