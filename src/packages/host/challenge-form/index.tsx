import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Picker } from '@tarojs/components'
import { TextInput, TextArea } from '../../../components/text-input'
import FormLoader from '../../../components/form-loader'
import { ApiCallError } from '../../../services/api'
import { challengeChanged, refetchChallenges, useChallenge, createChallenge, updateChallenge } from '../../../services/checkin'
import { showError } from '../../../services/show-error'
import { chinaTime } from '../../../utils/china-time'
import type { Challenge } from '../../../../types/checkin'
import BonusEditor from './bonus-editor'
import { NumberInput, Stepper } from './fields'
import { DESCRIPTION_MAX, TITLE_MAX, changesOf, emptyForm, fieldOf, formOf, toInput, type FieldErrors, type FormState } from './form-state'
import FormField from '../../../components/form-field'
import FormSection from '../../../components/form-field/form-section'
import IntegrityFields from './integrity-fields'
import ImagePicker, { useImageUploads } from '../../../components/image-picker'
import { challengeDetailUrl, routeParam } from '../../../services/routes'
import CompletionFields from './completion-fields'
import DepositFields from './deposit-fields'
import './index.css'

const TIERS = ['Lv1 · 所有成员', 'Lv2 及以上', 'Lv3 及以上', 'Lv4 及以上']

export default function ChallengeFormPage() {
  const editId = routeParam(useRouter().params.id)
  return editId ? <EditChallenge id={editId} /> : <ChallengeForm initial={emptyForm(chinaToday())} />
}

function chinaToday(): string {
  return chinaTime(Date.now()).format('YYYY-MM-DD')
}

function EditChallenge({ id }: { id: string }) {
  const query = useChallenge(id)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '编辑挑战' })
  }, [])
  return <FormLoader query={query}>{(data) => <ChallengeForm initial={formOf(data.challenge)} editing={data.challenge} />}</FormLoader>
}

function ChallengeForm({ initial, editing }: { initial: FormState; editing?: Challenge }) {
  const [form, setForm] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const cover = useImageUploads(1)
  const coverSlot = cover.slots[0]
  const coverBusy = cover.uploading
  const [saving, setSaving] = useState(false)
  const today = chinaToday()
  // Once members have checked in, the schedule is anchored.
  const startLocked = editing !== undefined && editing.checkinCount > 0
  // Once anyone has paid a deposit, what they paid for holds (the server refuses changes too).
  const depositLocked = ((editing as (Challenge & { depositors?: number }) | undefined)?.depositors ?? 0) > 0

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    const field = (key === 'bonuses' ? 'streakBonuses' : key === 'coverUrl' ? 'coverFileId' : key === 'depositYuan' ? 'depositFen' : key) as keyof FieldErrors
    if (errors[field] || (key === 'windowEnd' && errors.windowStart) || (key === 'maxPhotos' && errors.minPhotos)) {
      setErrors((e) => ({ ...e, [field]: undefined, ...(key === 'windowEnd' ? { windowStart: undefined } : {}), ...(key === 'maxPhotos' ? { minPhotos: undefined } : {}) }))
    }
  }

  // A finished upload becomes the form's cover; a failed one stays on the picker, saying why.
  useEffect(() => {
    if (!coverSlot?.fileId) return
    setForm((f) => ({ ...f, coverFileId: coverSlot.fileId ?? '', coverUrl: coverSlot.url ?? coverSlot.path }))
    setErrors((e) => ({ ...e, coverFileId: undefined }))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a newly finished upload (a new fileId) replaces the form's cover
  }, [coverSlot?.fileId])

  const save = async () => {
    if (saving || coverBusy) return
    if (cover.failed) {
      void Taro.showToast({ title: '封面上传失败，请重试或更换', icon: 'none' })
      return
    }
    const checked = toInput(form)
    if ('errors' in checked) {
      setErrors(checked.errors)
      void Taro.showToast({ title: Object.values(checked.errors)[0] ?? '请检查表单', icon: 'none' })
      return
    }
    setSaving(true)
    try {
      if (editing) {
        const changes = changesOf(editing, checked.input)
        if (Object.keys(changes).length === 0) {
          void Taro.showToast({ title: '没有修改', icon: 'none' })
          setSaving(false)
          return
        }
        const updated = await updateChallenge({ challengeId: editing.id, ...changes })
        challengeChanged(updated)
        const cached = Taro.getCurrentPages().length > 1
        await Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
        void refetchChallenges()
        // The detail page underneath refetches when shown again.
        setTimeout(() => {
          void (cached ? Taro.navigateBack() : Taro.redirectTo({ url: challengeDetailUrl(updated.id) }))
        }, 800)
      } else {
        const created = await createChallenge(checked.input)
        void refetchChallenges()
        await Taro.showToast({ title: '挑战已发布', icon: 'success', duration: 1200 })
        setTimeout(() => {
          void Taro.redirectTo({ url: challengeDetailUrl(created.id) })
        }, 800)
      }
    } catch (err) {
      const field = err instanceof ApiCallError ? fieldOf(err.field) : null
      if (field) setErrors((e) => ({ ...e, [field]: (err as ApiCallError).message }))
      showError(err)
      setSaving(false)
    }
  }

  return (
    <View className='page form-page challenge-form'>
      <ImagePicker mode='cover' uploads={cover} url={form.coverUrl} onRemoveSaved={() => setForm((f) => ({ ...f, coverFileId: '', coverUrl: '' }))} />
      {errors.coverFileId ? <Text className='form-error-block text-error'>{errors.coverFileId}</Text> : null}

      <FormSection title='基本信息' className='form-card'>
        <FormField layout='column' label='标题' error={errors.title}>
          <View className='form-title-row row'>
            <TextInput
              className='form-input form-title-input'
              data-field='title'
              value={form.title}
              maxlength={TITLE_MAX}
              placeholder='例如：21 天早起打卡'
              placeholderClass='form-placeholder'
              onValue={(value) => set('title', value)}
            />
            <Text className='form-counter text-quiet'>
              {[...form.title.trim()].length}/{TITLE_MAX}
            </Text>
          </View>
        </FormField>
        <FormField layout='column' label='介绍' error={errors.description}>
          <TextArea
            className='form-textarea textarea-plain'
            value={form.description}
            maxlength={DESCRIPTION_MAX}
            autoHeight
            placeholder='挑战的目标、怎么打卡、完成后有什么收获'
            placeholderClass='form-placeholder'
            onValue={(value) => set('description', value)}
          />
        </FormField>
      </FormSection>

      <FormSection title='时间安排' className='form-card'>
        <FormField layout='end' label='开始日期' hint={startLocked ? '已有打卡，不能修改' : undefined} error={errors.startDate}>
          <Picker mode='date' value={form.startDate} start={editing ? undefined : today} disabled={startLocked} onChange={(e) => set('startDate', String(e.detail.value))}>
            <View className={`form-picker row text-body ${startLocked ? 'form-picker-off' : ''}`}>
              {form.startDate === today ? <Text className='form-today'>今天</Text> : null}
              <Text>{form.startDate}</Text>
              <Text className='form-chevron'>›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField layout='end' label='持续天数' error={errors.days}>
          <NumberInput name='days' value={form.days} unit='天' maxlength={3} onChange={(v) => set('days', v)} />
        </FormField>
        <FormField layout='end' label='每日打卡时间' error={errors.windowStart ?? errors.windowEnd}>
          <View className='form-window row'>
            <Picker mode='time' value={form.windowStart} onChange={(e) => set('windowStart', String(e.detail.value))}>
              <View className='form-time text-body'>{form.windowStart}</View>
            </Picker>
            <Text className='form-window-dash text-desc'>至</Text>
            <Picker mode='time' value={form.windowEnd} onChange={(e) => set('windowEnd', String(e.detail.value))}>
              <View className='form-time text-body'>{form.windowEnd}</View>
            </Picker>
          </View>
        </FormField>
      </FormSection>

      <FormSection title='打卡要求' className='form-card'>
        <FormField layout='end' label='最少字数' error={errors.minTextLength}>
          <NumberInput name='minTextLength' value={form.minTextLength} unit='字' maxlength={3} onChange={(v) => set('minTextLength', v)} />
        </FormField>
        <FormField layout='end' label='最少图片' error={errors.minPhotos}>
          <Stepper name='minPhotos' value={form.minPhotos} min={0} max={9} unit='张' onChange={(v) => set('minPhotos', v)} />
        </FormField>
        <FormField layout='end' label='最多图片' error={errors.maxPhotos}>
          <Stepper name='maxPhotos' value={form.maxPhotos} min={0} max={9} unit='张' onChange={(v) => set('maxPhotos', v)} />
        </FormField>
        <FormField layout='end' label='参与等级' error={errors.minTierLevel}>
          <Picker mode='selector' range={TIERS} value={form.minTierLevel - 1} onChange={(e) => set('minTierLevel', Number(e.detail.value) + 1)}>
            <View className='form-picker row text-body'>
              <Text>{TIERS[form.minTierLevel - 1] ?? `Lv${form.minTierLevel} 及以上`}</Text>
              <Text className='form-chevron'>›</Text>
            </View>
          </Picker>
        </FormField>
      </FormSection>

      <FormSection title='积分与补卡' className='form-card'>
        <FormField layout='end' label='每次打卡积分' error={errors.pointsPerCheckin}>
          <NumberInput name='pointsPerCheckin' value={form.pointsPerCheckin} unit='积分' onChange={(v) => set('pointsPerCheckin', v)} />
        </FormField>
        <FormField layout='end' label='每人补卡次数' hint='可补最近 3 天' error={errors.makeupCardsPerMember}>
          <Stepper name='makeupCardsPerMember' value={form.makeupCardsPerMember} min={0} max={30} unit='次' onChange={(v) => set('makeupCardsPerMember', v)} />
        </FormField>
        <FormField layout='column' label='连续打卡奖励' error={errors.streakBonuses}>
          <BonusEditor rows={form.bonuses} onChange={(rows) => set('bonuses', rows)} />
        </FormField>
      </FormSection>

      <CompletionFields form={form} errors={errors} set={set} />

      <DepositFields form={form} errors={errors} locked={depositLocked} set={set} />

      <IntegrityFields form={form} errors={errors} set={set} />

      <View
        className={`btn btn-primary form-save ${saving || coverBusy ? 'btn-disabled' : ''}`}
        onClick={() => {
          void save()
        }}>
        {saving ? '保存中…' : coverBusy ? '封面上传中…' : editing ? '保存修改' : '发布挑战'}
      </View>
    </View>
  )
}
