import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Button } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import FormField from '../../../components/form-field'
import PagedList from '../../../components/paged-list'
import RadioRow from '../../../components/radio-row'
import Segmented from '../../../components/segmented'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { fetchEvents } from '../../../services/events'
import { HOST_GROUP_BUYS_KEY, TARGET_LABEL, createGroupBuy, fetchGroupBuyLogs, fetchHostGroupBuys, groupBuyLogsKey, pauseGroupBuy } from '../../../services/group-buy'
import { fetchCircles } from '../../../services/membership'
import { groupBuyUrl } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { GroupBuyLogView, GroupBuyTarget, HostGroupBuyView } from '../../../../types/group-buy'
import type { Page } from '../../../../types/page'
import './index.css'

// The host's 拼团 console: make an offer on a plan or a paid event (size, group
// price, time limit, 模拟成团 or not), pause or resume it, and measure it
// (groups started, completed, failed, revenue, new members) with its log.

type TargetType = GroupBuyTarget['type']
const TYPES: ReadonlyArray<{ value: TargetType; label: string }> = [
  { value: 'plan', label: '会员套餐' },
  { value: 'event', label: '付费活动' }
]
type Size = '2' | '3' | '5' | '10'
const SIZES: ReadonlyArray<{ value: Size; label: string }> = [
  { value: '2', label: '2 人' },
  { value: '3', label: '3 人' },
  { value: '5', label: '5 人' },
  { value: '10', label: '10 人' }
]
type Limit = '6' | '12' | '24' | '48'
const LIMITS: ReadonlyArray<{ value: Limit; label: string }> = [
  { value: '6', label: '6 小时' },
  { value: '12', label: '12 小时' },
  { value: '24', label: '24 小时' },
  { value: '48', label: '48 小时' }
]
type Simulate = 'no' | 'yes'
const SIMULATE: ReadonlyArray<{ value: Simulate; label: string }> = [
  { value: 'no', label: '不成团就退款' },
  { value: 'yes', label: '允许模拟成团' }
]

interface Candidate {
  key: string
  target: GroupBuyTarget
  name: string
  detail: string
}

async function candidatesFor(type: TargetType): Promise<Candidate[]> {
  if (type === 'plan') {
    const circles = (await fetchCircles({})).items.filter((c) => c.kind !== 'free' && !c.archived)
    return circles.flatMap((c) =>
      c.plans.map((p) => ({
        key: `${c.id}:${p.id}`,
        target: { type: 'plan' as const, circleId: c.id, planId: p.id },
        name: `${c.name}·${p.name}`,
        detail: `${p.days} 天 · 原价 ${formatFen(p.priceFen)}`
      }))
    )
  }
  const events = (await fetchEvents({ when: 'upcoming' })).items.filter((e) => e.status === 'scheduled' && e.seatsLeft > 0 && e.feeFen > 0)
  return events.map((e) => ({ key: e.id, target: { type: 'event' as const, eventId: e.id }, name: e.title, detail: `剩 ${e.seatsLeft} 个名额 · 报名费 ${formatFen(e.feeFen)}` }))
}

export default function HostGroupBuysPage() {
  const list = usePagedQuery<HostGroupBuyView>(HOST_GROUP_BUYS_KEY, (after) => fetchHostGroupBuys({ after }))
  return (
    <PagedList
      list={list}
      className='hgb-page'
      header={<CreateForm onCreated={() => void list.refetch()} />}
      skeleton={
        <View className='page hgb-page' aria-busy>
          {[0, 1].map((i) => (
            <View key={i} className='card'>
              <Skeleton width='100%' height={140} />
            </View>
          ))}
        </View>
      }
      empty={<EmptyState glyph='拼' title='还没有拼团' description='在上面选一个套餐或付费活动，设好人数、拼团价和时限即可发布' />}>
      {(items) => items.map((offer) => <OfferCard key={offer.id} offer={offer} onChanged={() => void list.refetch()} />)}
    </PagedList>
  )
}

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const [type, setType] = useState<TargetType>('plan')
  const candidates = useQuery<Candidate[]>(`hostGroupBuy.candidates.${type}`, () => candidatesFor(type))
  const [picked, setPicked] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [price, setPrice] = useState('')
  const [size, setSize] = useState<Size>('3')
  const [limit, setLimit] = useState<Limit>('24')
  const [simulate, setSimulate] = useState<Simulate>('no')
  const [sending, setSending] = useState(false)
  const chosen = candidates.data?.find((c) => c.key === picked) ?? null

  const submit = async () => {
    if (sending) return
    const priceFen = Math.round(Number(price) * 100)
    if (!chosen) return void Taro.showToast({ title: '请选择拼团的套餐或活动', icon: 'none' })
    if (!(priceFen >= 1)) return void Taro.showToast({ title: '请填写拼团价', icon: 'none' })
    setSending(true)
    try {
      await createGroupBuy({
        target: chosen.target,
        title: title.trim() || `${chosen.name} ${size} 人团`.slice(0, 30),
        priceFen,
        size: Number(size),
        limitHours: Number(limit),
        allowSimulated: simulate === 'yes'
      })
      void Taro.showToast({ title: '已发布', icon: 'success' })
      setTitle('')
      setPrice('')
      onCreated()
    } catch (err) {
      showError(err)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='card hgb-form'>
      <Text className='hgb-form-title'>发起拼团</Text>
      <Segmented
        className='hgb-types'
        options={TYPES}
        value={type}
        onChange={(value) => {
          setType(value)
          setPicked(null)
        }}
      />
      <View className='hgb-candidates'>
        {candidates.loading ? <Skeleton width='100%' height={80} /> : null}
        {candidates.data && candidates.data.length === 0 ? <Text className='muted'>没有可以拼团的{TYPES.find((t) => t.value === type)!.label}</Text> : null}
        {(candidates.data ?? []).map((c) => (
          <RadioRow key={c.key} on={picked === c.key} onSelect={() => setPicked(c.key)} className='hgb-candidate' data={{ key: c.key }}>
            <View className='hgb-candidate-body'>
              <Text className='hgb-candidate-name'>{c.name}</Text>
              <Text className='hgb-candidate-detail'>{c.detail}</Text>
            </View>
          </RadioRow>
        ))}
      </View>
      <FormField label='标题' hint='分享卡片和列表上显示，留空用商品名'>
        <Input className='form-field-input hgb-title' value={title} maxlength={30} placeholder='如：月卡三人团' onInput={(e) => setTitle(e.detail.value)} />
      </FormField>
      <FormField label='拼团价' prefix='¥' hint='每人支付的价格，要低于原价'>
        <Input className='form-field-input hgb-price' type='digit' value={price} placeholder='0.00' onInput={(e) => setPrice(e.detail.value)} />
      </FormField>
      <FormField label='成团人数' layout='column'>
        <Segmented className='hgb-sizes' options={SIZES} value={size} onChange={setSize} />
      </FormField>
      <FormField label='成团时限' layout='column' hint='从团长支付起算'>
        <Segmented className='hgb-limits' options={LIMITS} value={limit} onChange={setLimit} />
      </FormField>
      <FormField label='到时未满' layout='column' hint='模拟成团：已付款的团员照常开通，空位由你补齐'>
        <Segmented className='hgb-simulate' options={SIMULATE} value={simulate} onChange={setSimulate} />
      </FormField>
      <Button className={`btn btn-primary hgb-submit ${sending ? 'btn-disabled' : ''}`} disabled={sending || undefined} onClick={() => void submit()}>
        {sending ? '发布中…' : '发布拼团'}
      </Button>
    </View>
  )
}

function OfferCard({ offer, onChanged }: { offer: HostGroupBuyView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const [showLog, setShowLog] = useState(false)
  const m = offer.measures
  const toggle = async () => {
    setBusy(true)
    try {
      await pauseGroupBuy({ campaignId: offer.id, paused: !offer.paused })
      onChanged()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card hgb-sale' data-id={offer.id}>
      <View className='hgb-sale-head'>
        <Tag tone={offer.paused ? 'orange' : 'red'}>{offer.paused ? '已暂停' : '进行中'}</Tag>
        <Text className='hgb-sale-kind'>{TARGET_LABEL[offer.targetType]}</Text>
      </View>
      <Text className='hgb-sale-title' onClick={() => void Taro.navigateTo({ url: groupBuyUrl(offer.id) })}>
        {offer.title}
      </Text>
      <Text className='hgb-sale-line'>
        {offer.itemName} · {offer.size} 人 · {formatFen(offer.priceFen)} · {offer.limitHours} 小时 · {offer.allowSimulated ? '允许模拟成团' : '不成团退款'}
      </Text>
      <View className='hgb-measures'>
        <Measure label='开团' value={String(m.started)} />
        <Measure label='成团' value={String(m.completed)} />
        <Measure label='未成团' value={String(m.failed)} />
        <Measure label='收入' value={formatFen(m.revenueFen)} />
        <Measure label='新成员' value={String(m.newMembers)} />
      </View>
      <View className='hgb-actions'>
        <View className={`btn btn-small btn-ghost hgb-pause ${busy ? 'btn-disabled' : ''}`} onClick={() => void (busy ? null : toggle())}>
          {offer.paused ? '恢复开团' : '暂停开团'}
        </View>
        <View className='btn btn-small btn-ghost hgb-log-toggle' onClick={() => setShowLog(!showLog)}>
          {showLog ? '收起记录' : '拼团记录'}
        </View>
      </View>
      {showLog ? <Logs campaignId={offer.id} /> : null}
    </View>
  )
}

function Logs({ campaignId }: { campaignId: string }) {
  const logs = useQuery<Page<GroupBuyLogView>>(groupBuyLogsKey(campaignId), () => fetchGroupBuyLogs({ campaignId }))
  if (logs.loading) return <Skeleton width='100%' height={80} />
  const items = logs.data?.items ?? []
  if (items.length === 0) return <Text className='muted'>还没有记录</Text>
  return (
    <View className='hgb-logs'>
      {items.map((log) => (
        <View key={log.id} className='hgb-log'>
          <Text className='hgb-log-text'>{log.text}</Text>
          <Text className='hgb-log-at'>{chinaTime(log.at).format('MM-DD HH:mm')}</Text>
        </View>
      ))}
    </View>
  )
}

function Measure({ label, value }: { label: string; value: string }) {
  return (
    <View className='hgb-measure'>
      <Text className='hgb-measure-value'>{value}</Text>
      <Text className='hgb-measure-label'>{label}</Text>
    </View>
  )
}
