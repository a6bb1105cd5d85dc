import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import MiniField from '../../../components/mini-field'
import { perDayLabel } from '../../../services/membership'
import { formatFen } from '../../../utils/format'
import { yuanToFen } from '../money'
import { MAX_PLANS, newPlanKey, type DraftErrors, type PlanDraft } from './draft'

interface PlansEditorProps {
  plans: PlanDraft[]
  errors: DraftErrors
  onChange: (plans: PlanDraft[]) => void
}

/** Up to five plans: name, length in days and price in yuan (saved as fen). */
export default function PlansEditor({ plans, errors, onChange }: PlansEditorProps) {
  const update = (key: string, field: 'name' | 'days' | 'price', value: string) => onChange(plans.map((p) => (p.key === key ? { ...p, [field]: value } : p)))
  const remove = (key: string) => onChange(plans.filter((p) => p.key !== key))
  const add = () => onChange([...plans, { key: newPlanKey(), name: '', days: '', price: '' }])

  return (
    <View className='hf-plans'>
      {plans.map((plan, i) => {
        const planErrors = errors.plan?.[plan.key] ?? {}
        const fen = yuanToFen(plan.price)
        const days = Number(plan.days)
        const perDay = fen !== null && fen > 0 && Number.isInteger(days) && days > 0 ? perDayLabel({ priceFen: fen, days }) : ''
        return (
          <View key={plan.key} className='hf-plan' data-plan-index={i}>
            <View className='hf-plan-head row'>
              <Text className='hf-plan-index text-value'>套餐 {i + 1}</Text>
              {perDay ? <Text className='hf-plan-per-day'>约 {perDay}</Text> : null}
              {/* More than two decimals: say what will be saved (rounded half up to the fen). */}
              {fen !== null && /\.\d{3,}/.test(plan.price) ? <Text className='hf-plan-rounded'>按 {formatFen(fen)} 保存</Text> : null}
              <Text className='hf-plan-remove text-error' onClick={() => remove(plan.key)}>
                删除
              </Text>
            </View>
            <View className='hf-plan-fields'>
              <MiniField label='名称' error={planErrors.name} grow={2}>
                <TextInput
                  className='mini-field-input text-body plan-name'
                  value={plan.name}
                  maxlength={20}
                  placeholder='月卡'
                  placeholderClass='mini-field-placeholder'
                  onValue={(value) => update(plan.key, 'name', value)}
                />
              </MiniField>
              <MiniField label='天数' error={planErrors.days} suffix='天'>
                <TextInput
                  className='mini-field-input text-body plan-days'
                  type='number'
                  value={plan.days}
                  maxlength={4}
                  placeholder='30'
                  placeholderClass='mini-field-placeholder'
                  onValue={(value) => update(plan.key, 'days', value)}
                />
              </MiniField>
              <MiniField label='价格' error={planErrors.price} prefix='¥' grow={2}>
                <TextInput
                  className='mini-field-input text-body plan-price'
                  type='digit'
                  value={plan.price}
                  maxlength={12}
                  placeholder='99.00'
                  placeholderClass='mini-field-placeholder'
                  onValue={(value) => update(plan.key, 'price', value)}
                />
              </MiniField>
            </View>
          </View>
        )
      })}
      {errors.plans ? <Text className='hf-error text-error'>{errors.plans}</Text> : null}
      {plans.length < MAX_PLANS ? (
        <View className='hf-add text-link row' onClick={add}>
          <Text>＋ 添加套餐</Text>
        </View>
      ) : null}
    </View>
  )
}
