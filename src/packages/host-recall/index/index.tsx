import { useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import { TextInput, TextArea } from '../../../components/text-input'
import EmptyState from '../../../components/empty-state'
import { ErrorCard } from '../../../components/error-state'
import { InputField, TextAreaField } from '../../../components/form-field'
import { optionsOf } from '../../../components/segmented/options'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { AUTOMATIONS_KEY, RECALL_CAMPAIGNS_KEY, createRecallCampaign, fetchAutomations, fetchRecallCampaigns, updateAutomation } from '../../../services/recall'
import { fetchCampaigns } from '../../../services/rewards'
import { useRefreshErrorToast } from '../../../services/show-error'
import { useSubmit } from '../../../services/use-submit'
import { usePagedQuery } from '../../../services/use-paged-query'
import { usePullDownRefetch, useQuery } from '../../../services/use-query'
import { colors } from '../../../styles/tokens'
import { formatChineseDate, formatFen } from '../../../utils/format'
import type { Segment } from '../../../../types/growth'
import type { Gift } from '../../../../types/inbox'
import { DEFAULT_HOLDOUT_PERCENT, RETURN_WINDOW_DAYS, type AutomationView, type RecallCampaignView, type RecallGroupStats } from '../../../../types/recall'
import { TAGS_KEY, fetchTags } from '../../../services/crm'
import './index.css'

const SEGMENT_LABEL: Record<Segment, string> = { silent: '沉默', ordinary: '普通', core: '核心', kol: 'KOL' }
const SEGMENTS = optionsOf(SEGMENT_LABEL)

type GiftChoice = 'none' | 'coupon' | 'makeupCard' | 'points'
const GIFTS = optionsOf<GiftChoice>({ none: '不送礼', coupon: '优惠券', makeupCard: '补卡', points: '积分' })

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)
const requestId = () => `recall-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/** 消息与召回: recall campaigns with their treated/holdout comparison, a form to send one, and the automations. */
export default function HostRecallPage() {
  const campaigns = usePagedQuery<RecallCampaignView>(RECALL_CAMPAIGNS_KEY, (after) => fetchRecallCampaigns(after))
  const automations = useQuery(AUTOMATIONS_KEY, fetchAutomations)
  usePullDownRefetch(async () => {
    await Promise.all([campaigns.refetch(), automations.refetch()])
  })
  useReachBottom(() => {
    void campaigns.loadMore()
  })
  useRefreshErrorToast(campaigns.refreshError)

  return (
    <View className='page recall-page'>
      <CreateForm onCreated={() => void campaigns.refetch()} />
      <Text className='recall-section-title text-title'>召回活动</Text>
      {campaigns.loading ? (
        <View aria-busy>
          {[0, 1].map((i) => (
            <View key={i} className='card recall-skeleton col'>
              <Skeleton width='50%' height={32} />
              <Skeleton width='100%' height={120} />
            </View>
          ))}
        </View>
      ) : campaigns.error ? (
        <ErrorCard error={campaigns.error} onRetry={campaigns.refetch} />
      ) : campaigns.items.length === 0 ? (
        <EmptyState glyph='召' title='还没有召回活动' description='选一个分层写一段话，发出后这里会对比收到消息和对照组的回归率' />
      ) : (
        campaigns.items.map((campaign) => <CampaignCard key={campaign.id} campaign={campaign} />)
      )}
      <Text className='recall-section-title text-title'>自动消息</Text>
      {automations.loading ? (
        <View className='card recall-skeleton col' aria-busy>
          <Skeleton width='100%' height={200} />
        </View>
      ) : automations.error ? (
        <ErrorCard error={automations.error} onRetry={automations.refetch} />
      ) : (
        (automations.data ?? []).map((automation) => <AutomationCard key={automation.kind} automation={automation} onSaved={() => void automations.refetch()} />)
      )}
    </View>
  )
}

function GroupRow({ label, stats, group }: { label: string; stats: RecallGroupStats; group: 'treated' | 'holdout' }) {
  return (
    <View className={`recall-group row text-soft recall-group-${group}`}>
      <Text className='recall-group-label'>{label}</Text>
      <Text className='recall-group-members'>{stats.members} 人</Text>
      <Text className={`recall-${group}-returned`} data-returned={stats.returned}>
        回归 {stats.returned} 人 · {percent(stats.returnRate)}
      </Text>
      <Text className={`recall-${group}-revenue`}>{formatFen(stats.revenueFen)}</Text>
    </View>
  )
}

function CampaignCard({ campaign }: { campaign: RecallCampaignView }) {
  const lift = campaign.returnLiftPoints
  return (
    <View className='card recall-campaign col' data-id={campaign.id}>
      <View className='recall-campaign-head row-between'>
        <Text className='recall-campaign-title text-title'>{campaign.title}</Text>
        <Tag tone={campaign.status === 'sent' ? 'green' : 'orange'}>{campaign.status === 'sent' ? '已发送' : '发送中'}</Tag>
      </View>
      <Text className='recall-campaign-meta'>
        {SEGMENT_LABEL[campaign.segment]}成员 · 对照组 {campaign.holdoutPercent}% · {formatChineseDate(campaign.createdAt)}
      </Text>
      <GroupRow label='收到消息' stats={campaign.treated} group='treated' />
      <GroupRow label='对照组' stats={campaign.holdout} group='holdout' />
      <View className='recall-lift'>
        <Text className='recall-lift-return'>回归率提升 {lift === null ? '—' : `${lift > 0 ? '+' : ''}${lift} 个百分点`}</Text>
        <Text className='recall-lift-revenue'>人均收入差 {campaign.revenueLiftPerMemberFen === null ? '—' : formatFen(campaign.revenueLiftPerMemberFen)}</Text>
      </View>
      <Text className='recall-campaign-note'>
        发送后 {RETURN_WINDOW_DAYS} 天内打卡算回归，收入为 {RETURN_WINDOW_DAYS} 天内的付款（扣除退款）；已完成统计 {campaign.measuredFinal}/{campaign.treated.members + campaign.holdout.members} 人
      </Text>
    </View>
  )
}

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const [segment, setSegment] = useState<Segment>('silent')
  const [title, setTitle] = useState('好久不见')
  const [body, setBody] = useState('')
  const [giftChoice, setGiftChoice] = useState<GiftChoice>('none')
  const [couponId, setCouponId] = useState<string | null>(null)
  const [amount, setAmount] = useState('1')
  const [holdout, setHoldout] = useState(String(DEFAULT_HOLDOUT_PERCENT))
  const { busy: sending, run } = useSubmit()
  const [id, setId] = useState(requestId)
  const coupons = useQuery('host:recallCoupons', () => fetchCampaigns({}))
  const tags = useQuery(TAGS_KEY, fetchTags)
  const [tag, setTag] = useState<string | null>(null)

  const gift = (): Gift | undefined => {
    if (giftChoice === 'coupon') return couponId ? { kind: 'coupon', campaignId: couponId } : undefined
    if (giftChoice === 'makeupCard') return { kind: 'makeupCard', count: Number(amount) || 1 }
    if (giftChoice === 'points') return { kind: 'points', points: Number(amount) || 0 }
    return undefined
  }

  const send = async () => {
    if (sending) return
    if (!body.trim()) return void Taro.showToast({ title: '请填写消息内容', icon: 'none' })
    if (giftChoice === 'coupon' && !couponId) return void Taro.showToast({ title: '请选择一张优惠券', icon: 'none' })
    await run(async () => {
      await createRecallCampaign({ requestId: id, segment, ...(tag ? { tag } : {}), title: title.trim(), body: body.trim(), gift: gift(), holdoutPercent: Number(holdout) })
      void Taro.showToast({ title: '已开始发送', icon: 'success' })
      setBody('')
      setId(requestId())
      onCreated()
    })
  }

  return (
    <View className='card recall-form col'>
      <Text className='recall-form-title text-title'>发起召回</Text>
      <View className='recall-chips'>
        {SEGMENTS.map((s) => (
          <View key={s.value} className={`recall-segment-chip recall-segment-${s.value} ${segment === s.value ? 'recall-chip-on' : ''}`} data-segment={s.value} onClick={() => setSegment(s.value)}>
            <Text>{s.label}</Text>
          </View>
        ))}
      </View>
      {(tags.data ?? []).length > 0 ? (
        <View className='recall-chips recall-tags'>
          <Text className='recall-tags-label text-meta'>只发给带标签的成员（可选）</Text>
          {(tags.data ?? []).map((t) => (
            <View key={t.id} className={`recall-tag-chip ${tag === t.id ? 'recall-chip-on' : ''}`} data-id={t.id} onClick={() => setTag(tag === t.id ? null : t.id)}>
              <Text>{t.name}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <InputField label='标题' name='recall-title-input' value={title} maxlength={20} placeholder='最多 20 字' onValue={setTitle} />
      <TextAreaField label='消息' layout='column' top={false} name='recall-body-input' value={body} maxlength={200} placeholder='想对他们说的话，会出现在成员的「消息」里' onValue={setBody} />
      <View className='recall-chips'>
        {GIFTS.map((g) => (
          <View key={g.value} className={`recall-gift-chip recall-gift-${g.value} ${giftChoice === g.value ? 'recall-chip-on' : ''}`} onClick={() => setGiftChoice(g.value)}>
            <Text>{g.label}</Text>
          </View>
        ))}
      </View>
      {giftChoice === 'coupon' ? (
        <View className='recall-chips'>
          {(coupons.data?.items ?? []).length === 0 ? <Text className='recall-hint text-meta'>{coupons.loading ? '加载优惠券…' : '还没有优惠券活动，先去创建一个'}</Text> : null}
          {(coupons.data?.items ?? []).map((c) => (
            <View key={c.id} className={`recall-coupon-option text-soft ${couponId === c.id ? 'recall-chip-on' : ''}`} data-id={c.id} onClick={() => setCouponId(c.id)}>
              <Text>{c.name}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {giftChoice === 'makeupCard' || giftChoice === 'points' ? (
        <InputField label={giftChoice === 'points' ? '积分' : '补卡'} suffix={giftChoice === 'points' ? '分' : '张'} name='recall-gift-amount' type='number' value={amount} onValue={setAmount} />
      ) : null}
      <InputField label='对照组' suffix='%' hint='随机留出这部分成员不发送，用来对比回归率' name='recall-holdout-input' type='number' value={holdout} onValue={setHoldout} />
      <View className={`recall-send-btn ${sending ? 'recall-send-btn-busy' : ''}`} onClick={() => void send()}>
        <Text>{sending ? '发送中…' : '发送'}</Text>
      </View>
    </View>
  )
}

function AutomationCard({ automation, onSaved }: { automation: AutomationView; onSaved: () => void }) {
  const [title, setTitle] = useState(automation.title)
  const [body, setBody] = useState(automation.body)
  const { busy: saving, run } = useSubmit()
  const save = async (changes: { enabled?: boolean; title?: string; body?: string }) => {
    if (saving) return
    await run(async () => {
      await updateAutomation({ kind: automation.kind, ...changes })
      void Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved()
    })
  }
  const edited = title !== automation.title || body !== automation.body
  return (
    <View className={`card recall-automation col recall-automation-${automation.kind}`}>
      <View className='recall-automation-head row-between'>
        <View className='recall-automation-text col'>
          <Text className='recall-automation-label text-name'>{automation.label}</Text>
          <Text className='recall-automation-sent text-note'>已发送 {automation.sent} 条</Text>
        </View>
        <Switch className='recall-automation-switch' checked={automation.enabled} color={colors.brand} onChange={(e) => void save({ enabled: e.detail.value })} />
      </View>
      <TextInput className='form-field-input recall-automation-title' value={title} maxlength={20} onValue={(value) => setTitle(value)} />
      <TextArea className='form-field-textarea recall-automation-body' value={body} maxlength={200} autoHeight onValue={(value) => setBody(value)} />
      {edited ? (
        <View className='recall-automation-save' onClick={() => void save({ title, body })}>
          <Text>{saving ? '保存中…' : '保存文案'}</Text>
        </View>
      ) : null}
    </View>
  )
}
