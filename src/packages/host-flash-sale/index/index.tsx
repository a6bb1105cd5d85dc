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
import { HOST_FLASH_SALES_KEY, PHASE_LABEL, PHASE_TONE, TARGET_LABEL, createFlashSale, fetchHostFlashSales, formatSaleTime, pauseFlashSale } from '../../../services/flash-sale'
import { fetchMallItems } from '../../../services/growth'
import { fetchCircles } from '../../../services/membership'
import { flashSaleUrl } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { FlashSaleTarget, HostFlashSaleView } from '../../../../types/flash-sale'
import './index.css'

type TargetType = FlashSaleTarget['type']
const TYPES: ReadonlyArray<{ value: TargetType; label: string }> = [
  { value: 'plan', label: '会员套餐' },
  { value: 'event', label: '活动名额' },
  { value: 'mall', label: '商城商品' }
]
type StartChoice = 'now' | 'in10' | 'in60' | 'tonight'
const STARTS: ReadonlyArray<{ value: StartChoice; label: string }> = [
  { value: 'now', label: '立即' },
  { value: 'in10', label: '10 分钟后' },
  { value: 'in60', label: '1 小时后' },
  { value: 'tonight', label: '今晚 20:00' }
]
type Length = '30m' | '1h' | '3h' | '1d'
const LENGTHS: ReadonlyArray<{ value: Length; label: string; ms: number }> = [
  { value: '30m', label: '30 分钟', ms: 30 * 60_000 },
  { value: '1h', label: '1 小时', ms: 3600_000 },
  { value: '3h', label: '3 小时', ms: 3 * 3600_000 },
  { value: '1d', label: '1 天', ms: 24 * 3600_000 }
]

/** The start a choice means now, to the whole minute (tonight at 20:00 China time; tomorrow's once that has passed). */
function startFor(choice: StartChoice, now: number): number {
  const minute = Math.ceil(now / 60_000) * 60_000
  if (choice === 'now') return now
  if (choice === 'in10') return minute + 10 * 60_000
  if (choice === 'in60') return minute + 60 * 60_000
  const tonight = chinaTime(now).hour(20).minute(0).second(0).millisecond(0).valueOf()
  return tonight > now ? tonight : tonight + 24 * 3600_000
}

interface Candidate {
  key: string
  target: FlashSaleTarget
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
  if (type === 'event') {
    const events = (await fetchEvents({ when: 'upcoming' })).items.filter((e) => e.status === 'scheduled' && e.seatsLeft > 0)
    return events.map((e) => ({ key: e.id, target: { type: 'event' as const, eventId: e.id }, name: e.title, detail: `剩 ${e.seatsLeft} 个名额 · 报名费 ${formatFen(e.feeFen)}` }))
  }
  const items = (await fetchMallItems({})).items.filter((i) => i.active && i.kind !== 'coupon' && i.stock > 0)
  return items.map((i) => ({ key: i.id, target: { type: 'mall' as const, itemId: i.id }, name: i.name, detail: `库存 ${i.stock}` }))
}

export default function HostFlashSalesPage() {
  const list = usePagedQuery<HostFlashSaleView>(HOST_FLASH_SALES_KEY, (after) => fetchHostFlashSales({ after }))
  return (
    <PagedList
      list={list}
      className='hfs-page'
      header={<CreateForm onCreated={() => void list.refetch()} />}
      skeleton={
        <View className='page hfs-page' aria-busy>
          {[0, 1].map((i) => (
            <View key={i} className='card'>
              <Skeleton width='100%' height={140} />
            </View>
          ))}
        </View>
      }
      empty={<EmptyState glyph='秒' title='还没有秒杀' description='在上面选一个套餐、活动或商品，设好价格、库存和时间即可开抢' />}>
      {(items) => items.map((sale) => <SaleCard key={sale.id} sale={sale} onChanged={() => void list.refetch()} />)}
    </PagedList>
  )
}

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const [type, setType] = useState<TargetType>('plan')
  const candidates = useQuery<Candidate[]>(`hostFlashSale.candidates.${type}`, () => candidatesFor(type))
  const [picked, setPicked] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [price, setPrice] = useState('')
  const [stock, setStock] = useState('50')
  const [start, setStart] = useState<StartChoice>('in10')
  const [length, setLength] = useState<Length>('1h')
  const [sending, setSending] = useState(false)
  const chosen = candidates.data?.find((c) => c.key === picked) ?? null

  const submit = async () => {
    if (sending) return
    const priceFen = Math.round(Number(price) * 100)
    const units = Number(stock)
    if (!chosen) return void Taro.showToast({ title: '请选择秒杀的套餐、活动或商品', icon: 'none' })
    if (!(priceFen >= 1)) return void Taro.showToast({ title: '请填写秒杀价', icon: 'none' })
    if (!Number.isInteger(units) || units < 1) return void Taro.showToast({ title: '请填写库存', icon: 'none' })
    const startAt = startFor(start, Date.now())
    setSending(true)
    try {
      await createFlashSale({
        target: chosen.target,
        title: title.trim() || `${chosen.name} 限时秒杀`.slice(0, 30),
        priceFen,
        stock: units,
        startAt,
        endAt: startAt + LENGTHS.find((l) => l.value === length)!.ms
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
    <View className='card hfs-form'>
      <Text className='hfs-form-title'>发起秒杀</Text>
      <Segmented
        className='hfs-types'
        options={TYPES}
        value={type}
        onChange={(value) => {
          setType(value)
          setPicked(null)
        }}
      />
      <View className='hfs-candidates'>
        {candidates.loading ? <Skeleton width='100%' height={80} /> : null}
        {candidates.data && candidates.data.length === 0 ? <Text className='muted'>没有可以秒杀的{TYPES.find((t) => t.value === type)!.label}</Text> : null}
        {(candidates.data ?? []).map((c) => (
          <RadioRow key={c.key} on={picked === c.key} onSelect={() => setPicked(c.key)} className='hfs-candidate' data={{ key: c.key }}>
            <View className='hfs-candidate-body'>
              <Text className='hfs-candidate-name'>{c.name}</Text>
              <Text className='hfs-candidate-detail'>{c.detail}</Text>
            </View>
          </RadioRow>
        ))}
      </View>
      <FormField label='标题' hint='分享卡片和列表上显示，留空用商品名'>
        <Input className='form-field-input hfs-title' value={title} maxlength={30} placeholder='如：月卡限时 9.9 元' onInput={(e) => setTitle(e.detail.value)} />
      </FormField>
      <FormField label='秒杀价' prefix='¥'>
        <Input className='form-field-input hfs-price' type='digit' value={price} placeholder='0.00' onInput={(e) => setPrice(e.detail.value)} />
      </FormField>
      <FormField label='库存' suffix='件' hint='每人限抢 1 件；5 分钟未支付自动释放'>
        <Input className='form-field-input hfs-stock' type='number' value={stock} maxlength={3} onInput={(e) => setStock(e.detail.value)} />
      </FormField>
      <FormField label='开抢' layout='column'>
        <Segmented className='hfs-starts' options={STARTS} value={start} onChange={setStart} />
      </FormField>
      <FormField label='持续' layout='column'>
        <Segmented className='hfs-lengths' options={LENGTHS} value={length} onChange={setLength} />
      </FormField>
      <Button className={`btn btn-primary hfs-submit ${sending ? 'btn-disabled' : ''}`} disabled={sending || undefined} onClick={() => void submit()}>
        {sending ? '发布中…' : '发布秒杀'}
      </Button>
    </View>
  )
}

function SaleCard({ sale, onChanged }: { sale: HostFlashSaleView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const m = sale.measures
  const toggle = async () => {
    setBusy(true)
    try {
      await pauseFlashSale({ saleId: sale.id, paused: !sale.paused })
      onChanged()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card hfs-sale' data-id={sale.id}>
      <View className='hfs-sale-head'>
        <Tag tone={PHASE_TONE[sale.phase]}>{PHASE_LABEL[sale.phase]}</Tag>
        <Text className='hfs-sale-kind'>{TARGET_LABEL[sale.targetType]}</Text>
      </View>
      <Text className='hfs-sale-title' onClick={() => void Taro.navigateTo({ url: flashSaleUrl(sale.id) })}>
        {sale.title}
      </Text>
      <Text className='hfs-sale-line'>
        {sale.itemName} · {formatFen(sale.priceFen)} · {formatSaleTime(sale.startAt)}–{formatSaleTime(sale.endAt)}
      </Text>
      <View className='hfs-measures'>
        <Measure label='参与' value={String(m.started)} />
        <Measure label='售出' value={`${m.sold}/${sale.stock}`} />
        <Measure label='已支付' value={String(m.paid)} />
        <Measure label='收入' value={formatFen(m.revenueFen)} />
        <Measure label='新成员' value={String(m.newMembers)} />
      </View>
      {sale.phase !== 'ended' ? (
        <Button className={`btn btn-small btn-ghost hfs-pause ${busy ? 'btn-disabled' : ''}`} disabled={busy || undefined} onClick={() => void toggle()}>
          {sale.paused ? '恢复' : '暂停'}
        </Button>
      ) : null}
    </View>
  )
}

function Measure({ label, value }: { label: string; value: string }) {
  return (
    <View className='hfs-measure'>
      <Text className='hfs-measure-value'>{value}</Text>
      <Text className='hfs-measure-label'>{label}</Text>
    </View>
  )
}
