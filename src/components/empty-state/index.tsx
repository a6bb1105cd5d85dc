import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface EmptyStateProps {
  /** One character drawn large in the badge, e.g. 打. */
  glyph: string
  title: string
  description?: string
  action?: ReactNode
}

/** A calm "nothing here yet" that says what will appear and when. */
export default function EmptyState({ glyph, title, description, action }: EmptyStateProps) {
  return (
    <View className='empty-state'>
      <View className='empty-state-badge row'>
        <View className='empty-state-ring' />
        <Text className='empty-state-glyph'>{glyph}</Text>
      </View>
      <Text className='empty-state-title text-strong'>{title}</Text>
      {description ? <Text className='empty-state-desc text-desc'>{description}</Text> : null}
      {action ? <View className='empty-state-action'>{action}</View> : null}
    </View>
  )
}
