import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import MiniField from '../../../components/mini-field'
import { perDayLabel } from '../../../services/membership'
import { formatFen } from '../../../utils/format'
import { yuanToFen } from '../money'
import { MAX_PLANS, newPlanKey, type DraftErrors, type PlanDraft } from './draft'

/** A plan's three boxes in a row: 名称, 天数 (天) and 价格 (¥). */
const PLAN_FIELDS: ReadonlyArray<{
  field: 'name' | 'days' | 'price'
  label: string
  type: 'text' | 'number' | 'digit'
  maxlength: number
  placeholder: string
  prefix?: string
  suffix?: string
  grow?: number
}> = [
  { field: 'name', label: '名称', type: 'text', maxlength: 20, placeholder: '月卡', grow: 2 },
  { field: 'days', label: '天数', type: 'number', maxlength: 4, placeholder: '30', suffix: '天' },
  { field: 'price', label: '价格', type: 'digit', maxlength: 12, placeholder: '99.00', prefix: '¥', grow: 2 }
]

interface PlansEditorProps {
  plans: PlanDraft[]
  errors: DraftErrors
  onChange: (plans: PlanDraft[]) => void
}

/** Up to five plans: name, length in days and price in yuan (saved as fen). */
export default function PlansEditor({ plans, errors, onChange }: PlansEditorProps) {
  const update = (key: string, field: (typeof PLAN_FIELDS)[number]['field'], value: string) => onChange(plans.map((p) => (p.key === key ? { ...p, [field]: value } : p)))
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
              {PLAN_FIELDS.map((f) => (
                <MiniField key={f.field} label={f.label} error={planErrors[f.field]} prefix={f.prefix} suffix={f.suffix} grow={f.grow}>
                  <TextInput
                    className={`mini-field-input text-body plan-${f.field}`}
                    type={f.type}
                    value={plan[f.field]}
                    maxlength={f.maxlength}
                    placeholder={f.placeholder}
                    placeholderClass='mini-field-placeholder'
                    onValue={(value) => update(plan.key, f.field, value)}
                  />
                </MiniField>
              ))}
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
