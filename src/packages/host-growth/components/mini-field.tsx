import { View, Text, Input } from '@tarojs/components'

interface MiniFieldProps {
  label: string
  value: string
  onInput: (value: string) => void
  error?: string
  suffix?: string
  placeholder?: string
  /** number: digits keyboard; text: anything. */
  type?: 'number' | 'text'
  maxlength?: number
  /** A stable hook for tests and styles, e.g. rule-checkinPosted-points. */
  name: string
  disabled?: boolean
}

/** A small labelled box for the dense host forms (rules and tiers). */
export default function MiniField({ label, value, onInput, error, suffix, placeholder, type = 'number', maxlength = 9, name, disabled }: MiniFieldProps) {
  return (
    <View className={`mini-field ${error ? 'mini-field-invalid' : ''} ${disabled ? 'mini-field-disabled' : ''}`}>
      <Text className='mini-field-label'>{label}</Text>
      <View className='mini-field-box'>
        <Input
          className={`mini-field-input field-${name}`}
          type={type}
          value={value}
          maxlength={maxlength}
          disabled={disabled}
          placeholder={placeholder}
          placeholderClass='hg-placeholder'
          onInput={(e) => onInput(e.detail.value)}
        />
        {suffix ? <Text className='mini-field-suffix'>{suffix}</Text> : null}
      </View>
      {error ? <Text className='mini-field-error'>{error}</Text> : null}
    </View>
  )
}
