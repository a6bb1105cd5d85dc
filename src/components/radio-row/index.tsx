import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface RadioRowProps {
  on: boolean
  onSelect: () => void
  /** Shown but not choosable (a coupon under its minimum spend, a form that is sending). */
  disabled?: boolean
  /** Where the round mark sits. */
  mark?: 'start' | 'end'
  /** The mark's colour when on: brand, or danger for money off. */
  tone?: 'brand' | 'danger'
  /** The page's own card look, including its on-state class (plan-card plan-card-on). */
  className?: string
  /** data-* attributes, e.g. { id: coupon.id }. */
  data?: Record<string, string>
  children: ReactNode
}

/** One choice of a radio group: a row with a round mark; the page lays out what it says. */
export default function RadioRow({ on, onSelect, disabled, mark = 'start', tone = 'brand', className, data, children }: RadioRowProps) {
  const dataset = Object.fromEntries(Object.entries(data ?? {}).map(([key, value]) => [`data-${key}`, value]))
  const dot = <View className={`radio-row-mark row ${on ? `radio-row-mark-on radio-row-${tone}` : ''}`}>{on ? <View className='radio-row-dot' /> : null}</View>
  return (
    <View
      className={`radio-row ${className ?? ''}`}
      role='radio'
      aria-checked={on}
      aria-disabled={disabled}
      onClick={() => {
        if (!disabled) onSelect()
      }}
      {...dataset}>
      {mark === 'start' ? dot : null}
      {children}
      {mark === 'end' ? dot : null}
    </View>
  )
}
