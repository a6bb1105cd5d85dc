import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'

interface FormSectionProps {
  /** The grey heading above the card (基本信息, 时间, 群规). */
  title: string
  /** The card's classes beside .card: its padding (form-page-card by default) and the hooks journeys select. */
  className?: string
  children: ReactNode
}

/** One section of a host form: a heading over a card of fields (app.css .form-page-section / .form-page-card). */
export default function FormSection({ title, className = 'form-page-card', children }: FormSectionProps) {
  return (
    <>
      <Text className='form-page-section'>{title}</Text>
      <View className={`card ${className}`}>{children}</View>
    </>
  )
}
