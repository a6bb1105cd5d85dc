import type { ComponentProps } from 'react'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'

/** A value in the form's small grey box (a count, a coordinate); `name` is its data-field. */
export function BoxInput({ name, className, ...input }: { name: string; className?: string } & Omit<ComponentProps<typeof TextInput>, 'className' | 'placeholderClass'>) {
  return <TextInput className={`form-number-input ${className ?? ''}`} data-field={name} placeholderClass='form-placeholder' {...input} />
}

/** A whole number in the box, non-digits dropped as typed, with its unit after it (天, 积分, 米). */
export function NumberInput({
  value,
  onChange,
  unit,
  name,
  maxlength = 4,
  placeholder
}: {
  value: string
  onChange: (v: string) => void
  unit?: string
  name: string
  maxlength?: number
  placeholder?: string
}) {
  return (
    <View className='form-number row'>
      <BoxInput name={name} type='number' value={value} maxlength={maxlength} placeholder={placeholder} onValue={(value) => onChange(value.replace(/\D/g, ''))} />
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
