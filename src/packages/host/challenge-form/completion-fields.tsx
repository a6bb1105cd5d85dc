import { Switch } from '@tarojs/components'
import { NumberInput } from './fields'
import FormField from '../../../components/form-field'
import FormSection from '../../../components/form-field/form-section'
import { colors } from '../../../styles/tokens'
import type { FieldErrors, FormState } from './form-state'

/** 完成条件: how many of the days make a completion (empty: all of them) and whether make-up days count. */
export default function CompletionFields({ form, errors, set }: { form: FormState; errors: FieldErrors; set: <K extends keyof FormState>(key: K, value: FormState[K]) => void }) {
  const days = /^\d+$/.test(form.days.trim()) ? Number(form.days.trim()) : 0
  return (
    <FormSection title='完成条件' className='form-card completion-fields'>
      <FormField
        layout='end'
        label='完成所需天数'
        hint={form.completionDays.trim() ? `打满 ${form.completionDays.trim()} 天即算完成` : `留空：需完成全部 ${days || '—'} 天`}
        error={errors.completionDays}>
        <NumberInput name='completionDays' value={form.completionDays} unit='天' maxlength={3} placeholder={days ? `全部 ${days}` : '全部'} onChange={(v) => set('completionDays', v)} />
      </FormField>
      <FormField layout='end' label='补卡计入完成' hint={form.makeupsCount ? '补卡的日子算作完成天数' : '只有当天打卡才算完成天数'} error={errors.makeupsCount}>
        <Switch className='completion-makeups' data-field='makeupsCount' checked={form.makeupsCount} color={colors.brand} onChange={(e) => set('makeupsCount', e.detail.value)} />
      </FormField>
    </FormSection>
  )
}
