import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface FormFieldProps {
  label: string
  /** Replaces the hint under the field and turns the label red. */
  error?: string
  /** A quiet line under the field while there is no error. */
  hint?: string
  /** Words around the control: 开始前 [120] 分钟起. */
  prefix?: string
  suffix?: string
  /**
   * inline: label in a fixed column, control beside it (default);
   * end: label left, control pushed to the right (pickers, steppers);
   * column: label above a wide control (long text, editors).
   */
  layout?: 'inline' | 'end' | 'column'
  /** Label and control aligned at the top (a textarea beside the label). */
  top?: boolean
  className?: string
  children: ReactNode
}

/**
 * One labelled field of a host form. An invalid field carries .form-field-invalid,
 * so a form can scroll to its first error with one selector.
 * Controls inside use .form-field-input / -textarea / -placeholder for the shared look.
 */
export default function FormField({ label, error, hint, prefix, suffix, layout = 'inline', top, className, children }: FormFieldProps) {
  return (
    <View className={`form-field form-field-${layout} ${top ? 'form-field-top' : ''} ${error ? 'form-field-invalid' : ''} ${className ?? ''}`}>
      <View className='form-field-row row'>
        <Text className='form-field-label text-body'>{label}</Text>
        <View className='form-field-control row'>
          {prefix ? <Text className='form-field-prefix'>{prefix}</Text> : null}
          {children}
          {suffix ? <Text className='form-field-suffix text-desc'>{suffix}</Text> : null}
        </View>
      </View>
      {error ? <Text className='form-field-error text-meta'>{error}</Text> : hint ? <Text className='form-field-hint'>{hint}</Text> : null}
    </View>
  )
}
