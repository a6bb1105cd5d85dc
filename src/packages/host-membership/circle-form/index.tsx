import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import FormLoader from '../../../components/form-loader'
import { ApiCallError } from '../../../services/api'
import { showError } from '../../../services/show-error'
import { setQueryData, useQuery } from '../../../services/use-query'
import { refundRuleLabel, archiveCircle, createCircle, fetchCircle, updateCircle, hostCircleKey } from '../../../services/membership'
import type { Circle, CircleDetail } from '../../../../types/membership'
import { safeDecode } from '../../membership/params'
import { EMPTY_DRAFT, KIND_OPTIONS, MAX_QUESTIONS, circleToDraft, draftToInput, type CircleDraft, type DraftErrors } from './draft'
import PlansEditor from './plans-editor'
import { colors } from '../../../styles/tokens'
import { useImageUploads } from '../../../components/image-picker'
import ImageField from '../../../components/form-field/image-field'
import FormField, { InputField, TextAreaField } from '../../../components/form-field'
import FormSection from '../../../components/form-field/form-section'
import './index.css'

/** The two day counts of a circle (试用 N 天, N 天内全额退款): two digits, a week by default. */
const DAY_FIELDS = {
  trialDays: { label: '试用天数', suffix: '天', name: 'field-trial-days' },
  fullRefundDays: { label: '全额退款', suffix: '天内', name: 'field-full-refund-days' }
} as const

export default function CircleFormPage() {
  const router = useRouter()
  const circleId = safeDecode(router.params.id)
  const detail = useQuery<CircleDetail | null>(hostCircleKey(circleId || 'new'), () => (circleId ? fetchCircle({ circleId }) : Promise.resolve(null)))

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: circleId ? '编辑圈子' : '新建圈子' })
  }, [circleId])

  return <FormLoader query={detail}>{(data) => <CircleForm circle={data?.circle ?? null} />}</FormLoader>
}

function CircleForm({ circle }: { circle: Circle | null }) {
  const [draft, setDraft] = useState<CircleDraft>(() => (circle ? circleToDraft(circle) : EMPTY_DRAFT))
  const [errors, setErrors] = useState<DraftErrors>({})
  const [saving, setSaving] = useState(false)
  const picture = useImageUploads(1)
  const uploaded = picture.slots[0]?.fileId
  const uploading = picture.uploading

  const set = <K extends keyof CircleDraft>(field: K, value: CircleDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const save = async () => {
    if (saving || uploading) return
    if (picture.failed) {
      void Taro.showToast({ title: '图片上传失败，请重试或换一张', icon: 'none' })
      return
    }
    const { input, errors: found } = draftToInput(draft)
    setErrors(found)
    if (Object.keys(found).some((k) => found[k as keyof DraftErrors] !== undefined)) {
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      return
    }
    setSaving(true)
    try {
      let saved: Circle
      if (circle) {
        // The cover only when replaced: an unchanged file id needs no re-check.
        saved = await updateCircle({ circleId: circle.id, ...input, ...(uploaded ? { coverFileId: uploaded } : {}) })
      } else {
        saved = await createCircle({ ...input, plans: input.plans.map(({ name, days, priceFen }) => ({ name, days, priceFen })), coverFileId: uploaded ?? '' })
      }
      setQueryData(hostCircleKey(saved.id), { circle: saved, membership: { circleId: saved.id, status: 'none', startedAt: null, endsAt: null, trialUsed: false } })
      await Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
      setTimeout(() => {
        void Taro.navigateBack()
      }, 700)
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'INVALID_INPUT' && err.field) setErrors({ [err.field.split('.')[0]]: err.message })
      showError(err)
      setSaving(false)
    }
  }

  const archive = async () => {
    if (!circle) return
    const { confirm } = await Taro.showModal({ title: '归档圈子', content: '归档后成员将看不到这个圈子，已付费成员的订单不受影响。', confirmText: '归档', confirmColor: colors.danger })
    if (!confirm) return
    try {
      await archiveCircle({ circleId: circle.id })
      await Taro.showToast({ title: '已归档', icon: 'success', duration: 1200 })
      setTimeout(() => {
        void Taro.navigateBack()
      }, 700)
    } catch (err) {
      showError(err)
    }
  }

  const daysField = (field: keyof typeof DAY_FIELDS) => {
    const f = DAY_FIELDS[field]
    return <InputField label={f.label} error={errors[field]} suffix={f.suffix} name={f.name} type='number' value={draft[field]} maxlength={2} placeholder='7' onValue={(value) => set(field, value)} />
  }

  const kindHint = KIND_OPTIONS.find((k) => k.value === draft.kind)?.hint
  const refundPreview = draftToInput(draft).input

  return (
    <View className='page form-page'>
      <FormSection title='基本信息'>
        <ImageField uploads={picture} url={circle?.coverUrl ?? ''} label='封面' boxClassName='hf-cover' emptyHint='点击上传，建议 16:9 横图' doneHint='封面已上传，保存后生效' />

        <InputField label='名称' error={errors.name} name='field-name' value={draft.name} maxlength={30} placeholder='如：减脂私教营' onValue={(value) => set('name', value)} />
        <TextAreaField
          label='介绍'
          error={errors.description}
          name='field-description'
          value={draft.description}
          maxlength={2000}
          placeholder='成员加入前会看到：圈子里有什么、适合谁'
          onValue={(value) => set('description', value)}
        />
      </FormSection>

      <FormSection title='加入方式'>
        <View className='hf-chips'>
          {KIND_OPTIONS.map((k) => (
            <Text key={k.value} className={`hf-chip text-label kind-${k.value} ${draft.kind === k.value ? 'hf-chip-on' : ''}`} onClick={() => set('kind', k.value)}>
              {k.label}
            </Text>
          ))}
        </View>
        {kindHint ? <Text className='hf-hint text-meta hf-kind-hint'>{kindHint}</Text> : null}

        {draft.kind === 'trialThenPaid' ? daysField('trialDays') : null}

        {draft.kind === 'free' ? (
          <View className='hf-questions'>
            <Text className='hf-label text-body'>加入问题（选填，最多 {MAX_QUESTIONS} 个）</Text>
            {draft.questions.map((q, i) => (
              <View key={i} className='hf-question row'>
                <TextInput
                  className='hf-question-input'
                  value={q}
                  maxlength={100}
                  placeholder={`问题 ${i + 1}`}
                  placeholderClass='hf-placeholder'
                  onValue={(value) => {
                    set(
                      'questions',
                      draft.questions.map((old, j) => (j === i ? value : old))
                    )
                  }}
                />
                <Text
                  className='hf-question-remove text-error'
                  onClick={() =>
                    set(
                      'questions',
                      draft.questions.filter((_, j) => j !== i)
                    )
                  }>
                  删除
                </Text>
              </View>
            ))}
            {errors.questions ? <Text className='hf-error text-error'>{errors.questions}</Text> : null}
            {draft.questions.length < MAX_QUESTIONS ? (
              <View className='hf-add text-link row' onClick={() => set('questions', [...draft.questions, ''])}>
                <Text>＋ 添加问题</Text>
              </View>
            ) : null}
            <View className='hf-chips hf-review-row'>
              <Text className={`hf-chip text-label review-off ${!draft.reviewRequired ? 'hf-chip-on' : ''}`} onClick={() => set('reviewRequired', false)}>
                直接加入
              </Text>
              <Text className={`hf-chip text-label review-on ${draft.reviewRequired ? 'hf-chip-on' : ''}`} onClick={() => set('reviewRequired', true)}>
                加入需审核
              </Text>
            </View>
          </View>
        ) : null}
      </FormSection>

      {draft.kind !== 'free' ? (
        <View>
          <FormSection title='套餐'>
            <PlansEditor
              plans={draft.plans}
              errors={errors}
              onChange={(plans) => {
                setDraft((d) => ({ ...d, plans }))
                setErrors((e) => ({ ...e, plan: undefined, plans: undefined }))
              }}
            />
          </FormSection>

          <FormSection title='退款规则'>
            {daysField('fullRefundDays')}
            <FormField label='之后'>
              <View className='hf-chips'>
                <Text className={`hf-chip text-label refund-prorata ${draft.refundAfter === 'prorata' ? 'hf-chip-on' : ''}`} onClick={() => set('refundAfter', 'prorata')}>
                  按剩余天数退
                </Text>
                <Text className={`hf-chip text-label refund-none ${draft.refundAfter === 'none' ? 'hf-chip-on' : ''}`} onClick={() => set('refundAfter', 'none')}>
                  不退
                </Text>
              </View>
            </FormField>
            <Text className='hf-hint text-meta hf-refund-preview'>成员看到：{refundRuleLabel(refundPreview)}</Text>
          </FormSection>
        </View>
      ) : null}

      <View
        className={`btn btn-primary hf-save ${saving || uploading ? 'btn-disabled' : ''}`}
        onClick={() => {
          void save()
        }}>
        {saving ? '保存中…' : uploading ? '封面上传中…' : circle ? '保存修改' : '创建圈子'}
      </View>
      {circle && !circle.archived ? (
        <View
          className='hf-archive'
          onClick={() => {
            void archive()
          }}>
          <Text>归档圈子</Text>
        </View>
      ) : null}
    </View>
  )
}
