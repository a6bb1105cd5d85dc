import { View, Text } from '@tarojs/components'
import type { ComponentProps, ReactNode } from 'react'
import ImagePicker from '../image-picker'
import './image-field.css'

type ThumbProps = Omit<Extract<ComponentProps<typeof ImagePicker>, { mode: 'thumb' }>, 'mode' | 'invalid'>

/** The picture line at the top of a host form's card (封面, 标志): a thumb picker, what the page adds under it, and its error. */
export default function ImageField({ error, className, children, ...picker }: ThumbProps & { error?: string; className?: string; children?: ReactNode }) {
  return (
    <View className={`form-image-row ${className ?? ''}`}>
      <ImagePicker mode='thumb' invalid={Boolean(error)} {...picker} />
      {children}
      {error ? <Text className='form-field-error text-meta form-image-error'>{error}</Text> : null}
    </View>
  )
}
