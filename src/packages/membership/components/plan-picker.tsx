import { View, Text } from '@tarojs/components'
import type { Plan } from '../../../../types/membership'
import { daysLabel, perDayLabel } from '../../../services/membership'
import { formatFen } from '../../../utils/format'
import RadioRow from '../../../components/radio-row'
import './plan-picker.css'

interface PlanPickerProps {
  plans: Plan[]
  value: string | null
  onChange: (planId: string) => void
}

/** Radio cards: name and length on the left, price and price per day on the right; the cheapest per day is marked. */
export default function PlanPicker({ plans, value, onChange }: PlanPickerProps) {
  const best = plans.length > 1 ? plans.reduce((a, b) => (b.priceFen / b.days < a.priceFen / a.days ? b : a)) : null
  return (
    <View className='plan-picker' role='radiogroup'>
      {plans.map((plan) => {
        const on = plan.id === value
        return (
          <RadioRow key={plan.id} on={on} className={`plan-card ${on ? 'plan-card-on' : ''}`} data={{ plan: plan.name }} onSelect={() => onChange(plan.id)}>
            {best?.id === plan.id ? <Text className='plan-card-best'>最划算</Text> : null}
            <View className='plan-card-main fill-col'>
              <Text className='plan-card-name text-strong'>{plan.name}</Text>
              <Text className='plan-card-days text-meta'>{daysLabel(plan.days)}</Text>
            </View>
            <View className='plan-card-price col'>
              <Text className='plan-card-amount text-amount num-bold'>{formatFen(plan.priceFen)}</Text>
              <Text className='plan-card-per-day text-note'>约 {perDayLabel(plan)}</Text>
            </View>
          </RadioRow>
        )
      })}
    </View>
  )
}
