import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'

export function NumberInput({ value, onChange, unit, name, maxlength = 4 }: { value: string; onChange: (v: string) => void; unit?: string; name: string; maxlength?: number }) {
  return (
    <View className='form-number row'>
      <TextInput className='form-number-input' data-field={name} type='number' value={value} maxlength={maxlength} onValue={(value) => onChange(value.replace(/\D/g, ''))} />
      {unit ? <Text className='form-unit text-label'>{unit}</Text> : null}
    </View>
  )
}

/** − value + for small counts (photos, make-up cards). */
export function Stepper({ value, min, max, onChange, unit, name }: { value: number; min: number; max: number; onChange: (v: number) => void; unit?: string; name: string }) {
  return (
    <View className='form-stepper row' data-field={name}>
      <View
        className={`form-stepper-btn row ${value <= min ? 'form-stepper-off' : ''}`}
        onClick={() => {
          if (value > min) onChange(value - 1)
        }}>
        −
      </View>
      <Text className='form-stepper-value text-body'>
        {value}
        {unit ? ` ${unit}` : ''}
      </Text>
      <View
        className={`form-stepper-btn row ${value >= max ? 'form-stepper-off' : ''}`}
        onClick={() => {
          if (value < max) onChange(value + 1)
        }}>
        +
      </View>
    </View>
  )
}
