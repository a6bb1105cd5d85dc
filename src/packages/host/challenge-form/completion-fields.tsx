import { View, Text, Switch } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import FormField from '../../../components/form-field'
import { colors } from '../../../styles/tokens'
import type { FieldErrors, FormState } from './form-state'

/** 完成条件: how many of the days make a completion (empty: all of them) and whether make-up days count. */
export default function CompletionFields({ form, errors, set }: { form: FormState; errors: FieldErrors; set: <K extends keyof FormState>(key: K, value: FormState[K]) => void }) {
  const days = /^\d+$/.test(form.days.trim()) ? Number(form.days.trim()) : 0
  return (
    <>
      <Text className='form-page-section'>完成条件</Text>
      <View className='card form-card completion-fields'>
        <FormField
          layout='end'
          label='完成所需天数'
          hint={form.completionDays.trim() ? `打满 ${form.completionDays.trim()} 天即算完成` : `留空：需完成全部 ${days || '—'} 天`}
          error={errors.completionDays}>
          <View className='form-number row'>
            <TextInput
              className='form-number-input'
              data-field='completionDays'
              type='number'
              value={form.completionDays}
              maxlength={3}
              placeholder={days ? `全部 ${days}` : '全部'}
              placeholderClass='form-placeholder'
              onValue={(value) => set('completionDays', value.replace(/\D/g, ''))}
            />
            <Text className='form-unit text-label'>天</Text>
          </View>
        </FormField>
        <FormField layout='end' label='补卡计入完成' hint={form.makeupsCount ? '补卡的日子算作完成天数' : '只有当天打卡才算完成天数'} error={errors.makeupsCount}>
          <Switch className='completion-makeups' data-field='makeupsCount' checked={form.makeupsCount} color={colors.brand} onChange={(e) => set('makeupsCount', e.detail.value)} />
        </FormField>
      </View>
    </>
  )
}
