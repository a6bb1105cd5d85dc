import { Text } from '@tarojs/components'
import FormField from '../../../components/form-field'
import FormSection from '../../../components/form-field/form-section'
import Segmented from '../../../components/segmented'
import type { ForfeitTo } from '../../../../types/checkin'
import { NumberInput } from './fields'
import type { FieldErrors, FormState } from './form-state'
import './deposit-fields.css'

const FORFEIT_OPTIONS = [
  { value: 'completers', label: '完成者平分' },
  { value: 'host', label: '归主理人' }
] as const

/** 押金: the amount (0 = none) and where failed members' deposits go, stated on the challenge page before anyone pays. */
export default function DepositFields({ form, errors, locked, set }: { form: FormState; errors: FieldErrors; locked: boolean; set: <K extends keyof FormState>(key: K, value: FormState[K]) => void }) {
  const yuan = Number(form.depositYuan || '0')
  return (
    <FormSection title='押金（可选）' className='form-card deposit-fields'>
      <FormField layout='end' label='押金' hint={locked ? '已有成员交押金，不能修改' : '0 表示不收押金；成员交押金后才能加入'} error={errors.depositFen}>
        {locked ? <Text className='deposit-locked text-label'>{yuan} 元</Text> : <NumberInput name='depositYuan' value={form.depositYuan} unit='元' onChange={(v) => set('depositYuan', v)} />}
      </FormField>
      {yuan > 0 ? (
        <FormField
          layout='column'
          label='未完成者的押金'
          error={errors.forfeitTo}
          hint={form.forfeitTo === 'completers' ? '完成者全额退押金，并平分未完成者的押金（按分平分，余数按交押金先后每人 1 分）；无人完成时归主理人' : '完成者全额退押金，未完成者的押金归主理人'}>
          {locked ? (
            <Text className='deposit-locked text-label'>{FORFEIT_OPTIONS.find((o) => o.value === form.forfeitTo)?.label}</Text>
          ) : (
            <Segmented<ForfeitTo> options={FORFEIT_OPTIONS} value={form.forfeitTo} onChange={(v) => set('forfeitTo', v)} />
          )}
        </FormField>
      ) : null}
    </FormSection>
  )
}
