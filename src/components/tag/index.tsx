import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'

/** The tones in app.css: a colour on its soft fill (gold is white on the gold gradient). */
export type Tone = 'green' | 'warn' | 'orange' | 'blue' | 'purple' | 'teal' | 'red' | 'grey' | 'gold'

/** A small status or kind label (免费, 待支付, 候补第 2 位). */
export default function Tag({ tone, className, children }: { tone: Tone; className?: string; children: ReactNode }) {
  return <Text className={`tag tone-${tone} ${className ?? ''}`}>{children}</Text>
}
