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
import {
  HOST_BARGAINS_KEY,
  PHASE_LABEL,
  PHASE_TONE,
  TARGET_LABEL,
  createBargainCampaign,
  fetchBargainCutLog,
  fetchHostBargainCampaigns,
  formatBargainTime,
  pauseBargainCampaign
} from '../../../services/bargain'
import { fetchMallItems } from '../../../services/growth'
import { fetchCircles } from '../../../services/membership'
import { showError } from '../../../services/show-error'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { BargainCutLogEntry, BargainTarget, HostBargainCampaignView } from '../../../../types/bargain'
import type { Page } from '../../../../types/page'
import './index.css'

type TargetType = BargainTarget['type']
const TYPES: ReadonlyArray<{ value: TargetType; label: string }> = [
  { value: 'plan', label: '会员套餐' },
  { value: 'event', label: '活动名额' },
  { value: 'mall', label: '商城商品' }
]
type Hours = '24' | '48' | '72'
const HOURS: ReadonlyArray<{ value: Hours; label: string }> = [
  { value: '24', label: '24 小时' },
  { value: '48', label: '48 小时' },
  { value: '72', label: '72 小时' }
]
type Runs = '3' | '7' | '14'
const RUNS: ReadonlyArray<{ value: Runs; label: string }> = [
  { value: '3', label: '3 天' },
  { value: '7', label: '7 天' },
  { value: '14', label: '14 天' }
]

interface Candidate {
  key: string
  target: BargainTarget
  name: string
  detail: string
  /** The plan's price or the event's fee, a suggested start price (0: none). */
  priceFen: number
}

async function candidatesFor(type: TargetType): Promise<Candidate[]> {
  if (type === 'plan') {
    const circles = (await fetchCircles({})).items.filter((c) => c.kind !== 'free' && !c.archived)
    return circles.flatMap((c) =>
      c.plans.map((p) => ({
        key: `${c.id}:${p.id}`,
        target: { type: 'plan' as const, circleId: c.id, planId: p.id },
        name: `${c.name}·${p.name}`,
        detail: `${p.days} 天 · 原价 ${formatFen(p.priceFen)}`,
        priceFen: p.priceFen
      }))
    )
  }
  if (type === 'event') {
    const events = (await fetchEvents({ when: 'upcoming' })).items.filter((e) => e.status === 'scheduled' && e.seatsLeft > 0)
    return events.map((e) => ({ key: e.id, target: { type: 'event' as const, eventId: e.id }, name: e.title, detail: `剩 ${e.seatsLeft} 个名额 · 报名费 ${formatFen(e.feeFen)}`, priceFen: e.feeFen }))
  }
  const items = (await fetchMallItems({})).items.filter((i) => i.active && i.kind !== 'coupon' && i.stock > 0)
  return items.map((i) => ({ key: i.id, target: { type: 'mall' as const, itemId: i.id }, name: i.name, detail: `库存 ${i.stock}`, priceFen: 0 }))
}

export default function HostBargainsPage() {
  const list = usePagedQuery<HostBargainCampaignView>(HOST_BARGAINS_KEY, (after) => fetchHostBargainCampaigns({ after }))
  return (
    <PagedList
      list={list}
      className='hb-page'
      header={<CreateForm onCreated={() => void list.refetch()} />}
      skeleton={
        <View className='page hb-page' aria-busy>
          {[0, 1].map((i) => (
            <View key={i} className='card'>
              <Skeleton width='100%' height={140} />
            </View>
          ))}
        </View>
      }
      empty={<EmptyState glyph='砍' title='还没有砍价活动' description='在上面选一个套餐、活动或商品，设好起砍价、底价和刀数即可发布' />}>
      {(items) => items.map((campaign) => <CampaignCard key={campaign.id} campaign={campaign} onChanged={() => void list.refetch()} />)}
    </PagedList>
  )
}

const yuanToFen = (text: string) => Math.round(Number(text) * 100)

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const [type, setType] = useState<TargetType>('plan')
  const candidates = useQuery<Candidate[]>(`hostBargain.candidates.${type}`, () => candidatesFor(type))
  const [picked, setPicked] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [start, setStart] = useState('')
  const [floor, setFloor] = useState('')
  const [cuts, setCuts] = useState('10')
  const [cap, setCap] = useState('3')
  const [hours, setHours] = useState<Hours>('24')
  const [runs, setRuns] = useState<Runs>('7')
  const [sending, setSending] = useState(false)
  const chosen = candidates.data?.find((c) => c.key === picked) ?? null

  const submit = async () => {
    if (sending) return
    const startFen = yuanToFen(start || (chosen ? String(chosen.priceFen / 100) : ''))
    const floorFen = yuanToFen(floor)
    const n = Number(cuts)
    const dailyCap = Number(cap)
    if (!chosen) return void Taro.showToast({ title: '请选择砍价的套餐、活动或商品', icon: 'none' })
    if (!(startFen >= 2)) return void Taro.showToast({ title: '请填写起砍价', icon: 'none' })
    if (!(floorFen >= 1)) return void Taro.showToast({ title: '请填写底价', icon: 'none' })
    if (!Number.isInteger(n) || n < 2) return void Taro.showToast({ title: '刀数至少 2 刀', icon: 'none' })
    if (!Number.isInteger(dailyCap) || dailyCap < 1) return void Taro.showToast({ title: '请填写每人每天可砍次数', icon: 'none' })
    setSending(true)
    try {
      await createBargainCampaign({
        target: chosen.target,
        title: title.trim() || `${chosen.name} 砍价`.slice(0, 30),
        startFen,
        floorFen,
        cuts: n,
        hours: Number(hours),
        dailyCap,
        endAt: Date.now() + Number(runs) * 24 * 3600_000
      })
      void Taro.showToast({ title: '已发布', icon: 'success' })
      setTitle('')
      setFloor('')
      onCreated()
    } catch (err) {
      showError(err)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='card hb-form'>
      <Text className='hb-form-title'>发起砍价</Text>
      <Segmented
        className='hb-types'
        options={TYPES}
        value={type}
        onChange={(value) => {
          setType(value)
          setPicked(null)
        }}
      />
      <View className='hb-candidates'>
        {candidates.loading ? <Skeleton width='100%' height={80} /> : null}
        {candidates.data && candidates.data.length === 0 ? <Text className='muted'>没有可以砍价的{TYPES.find((t) => t.value === type)!.label}</Text> : null}
        {(candidates.data ?? []).map((c) => (
          <RadioRow key={c.key} on={picked === c.key} onSelect={() => setPicked(c.key)} className='hb-candidate' data={{ key: c.key }}>
            <View className='hb-candidate-body'>
              <Text className='hb-candidate-name'>{c.name}</Text>
              <Text className='hb-candidate-detail'>{c.detail}</Text>
            </View>
          </RadioRow>
        ))}
      </View>
      <FormField label='标题' hint='分享卡片和列表上显示，留空用商品名'>
        <Input className='form-field-input hb-title' value={title} maxlength={30} placeholder='如：月卡砍到 9.9 元' onInput={(e) => setTitle(e.detail.value)} />
      </FormField>
      <FormField label='起砍价' prefix='¥' hint={chosen && chosen.priceFen > 0 ? `留空按原价 ${formatFen(chosen.priceFen)}` : '商品起始价格'}>
        <Input className='form-field-input hb-start' type='digit' value={start} placeholder='0.00' onInput={(e) => setStart(e.detail.value)} />
      </FormField>
      <FormField label='底价' prefix='¥' hint='砍到底价后不能再砍'>
        <Input className='form-field-input hb-floor' type='digit' value={floor} placeholder='0.00' onInput={(e) => setFloor(e.detail.value)} />
      </FormField>
      <FormField label='刀数' suffix='刀' hint='最多这么多位好友即可砍到底价（2–50），每刀金额由系统随机决定'>
        <Input className='form-field-input hb-cuts' type='number' value={cuts} maxlength={2} onInput={(e) => setCuts(e.detail.value)} />
      </FormField>
      <FormField label='每人每天' suffix='刀' hint='一位好友每天在本活动里最多帮砍几次'>
        <Input className='form-field-input hb-cap' type='number' value={cap} maxlength={2} onInput={(e) => setCap(e.detail.value)} />
      </FormField>
      <FormField label='每次砍价有效' layout='column'>
        <Segmented className='hb-hours' options={HOURS} value={hours} onChange={setHours} />
      </FormField>
      <FormField label='活动发起期' layout='column'>
        <Segmented className='hb-runs' options={RUNS} value={runs} onChange={setRuns} />
      </FormField>
      <Button className={`btn btn-primary hb-submit ${sending ? 'btn-disabled' : ''}`} disabled={sending || undefined} onClick={() => void submit()}>
        {sending ? '发布中…' : '发布砍价'}
      </Button>
    </View>
  )
}

function CampaignCard({ campaign, onChanged }: { campaign: HostBargainCampaignView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const [log, setLog] = useState<Page<BargainCutLogEntry> | null>(null)
  const m = campaign.measures
  const toggle = async () => {
    setBusy(true)
    try {
      await pauseBargainCampaign({ campaignId: campaign.id, paused: !campaign.paused })
      onChanged()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }
  const loadLog = async (more: boolean) => {
    try {
      const page = await fetchBargainCutLog({ campaignId: campaign.id, after: more ? log?.next : null })
      setLog(more && log ? { items: [...log.items, ...page.items], next: page.next } : page)
    } catch (err) {
      showError(err)
    }
  }
  return (
    <View className='card hb-sale' data-id={campaign.id}>
      <View className='hb-sale-head'>
        <Tag tone={PHASE_TONE[campaign.phase]}>{PHASE_LABEL[campaign.phase]}</Tag>
        <Text className='hb-sale-kind'>{TARGET_LABEL[campaign.targetType]}</Text>
      </View>
      <Text className='hb-sale-title'>{campaign.title}</Text>
      <Text className='hb-sale-line'>
        {campaign.itemName} · {formatFen(campaign.startFen)} 砍到 {formatFen(campaign.floorFen)} · {campaign.cuts} 刀 · 每次 {campaign.hours} 小时 · 每人每天 {campaign.dailyCap} 刀 ·{' '}
        {formatBargainTime(campaign.endAt)} 截止发起
      </Text>
      <View className='hb-measures'>
        <Measure label='发起' value={String(m.started)} />
        <Measure label='砍到底价' value={String(m.reachedFloor)} />
        <Measure label='已支付' value={String(m.paid)} />
        <Measure label={m.revenueCapped ? '收入(前100单)' : '收入'} value={formatFen(m.revenueFen)} />
        <Measure label='新成员' value={String(m.newMembers)} />
        <Measure label='总刀数' value={String(m.cuts)} />
      </View>
      <View className='hb-row'>
        {campaign.phase !== 'ended' ? (
          <Button className={`btn btn-small btn-ghost hb-pause ${busy ? 'btn-disabled' : ''}`} disabled={busy || undefined} onClick={() => void toggle()}>
            {campaign.paused ? '恢复' : '暂停'}
          </Button>
        ) : null}
        <Button className='btn btn-small btn-ghost hb-log-toggle' onClick={() => (log ? setLog(null) : void loadLog(false))}>
          {log ? '收起砍价记录' : '砍价记录'}
        </Button>
      </View>
      {log ? (
        <View className='hb-log'>
          {log.items.length === 0 ? <Text className='muted'>还没有人砍价</Text> : null}
          {log.items.map((entry) => (
            <View key={entry.id} className='hb-log-row'>
              <Text>
                {chinaTime(entry.at).format('MM-DD HH:mm')} {entry.cutterNickname} 帮 {entry.starterNickname} 砍第 {entry.k} 刀
              </Text>
              <Text className={entry.newMember ? 'hb-log-new' : ''}>
                {formatFen(entry.amountFen)}
                {entry.newMember ? ' · 新成员' : ''}
              </Text>
            </View>
          ))}
          {log.next ? (
            <Button className='btn btn-small btn-ghost hb-log-more' onClick={() => void loadLog(true)}>
              更多记录
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

function Measure({ label, value }: { label: string; value: string }) {
  return (
    <View className='hb-measure'>
      <Text className='hb-measure-value'>{value}</Text>
      <Text className='hb-measure-label'>{label}</Text>
    </View>
  )
}
