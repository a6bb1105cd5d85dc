import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Picker } from '@tarojs/components'
import Segmented from '../../../components/segmented'
import { fetchAllPages } from '../../../services/fetch-all-pages'
import { eventListKey, fetchEvents } from '../../../services/events'
import { useSubmit } from '../../../services/use-submit'
import { useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import type { CampaignChannel, CampaignInput, CouponKind, CouponScope, HostCampaignView } from '../../../../types/coupons'
import type { EventView } from '../../../../types/events'
import type { Page } from '../../../../types/page'
import FormField, { InputField } from '../../../components/form-field'
import { HOST_CAMPAIGNS_KEY, KIND_LABEL, createCampaign, fetchHostCampaigns, ruleLabel, scopeLabel, updateCampaign, validityLabel } from '../../../services/rewards'
import { routeParam } from '../../../services/routes'
import './index.css'

const DAY_MS = 24 * 3600_000
const KINDS: ReadonlyArray<{ value: CouponKind; label: string }> = [
  { value: 'amountOff', label: '满减' },
  { value: 'percentOff', label: '折扣' },
  { value: 'freeTicket', label: KIND_LABEL.freeTicket }
]
const SCOPES: ReadonlyArray<{ value: CouponScope; label: string }> = [
  { value: 'membership', label: '会员套餐' },
  { value: 'event', label: '付费活动' }
]
const CHANNELS: ReadonlyArray<{ value: CampaignChannel; label: string }> = [
  { value: 'claim', label: '会员领取' },
  { value: 'reward', label: '仅作奖品' }
]

/** The typed fields, each a line of the card: 减免 [20] 元, 满 [0] 元可用, [100] 张. */
const TEXT_FIELDS = {
  name: { label: '名称', name: 'hr-name', maxlength: 30, placeholder: '如：新人立减 20 元' },
  amountYuan: { label: '减免', name: 'hr-amount', type: 'digit', maxlength: 9, placeholder: '20', suffix: '元' },
  zhe: { label: '折扣', name: 'hr-zhe', type: 'digit', maxlength: 3, placeholder: '8.5', suffix: '折' },
  minSpendYuan: { label: '门槛', name: 'hr-min', type: 'digit', maxlength: 9, placeholder: '0 为无门槛', prefix: '满', suffix: '元可用' },
  stock: { label: '数量', name: 'hr-stock', type: 'number', maxlength: 6, placeholder: '100', suffix: '张' }
} as const

interface Draft {
  name: string
  kind: CouponKind
  amountYuan: string
  /** 8.5 (折) */
  zhe: string
  minSpendYuan: string
  fromDate: string
  toDate: string
  appliesTo: CouponScope[]
  stock: string
  channel: CampaignChannel
  /** Free tickets: the one event they admit to, or null for any. */
  eventId: string | null
}

function emptyDraft(): Draft {
  return {
    name: '',
    kind: 'amountOff',
    amountYuan: '',
    zhe: '',
    minSpendYuan: '0',
    fromDate: chinaTime(Date.now()).format('YYYY-MM-DD'),
    toDate: chinaTime(Date.now() + 30 * DAY_MS).format('YYYY-MM-DD'),
    appliesTo: ['membership', 'event'],
    stock: '100',
    channel: 'claim',
    eventId: null
  }
}

/** '19.9' → 1990; null unless a non-negative amount with at most two decimals. */
function yuanToFen(value: string): number | null {
  const v = value.trim()
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(v)) return null
  const [yuan, cents = ''] = v.split('.')
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'))
}

/** '8.5' 折 → 15 (% off); null unless 0.1–9.9 折 in whole percents. */
function zheToPercentOff(value: string): number | null {
  const v = value.trim()
  if (!/^\d(\.\d)?$/.test(v)) return null
  const percentOff = 100 - Math.round(Number(v) * 10)
  return percentOff >= 1 && percentOff <= 99 ? percentOff : null
}

const dayStart = (date: string) => Date.parse(`${date}T00:00:00+08:00`)
const dayEnd = (date: string) => Date.parse(`${date}T23:59:59+08:00`)

function toInput(d: Draft): CampaignInput | string {
  const name = d.name.trim()
  if (!name || name.length > 30) return '名称需为 1–30 个字'
  if (d.kind === 'freeTicket') return freeTicketInput(d, name)
  const amountOffFen = d.kind === 'amountOff' ? yuanToFen(d.amountYuan) : 0
  const percentOff = d.kind === 'percentOff' ? zheToPercentOff(d.zhe) : 0
  if (d.kind === 'amountOff' && (!amountOffFen || amountOffFen <= 0)) return '请填写减免金额（元，最多两位小数）'
  if (d.kind === 'percentOff' && !percentOff) return '折扣需为 0.1–9.9 折'
  const minSpendFen = yuanToFen(d.minSpendYuan || '0')
  if (minSpendFen === null) return '使用门槛需为金额（元，最多两位小数）'
  if (d.kind === 'amountOff' && minSpendFen > 0 && amountOffFen! >= minSpendFen) return '减免金额要小于使用门槛'
  const validFrom = dayStart(d.fromDate)
  const validTo = dayEnd(d.toDate)
  if (!Number.isFinite(validFrom) || !Number.isFinite(validTo) || validTo <= validFrom) return '结束日期不能早于开始日期'
  if (d.appliesTo.length === 0) return '请至少选择一个适用范围'
  if (!/^\d{1,6}$/.test(d.stock.trim()) || Number(d.stock) < 1) return '发放数量需为正整数'
  return { name, kind: d.kind, amountOffFen: amountOffFen ?? 0, percentOff: percentOff ?? 0, minSpendFen, validFrom, validTo, appliesTo: d.appliesTo, stock: Number(d.stock), channel: d.channel }
}

/** A free ticket: no amounts, events only, one event or any. */
function freeTicketInput(d: Draft, name: string): CampaignInput | string {
  const validFrom = dayStart(d.fromDate)
  const validTo = dayEnd(d.toDate)
  if (!Number.isFinite(validFrom) || !Number.isFinite(validTo) || validTo <= validFrom) return '结束日期不能早于开始日期'
  if (!/^\d{1,6}$/.test(d.stock.trim()) || Number(d.stock) < 1) return '发放数量需为正整数'
  return { name, kind: 'freeTicket', amountOffFen: 0, percentOff: 0, minSpendFen: 0, validFrom, validTo, appliesTo: ['event'], stock: Number(d.stock), channel: d.channel, eventId: d.eventId }
}

const fenToYuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2))

/** The form filled from a campaign being edited. */
function draftOf(c: HostCampaignView): Draft {
  return {
    name: c.name,
    kind: c.kind,
    amountYuan: c.kind === 'amountOff' ? fenToYuan(c.amountOffFen) : '',
    zhe: c.kind === 'percentOff' ? String((100 - c.percentOff) / 10) : '',
    minSpendYuan: fenToYuan(c.minSpendFen),
    fromDate: chinaTime(c.validFrom).format('YYYY-MM-DD'),
    toDate: chinaTime(c.validTo).format('YYYY-MM-DD'),
    appliesTo: c.appliesTo,
    stock: String(c.stock),
    channel: c.channel,
    eventId: c.eventId
  }
}

export default function CampaignFormPage() {
  // ?id=: editing that campaign (name, end, stock, threshold); the rest is fixed once published.
  const editId = routeParam(useRouter().params.id)
  const editing = useQuery<HostCampaignView | null>(`${HOST_CAMPAIGNS_KEY}.edit.${editId}`, async () =>
    editId ? ((await fetchAllPages((after) => fetchHostCampaigns({ after }))).items.find((c) => c.id === editId) ?? null) : null
  )
  const [loadedId, setLoadedId] = useState('')
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  useEffect(() => {
    if (editing.data && editing.data.id !== loadedId) {
      setDraft(draftOf(editing.data))
      setLoadedId(editing.data.id)
    }
  }, [editing.data, loadedId])
  const isEdit = Boolean(editId)
  const { busy: saving, error, setError, run } = useSubmit()
  const [last, setLast] = useState('')
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setError('')
  }
  const parsed = toInput(draft)
  const preview = typeof parsed === 'string' ? null : parsed
  const free = draft.kind === 'freeTicket'
  // Free tickets may name one upcoming event (the list's first page is plenty for a picker).
  const upcoming = useQuery<Page<EventView>>(`${eventListKey('upcoming')}.all`, () => fetchAllPages((after) => fetchEvents({ when: 'upcoming', after })))
  // An event created since the list was cached shows up too.
  useEffect(() => {
    if (upcoming.data) void upcoming.refetch()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once on mount: refresh a list already cached
  }, [])
  useEffect(() => {
    if (free && upcoming.data) void upcoming.refetch()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the kind switches to a free ticket
  }, [free])
  const events = (upcoming.data?.items ?? []).filter((e) => e.status !== 'cancelled')
  const eventIndex = events.findIndex((e) => e.id === draft.eventId)
  const eventTitle = eventIndex >= 0 ? events[eventIndex].title : undefined

  const textField = (field: keyof typeof TEXT_FIELDS) => <InputField {...TEXT_FIELDS[field]} value={draft[field]} onValue={(value) => set({ [field]: value })} />

  const toggleScope = (scope: CouponScope) => {
    const on = draft.appliesTo.includes(scope)
    set({ appliesTo: on ? draft.appliesTo.filter((s) => s !== scope) : SCOPES.map((s) => s.value).filter((s) => s === scope || draft.appliesTo.includes(s)) })
  }

  const submit = async () => {
    if (saving) return
    if (typeof parsed === 'string') {
      setError(parsed)
      return
    }
    await run(async () => {
      if (isEdit) {
        const saved = await updateCampaign({
          campaignId: editId,
          name: parsed.name,
          validTo: parsed.validTo,
          stock: parsed.stock,
          ...(parsed.kind === 'freeTicket' ? {} : { minSpendFen: parsed.minSpendFen })
        })
        void Taro.showToast({ title: '已保存', icon: 'success' })
        setDraft(draftOf(saved))
        setLast(`${saved.name}：${ruleLabel(saved)}，${saved.stock} 张（已领 ${saved.claimed}）`)
        setTimeout(() => void Taro.navigateBack().catch(() => undefined), 600)
        return
      }
      const created = await createCampaign(parsed)
      void Taro.showToast({ title: '已发布', icon: 'success' })
      setDraft(emptyDraft())
      setError('')
      setLast(`${created.name}：${ruleLabel(created)}，${created.stock} 张`)
    })
  }
  return (
    <View className='page hr-page'>
      <View className='card hr-card'>
        {textField('name')}
        <FormField label='类型'>
          <Segmented className='hr-kind' options={KINDS} value={draft.kind} onChange={(kind) => (isEdit ? undefined : set({ kind }))} />
        </FormField>
        {free ? (
          <FormField label='活动'>
            <Picker
              className='hr-event-picker'
              mode='selector'
              range={['任意活动', ...events.map((e) => e.title)]}
              value={eventIndex + 1}
              onChange={(e) => set({ eventId: events[Number(e.detail.value) - 1]?.id ?? null })}>
              <View className='hr-pick text-value hr-event row'>
                <Text className='hr-event-title ellipsis'>{eventTitle ?? '任意活动'}</Text>
                <Text className='hr-chevron'>›</Text>
              </View>
            </Picker>
          </FormField>
        ) : draft.kind === 'amountOff' ? (
          textField('amountYuan')
        ) : (
          textField('zhe')
        )}
        {free ? null : textField('minSpendYuan')}
        <FormField label='有效期'>
          <Picker mode='date' disabled={isEdit} value={draft.fromDate} onChange={(e) => set({ fromDate: String(e.detail.value) })}>
            <View className='hr-pick text-value hr-from'>{draft.fromDate}</View>
          </Picker>
          <Text className='hr-unit text-prose'>至</Text>
          <Picker mode='date' value={draft.toDate} onChange={(e) => set({ toDate: String(e.detail.value) })}>
            <View className='hr-pick text-value hr-to'>{draft.toDate}</View>
          </Picker>
        </FormField>
        <FormField label='适用'>
          {free ? (
            <Text className='hr-fixed text-prose'>活动报名（免费报名一次）</Text>
          ) : (
            SCOPES.map((scope) => {
              const on = draft.appliesTo.includes(scope.value)
              return (
                <View key={scope.value} className={`hr-check row hr-scope-${scope.value} ${on ? 'hr-check-on' : ''}`} role='checkbox' aria-checked={on} onClick={() => toggleScope(scope.value)}>
                  <View className='hr-box row'>{on ? <Text className='hr-tick'>✓</Text> : null}</View>
                  <Text>{scope.label}</Text>
                </View>
              )
            })
          )}
        </FormField>
        <FormField label='发放'>
          <Segmented className='hr-channel' options={CHANNELS} value={draft.channel} onChange={(channel) => (isEdit ? undefined : set({ channel }))} />
        </FormField>
        {draft.channel === 'reward' ? <Text className='hr-hint text-note hr-channel-hint'>仅作奖品的券不在领券中心展示，只作为邀请赛奖品发给获奖成员</Text> : null}
        {textField('stock')}
        {preview ? (
          <Text className='hr-preview'>
            预览：{free ? `${KIND_LABEL.freeTicket} · ${eventTitle ?? '任意活动'}` : `${ruleLabel(preview)} · ${scopeLabel(preview.appliesTo)}`} · {validityLabel(preview.validFrom, preview.validTo)}
            {preview.channel === 'reward' ? ' · 仅作奖品' : ''}
          </Text>
        ) : null}
        <Text className='hr-hint text-note'>有效期按北京时间，从开始日 00:00 到结束日 23:59；{draft.channel === 'reward' ? '奖品每个名次发 1 张，发完为止' : '每位成员限领 1 张'}</Text>
        {isEdit ? <Text className='hr-hint text-note hr-edit-hint'>编辑时可修改名称、结束日期、门槛和数量（不少于已领取的张数）；类型、面额、适用范围和开始日期发布后不能修改。</Text> : null}
        {error ? <Text className='hr-error'>{error}</Text> : null}
        <View
          className={`btn btn-primary hr-submit ${saving ? 'btn-disabled' : ''}`}
          onClick={() => {
            void submit()
          }}>
          {isEdit ? (saving ? '保存中…' : '保存修改') : saving ? '发布中…' : '发布优惠券'}
        </View>
        {last ? <Text className='hr-last text-accent'>已发布 {last}</Text> : null}
      </View>
    </View>
  )
}
