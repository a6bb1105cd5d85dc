import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { ErrorPage } from '../../../components/error-state'
import { LogRow, MeasureGrid, PlayLog } from '../../../components/play-admin'
import { InputField } from '../../../components/form-field'
import RadioRow from '../../../components/radio-row'
import Segmented from '../../../components/segmented'
import { optionsOf } from '../../../components/segmented/options'
import Skeleton from '../../../components/skeleton'
import { GIFT_PLANS_KEY, HOST_GIFTS_KEY, LOG_KIND_LABEL, LOG_KIND_TONE, fetchGiftLogs, fetchGiftPlans, fetchHostGifts, setWelcomeGift } from '../../../services/gift'
import { fetchHostCampaigns } from '../../../services/rewards'
import { useSubmit } from '../../../services/use-submit'
import { setQueryData, usePullDownRefetch, useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { GiftLogView, GiftPlanOption, HostGiftView, WelcomeGift } from '../../../../types/gift'
import type { HostCampaignView } from '../../../../types/coupons'
import type { Page } from '../../../../types/page'
import './index.css'

type GiftType = WelcomeGift['type']
const TYPES = optionsOf<GiftType>({ none: '不送', coupon: '优惠券', trial: '体验天数', makeupCard: '补签卡' })
type LogSource = 'cards' | 'welcomes'
const SOURCES = optionsOf<LogSource>({ cards: '礼品卡记录', welcomes: '欢迎礼记录' })

/** 礼品卡与邀请礼: the invitee's welcome gift (host-set), the gift cards' measures, and the log (abuse attempts included). */
export default function HostGiftsPage() {
  const query = useQuery<HostGiftView>(HOST_GIFTS_KEY, () => fetchHostGifts())
  usePullDownRefetch(query.refetch)
  if (query.loading) {
    return (
      <View className='page hg-page' aria-busy>
        <View className='card'>
          <Skeleton width='100%' height={160} />
        </View>
      </View>
    )
  }
  if (!query.data) {
    return <ErrorPage error={query.error} onRetry={query.refetch} className='hg-page' />
  }
  const view = query.data
  const m = view.measures
  return (
    <View className='page hg-page'>
      <View className='card hg-measures-card'>
        <Text className='hg-section-title text-value'>礼品卡数据</Text>
        <Text className='hg-section-desc text-meta'>成员买会员送朋友；30 天无人领取自动退款。收入不含已退款</Text>
        <MeasureGrid
          wrap
          measures={[
            ['售出', m.sold],
            ['已领取', m.claimed],
            ['待领取', m.unclaimed],
            ['已退款', m.refunded],
            ['收入', formatFen(m.revenueFen)],
            ['带来新成员', m.newMembers],
            ['欢迎礼发放', m.welcomed]
          ]}
        />
      </View>
      <WelcomeForm view={view} />
      <GiftLog />
    </View>
  )
}

function WelcomeForm({ view }: { view: HostGiftView }) {
  const [type, setType] = useState<GiftType>(view.welcome.type)
  const [campaignId, setCampaignId] = useState(view.welcome.type === 'coupon' ? view.welcome.campaignId : '')
  const [circleId, setCircleId] = useState(view.welcome.type === 'trial' ? view.welcome.circleId : '')
  const [days, setDays] = useState(view.welcome.type === 'trial' ? String(view.welcome.days) : '7')
  const [count, setCount] = useState(view.welcome.type === 'makeupCard' ? String(view.welcome.count) : '1')
  const { busy, run } = useSubmit()
  const campaigns = useQuery<Page<HostCampaignView>>('gift.host.campaigns', () => fetchHostCampaigns({}))
  const plans = useQuery<GiftPlanOption[]>(GIFT_PLANS_KEY, () => fetchGiftPlans())
  const circles = [...new Map((plans.data ?? []).map((p) => [p.circleId, p.circleName])).entries()]
  const now = Date.now()
  const usable = (campaigns.data?.items ?? []).filter((c) => c.validTo > now && !c.stoppedAt && c.remaining > 0)

  const save = async () => {
    let welcome: WelcomeGift
    if (type === 'coupon') welcome = { type, campaignId }
    else if (type === 'trial') welcome = { type, circleId, days: Number(days) }
    else if (type === 'makeupCard') welcome = { type, count: Number(count) }
    else welcome = { type: 'none' }
    if (busy) return
    await run(async () => {
      const saved = await setWelcomeGift({ welcome })
      setQueryData(HOST_GIFTS_KEY, saved)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    })
  }

  return (
    <View className='card hg-welcome'>
      <Text className='hg-section-title text-value'>邀请欢迎礼</Text>
      <Text className='hg-section-desc text-meta'>好友通过邀请链接加入时立即获得，每人仅一次；邀请人的奖励仍在好友首次打卡或付款后发放</Text>
      <Text className='hg-current text-soft'>当前：{view.welcomeTitle}</Text>
      <View className='hg-form'>
        <Segmented options={TYPES} value={type} onChange={setType} className='hg-type' />
        {type === 'coupon' ? (
          <View className='hg-options'>
            {usable.length === 0 ? <Text className='hg-section-desc text-meta'>没有可用的优惠券活动，请先在优惠券中创建（发放方式选奖励）</Text> : null}
            {usable.map((c) => (
              <RadioRow key={c.id} on={campaignId === c.id} onSelect={() => setCampaignId(c.id)} data={{ id: c.id }}>
                <Text>
                  {c.name}（剩 {c.remaining} 张）
                </Text>
              </RadioRow>
            ))}
          </View>
        ) : null}
        {type === 'trial' ? (
          <View className='hg-options'>
            {circles.map(([id, name]) => (
              <RadioRow key={id} on={circleId === id} onSelect={() => setCircleId(id)} className='hg-circle-option' data={{ id }}>
                <Text>{name}</Text>
              </RadioRow>
            ))}
            <InputField label='体验天数' suffix='天' name='hg-days' type='number' value={days} maxlength={2} onValue={setDays} />
          </View>
        ) : null}
        {type === 'makeupCard' ? <InputField label='补签卡' suffix='张' name='hg-count' type='number' value={count} maxlength={1} onValue={setCount} /> : null}
        <Button className='btn btn-primary hg-save' onClick={() => void save()}>
          {busy ? '保存中…' : '保存欢迎礼'}
        </Button>
      </View>
    </View>
  )
}

function GiftLog() {
  const [source, setSource] = useState<LogSource>('cards')
  return (
    <View className='card hg-logs'>
      <Text className='hg-section-title text-value'>记录</Text>
      <Text className='hg-section-desc text-meta'>购买、领取、退款，以及被拦截的领取（领自己的卡、重复领取）</Text>
      <Segmented options={SOURCES} value={source} onChange={setSource} className='hg-source' />
      <PlayLog<GiftLogView>
        key={source}
        queryKey={`gift.host.logs.${source}`}
        fetchPage={(after) => fetchGiftLogs({ after, source })}
        empty='暂无记录'
        row={(log) => <LogRow tag={{ tone: LOG_KIND_TONE[log.kind], label: LOG_KIND_LABEL[log.kind] }} text={log.memberName} meta={chinaTime(log.at).format('MM-DD HH:mm')} detail={log.text} />}
      />
    </View>
  )
}
