import { View, Text, Input } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface MiniFieldProps {
  label: string
  error?: string
  prefix?: string
  suffix?: string
  /** Flex weight beside its neighbours in a row (1 by default). */
  grow?: number
  disabled?: boolean
  /** A control of the caller's (an Input with className 'mini-field-input'); without it the field draws its own Input from the props below. */
  children?: ReactNode
  /** A stable hook for tests and styles: the built-in Input gets `field-${name}`. */
  name?: string
  value?: string
  onInput?: (value: string) => void
  placeholder?: string
  /** number: digits keyboard; text: anything. */
  type?: 'number' | 'text'
  maxlength?: number
}

/** A small labelled box for the dense host forms (point rules, tiers, membership plans): label above, ¥ / 天 beside, error below. */
export default function MiniField({ label, error, prefix, suffix, grow, disabled, children, name, value, onInput, placeholder, type = 'number', maxlength = 9 }: MiniFieldProps) {
  return (
    <View className={`mini-field ${error ? 'mini-field-invalid' : ''} ${disabled ? 'mini-field-disabled' : ''}`} style={grow ? { flex: grow } : undefined}>
      <Text className='mini-field-label text-note'>{label}</Text>
      <View className='mini-field-box row'>
        {prefix ? <Text className='mini-field-prefix'>{prefix}</Text> : null}
        {children ?? (
          <Input
            className={`mini-field-input text-body ${name ? `field-${name}` : ''}`}
            type={type}
            value={value}
            maxlength={maxlength}
            disabled={disabled}
            placeholder={placeholder}
            placeholderClass='mini-field-placeholder'
            onInput={(e) => onInput?.(e.detail.value)}
          />
        )}
        {suffix ? <Text className='mini-field-suffix text-faint'>{suffix}</Text> : null}
      </View>
      {error ? <Text className='mini-field-error'>{error}</Text> : null}
    </View>
  )
}
