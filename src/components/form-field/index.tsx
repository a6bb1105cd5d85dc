import { View, Text } from '@tarojs/components'
import type { ComponentProps, ReactNode } from 'react'
import Segmented from '../segmented'
import { TextArea, TextInput } from '../text-input'
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
          {prefix ? <Text className='form-field-prefix text-desc'>{prefix}</Text> : null}
          {children}
          {suffix ? <Text className='form-field-suffix text-desc'>{suffix}</Text> : null}
        </View>
      </View>
      {error ? <Text className='form-field-error text-meta'>{error}</Text> : hint ? <Text className='form-field-hint text-meta'>{hint}</Text> : null}
    </View>
  )
}

type FieldFrame = Omit<FormFieldProps, 'children' | 'className'> & {
  /** The control's own class beside the shared look: the hook journeys and styles select (field-title, cs-name). */
  name: string
}

/** A labelled one-line text field of a host form: FormField around a TextInput with the shared input look. */
export function InputField({ label, error, hint, prefix, suffix, layout, top, name, short, ...input }: FieldFrame & Omit<ComponentProps<typeof TextInput>, 'className'> & { short?: boolean }) {
  return (
    <FormField label={label} error={error} hint={hint} prefix={prefix} suffix={suffix} layout={layout} top={top}>
      <TextInput className={`form-field-input ${short ? 'form-field-input-short' : ''} ${name}`} placeholderClass='form-field-placeholder' {...input} />
    </FormField>
  )
}

/** A labelled text area of a host form, aligned to the top and growing with its text. */
export function TextAreaField({ label, error, hint, prefix, suffix, layout, top = true, name, ...input }: FieldFrame & Omit<ComponentProps<typeof TextArea>, 'className'>) {
  return (
    <FormField label={label} error={error} hint={hint} prefix={prefix} suffix={suffix} layout={layout} top={top}>
      <TextArea className={`form-field-textarea ${name}`} placeholderClass='form-field-placeholder' autoHeight {...input} />
    </FormField>
  )
}

/** A labelled choice among a few options of a host form: FormField (label above) around a Segmented switch. */
export function ChoiceField<V extends string>({
  label,
  hint,
  error,
  name,
  options,
  value,
  onChange
}: Omit<FieldFrame, 'layout' | 'prefix' | 'suffix' | 'top'> & Omit<ComponentProps<typeof Segmented<V>>, 'className'>) {
  return (
    <FormField label={label} hint={hint} error={error} layout='column'>
      <Segmented className={name} options={options} value={value} onChange={onChange} />
    </FormField>
  )
}
