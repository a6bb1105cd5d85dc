import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Picker, Switch } from '@tarojs/components'
import { TextArea } from '../../../components/text-input'
import FormLoader from '../../../components/form-loader'
import Skeleton from '../../../components/skeleton'
import { ApiCallError } from '../../../services/api'
import { FEE_RETURN_OPTIONS, eventKey, formatEventTime, refundPolicyLabel, createEvent, fetchEvent, updateEvent } from '../../../services/events'
import { showError } from '../../../services/show-error'
import { setQueryData, useQuery } from '../../../services/use-query'
import type { EventView } from '../../../../types/events'
import type { Circle } from '../../../../types/membership'
import type { Page } from '../../../../types/page'
import { chinaInstant, draftToInput, emptyDraft, eventToDraft, type DraftErrors, type DraftField, type EventDraft } from './draft'
import { colors } from '../../../styles/tokens'
import FormField, { InputField, TextAreaField } from '../../../components/form-field'
import FormSection from '../../../components/form-field/form-section'
import { useImageUploads } from '../../../components/image-picker'
import ImageField from '../../../components/form-field/image-field'
import { fetchCircles } from '../../../services/membership'
import { routeParam, HOST_EVENTS_PAGE } from '../../../services/routes'
import './index.css'

/** 开始前 [N] 分钟起 / 小时以上: the short counts of units before the start (签到 opens, refunds close), with the error each answers. */
const BEFORE_START = {
  checkinOpensMinutes: { label: '签到', unit: '分钟起', name: 'field-checkin-opens', maxlength: 4, placeholder: '120', error: 'checkinOpensMinutesBefore' },
  refundableHours: { label: '可退款', unit: '小时以上', name: 'field-refundable-hours', maxlength: 3, placeholder: '24', error: 'refundableHoursBefore' }
} as const satisfies Record<string, { error: DraftField } & Record<string, unknown>>

const TIERS = ['Lv1 · 所有成员', 'Lv2 及以上', 'Lv3 及以上', 'Lv4 及以上']

export default function EventFormPage() {
  const router = useRouter()
  const eventId = routeParam(router.params.id)
  const detail = useQuery<EventView | null>(eventId ? eventKey(eventId) : 'host-events.form.new', () => (eventId ? fetchEvent({ eventId }) : Promise.resolve(null)))
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: eventId ? '编辑活动' : '发起活动' })
  }, [eventId])

  return <FormLoader query={detail}>{(event) => <EventForm event={event} />}</FormLoader>
}

/** Back where the host came from (the console), or to the console when the form was opened directly. */
function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: HOST_EVENTS_PAGE })
}

/** The draft's text fields (what an input edits as typed). */
type TextField = { [K in keyof EventDraft]: EventDraft[K] extends string ? K : never }[keyof EventDraft]

function EventForm({ event }: { event: EventView | null }) {
  const [draft, setDraft] = useState<EventDraft>(() => (event ? eventToDraft(event) : emptyDraft()))
  const [errors, setErrors] = useState<DraftErrors>({})
  const [saving, setSaving] = useState(false)
  const picture = useImageUploads(1)
  const uploaded = picture.slots[0]?.fileId
  const uploading = picture.uploading
  // The server refuses a new fee once anyone holds a seat.
  const feeLocked = event !== null && event.capacity - event.seatsLeft > 0

  const set = <K extends keyof EventDraft>(field: K, value: EventDraft[K], clears: DraftField[] = []) => {
    setDraft((d) => ({ ...d, [field]: value }))
    if (clears.length > 0) setErrors((e) => ({ ...e, ...Object.fromEntries(clears.map((c) => [c, undefined])) }))
  }
  // A text field's value and setter; typing clears the errors it answers.
  const bind = (field: TextField, clears: DraftField[]) => ({ value: draft[field], onValue: (v: string) => set(field, v, clears) })
  const when = (date: TextField, time: TextField, clears: DraftField[]) => ({
    date: draft[date],
    time: draft[time],
    onDate: (v: string) => set(date, v, clears),
    onTime: (v: string) => set(time, v, clears)
  })

  const beforeStart = (field: keyof typeof BEFORE_START) => {
    const f = BEFORE_START[field]
    return (
      <InputField
        label={f.label}
        error={errors[f.error]}
        prefix='开始前'
        suffix={f.unit}
        name={f.name}
        short
        type='number'
        maxlength={f.maxlength}
        placeholder={f.placeholder}
        {...bind(field, [f.error])}
      />
    )
  }

  const save = async () => {
    if (saving || uploading) return
    if (picture.failed) {
      void Taro.showToast({ title: '图片上传失败，请重试或换一张', icon: 'none' })
      return
    }
    const { input, errors: found } = draftToInput(draft, { creating: event === null })
    setErrors(found)
    if (Object.values(found).some(Boolean)) {
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      scrollToFirstError()
      return
    }
    setSaving(true)
    try {
      const saved = event
        ? // The cover only when replaced; the fee only when it changed (a locked fee is never re-sent).
          await updateEvent({ eventId: event.id, ...withoutUnchangedFee(input, event), ...(uploaded ? { coverFileId: uploaded } : {}) })
        : await createEvent({ ...input, coverFileId: uploaded ?? '' })
      setQueryData(eventKey(saved.id), saved)
      await Taro.showToast({ title: event ? '已保存' : '活动已发布', icon: 'success', duration: 1200 })
      setTimeout(leave, 700)
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'INVALID_INPUT' && err.field) {
        setErrors({ [err.field.split('.')[0]]: err.message })
        scrollToFirstError()
      }
      showError(err)
      setSaving(false)
    }
  }

  const preview = draftToInput(draft, { creating: false }).input
  const paid = preview.feeFen > 0

  return (
    <View className='page form-page'>
      <FormSection title='基本信息'>
        <ImageField
          uploads={picture}
          url={event?.coverUrl ?? ''}
          label='封面'
          boxClassName='hev-form-cover'
          emptyHint='点击上传，建议 16:9 横图'
          doneHint='封面已上传，保存后生效'
          error={errors.coverFileId}
        />
        <InputField label='标题' error={errors.title} name='field-title' maxlength={40} placeholder='如：周末徒步·滨江 10 公里' {...bind('title', ['title'])} />
        <TextAreaField label='介绍' error={errors.description} name='field-description' maxlength={3000} placeholder='流程、集合方式、需要准备什么' {...bind('description', ['description'])} />
      </FormSection>

      <FormSection title='时间'>
        <WhenField
          label='开始'
          error={errors.startAt}
          date={draft.startDate}
          time={draft.startTime}
          className='field-start'
          onDate={(v) => {
            // Moving the start day carries the end day with it, as a one-day event usually wants.
            setDraft((d) => ({ ...d, startDate: v, endDate: d.endDate === d.startDate ? v : d.endDate }))
            setErrors((e) => ({ ...e, startAt: undefined, endAt: undefined, signupDeadline: undefined }))
          }}
          onTime={(v) => set('startTime', v, ['startAt', 'endAt', 'signupDeadline'])}
        />
        <WhenField label='结束' error={errors.endAt} className='field-end' {...when('endDate', 'endTime', ['endAt'])} />
        <WhenField label='报名截止' error={errors.signupDeadline} className='field-deadline' {...when('deadlineDate', 'deadlineTime', ['signupDeadline'])} />
        {beforeStart('checkinOpensMinutes')}
        <Text className='hev-form-hint text-meta hev-form-note'>均为北京时间；报名截止后不能再报名或取消；签到{checkinWindowText(draft)}</Text>
      </FormSection>

      <FormSection title='地点'>
        <View className='hev-form-chips hev-form-mode'>
          <Text className={`hev-form-chip text-label mode-offline ${draft.mode === 'offline' ? 'hev-form-chip-on' : ''}`} onClick={() => set('mode', 'offline', ['address', 'onlineLink'])}>
            线下
          </Text>
          <Text className={`hev-form-chip text-label mode-online ${draft.mode === 'online' ? 'hev-form-chip-on' : ''}`} onClick={() => set('mode', 'online', ['address', 'onlineLink'])}>
            线上
          </Text>
        </View>
        {draft.mode === 'offline' ? (
          <FormField label='地址' error={errors.address} top>
            <TextArea
              className='form-field-textarea hev-form-textarea-short field-address'
              maxlength={200}
              autoHeight
              placeholder='城市、街道、门牌和集合点'
              placeholderClass='form-field-placeholder'
              {...bind('address', ['address'])}
            />
          </FormField>
        ) : (
          <InputField label='链接' error={errors.onlineLink} name='field-online-link' maxlength={500} placeholder='https://…（仅报名成功的成员可见）' {...bind('onlineLink', ['onlineLink'])} />
        )}
      </FormSection>

      <FormSection title='名额与费用'>
        <InputField label='名额' error={errors.capacity} suffix='人' name='field-capacity' type='number' maxlength={5} placeholder='30' {...bind('capacity', ['capacity'])} />
        <InputField
          label='报名费'
          error={errors.feeFen}
          suffix='元'
          hint={feeLocked ? '已有人报名，费用不能再改' : '填 0 为免费活动'}
          name='field-fee'
          type='digit'
          maxlength={10}
          disabled={feeLocked}
          placeholder='0'
          {...bind('fee', ['feeFen', 'feeReturn'])}
        />
        {paid ? (
          <View>
            <View className='form-field'>
              <View className='form-field-row row'>
                <View className='hev-form-switch-text fill-col'>
                  <Text className='hev-form-label text-body'>会员等级折扣</Text>
                  <Text className='hev-form-hint text-meta'>按成员等级权益打折（成长体系中设置）</Text>
                </View>
                <Switch className='field-tier-discount' checked={draft.tierDiscount} color={colors.brand} onChange={(e) => set('tierDiscount', e.detail.value)} />
              </View>
            </View>
            {beforeStart('refundableHours')}
            <View className={`form-field ${errors.feeReturn ? 'form-field-invalid' : ''}`}>
              <View className='hev-form-stack col'>
                <Text className='hev-form-label text-body'>到场返还</Text>
                <View className='hev-form-chips hev-form-stack-chips'>
                  {FEE_RETURN_OPTIONS.map((o) => (
                    <Text
                      key={o.value}
                      className={`hev-form-chip text-label fee-return-${o.value} ${draft.feeReturn === o.value ? 'hev-form-chip-on' : ''}`}
                      onClick={() => set('feeReturn', o.value, ['feeReturn'])}>
                      {o.label}
                    </Text>
                  ))}
                </View>
              </View>
              {errors.feeReturn ? <Text className='form-field-error text-meta hev-form-stack-error'>{errors.feeReturn}</Text> : null}
            </View>
            <Text className='hev-form-hint text-meta hev-form-note'>
              {FEE_RETURN_OPTIONS.find((o) => o.value === draft.feeReturn)?.hint}；成员看到：{refundPolicyLabel(preview)}
            </Text>
          </View>
        ) : null}
      </FormSection>

      <FormSection title='谁可以报名' className={`form-page-card ${errors.circleId ? 'form-field-invalid' : ''}`}>
        <CircleChoice value={draft.circleId} onChange={(circleId) => set('circleId', circleId, ['circleId'])} />
        {errors.circleId ? <Text className='form-field-error text-meta hev-form-stack-error'>{errors.circleId}</Text> : null}
        <FormField layout='end' label='等级要求' error={errors.minTierLevel} hint='低于此等级的成员看到「达到 LvN 解锁」，不能报名'>
          <Picker mode='selector' range={TIERS} value={draft.minTierLevel - 1} onChange={(e) => set('minTierLevel', Number(e.detail.value) + 1, ['minTierLevel'])}>
            <View className='hev-form-tier row text-body'>
              <Text>{TIERS[draft.minTierLevel - 1] ?? `Lv${draft.minTierLevel} 及以上`}</Text>
              <Text className='hev-form-tier-chevron'>›</Text>
            </View>
          </Picker>
        </FormField>
      </FormSection>

      <View
        className={`btn btn-primary hev-form-save ${saving || uploading ? 'btn-disabled' : ''}`}
        onClick={() => {
          void save()
        }}>
        {saving ? '保存中…' : uploading ? '封面上传中…' : event ? '保存修改' : '发布活动'}
      </View>
    </View>
  )
}

/** Everyone, or only the current members of one circle (paid, trial or free). */
function CircleChoice({ value, onChange }: { value: string | null; onChange: (circleId: string | null) => void }) {
  const circles = useQuery<Page<Circle>>('host-events.form.circles', () => fetchCircles({}))
  // An archived circle stays listed only while this event still points at it.
  const choices = (circles.data?.items ?? []).filter((c) => !c.archived || c.id === value)
  const picked = choices.find((c) => c.id === value)
  return (
    <View className='form-field hev-form-circle'>
      <View className='hev-form-chips hev-form-circle-chips'>
        <Text className={`hev-form-chip text-label circle-everyone ${value === null ? 'hev-form-chip-on' : ''}`} onClick={() => onChange(null)}>
          所有成员
        </Text>
        {circles.loading ? <Skeleton width={160} height={56} /> : null}
        {choices.map((c) => (
          <Text key={c.id} className={`hev-form-chip text-label circle-choice ${value === c.id ? 'hev-form-chip-on' : ''}`} data-id={c.id} onClick={() => onChange(c.id)}>
            仅「{c.name}」成员
          </Text>
        ))}
      </View>
      <Text className='hev-form-hint text-meta hev-form-circle-hint'>
        {picked ? `只有「${picked.name}」的当前成员（付费、试用或免费加入）可以报名，其他人会看到加入圈子的入口` : '社群里的任何成员都可以报名'}
      </Text>
    </View>
  )
}

/** When the door is open: 从 12月06日 周六 12:00 起开放，到活动结束为止. */
function checkinWindowText(draft: EventDraft): string {
  const start = chinaInstant(draft.startDate, draft.startTime)
  const minutes = /^\d+$/.test(draft.checkinOpensMinutes.trim()) ? Number(draft.checkinOpensMinutes.trim()) : null
  if (start === null || minutes === null || minutes > 1440) return '从开始前设定的时间起开放，到活动结束为止'
  return `从 ${formatEventTime(start - minutes * 60_000)} 起开放，到活动结束为止`
}

/** After the errors render: bring the first one into view (it may be far above the save button). */
function scrollToFirstError() {
  setTimeout(() => {
    void Taro.pageScrollTo({ selector: '.form-field-invalid', duration: 200 }).catch(() => undefined)
  }, 60)
}

function withoutUnchangedFee<T extends { feeFen: number }>(input: T, event: EventView): Omit<T, 'feeFen'> & { feeFen?: number } {
  if (input.feeFen !== event.feeFen) return input
  const { feeFen: _unchanged, ...rest } = input
  return rest
}

interface WhenFieldProps {
  label: string
  error?: string
  date: string
  time: string
  className: string
  onDate: (value: string) => void
  onTime: (value: string) => void
}

/** A China-time date and clock from the native pickers, shown as 12月06日 周六 and 14:00. */
function WhenField({ label, error, date, time, className, onDate, onTime }: WhenFieldProps) {
  const at = chinaInstant(date, time)
  return (
    <FormField label={label} error={error} className={className}>
      <Picker mode='date' value={date} onChange={(e) => onDate(String(e.detail.value))}>
        <View className='hev-form-pick num text-body hev-form-pick-date'>{at !== null ? formatEventTime(at).replace(/ \d{2}:\d{2}$/, '') : '选择日期'}</View>
      </Picker>
      <Picker mode='time' value={time} onChange={(e) => onTime(String(e.detail.value))}>
        <View className='hev-form-pick num text-body hev-form-pick-time'>{time || '选择时间'}</View>
      </Picker>
    </FormField>
  )
}
