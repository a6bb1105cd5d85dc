import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Tone } from '../tag'
import './index.css'

interface MenuRowProps {
  title: string
  /** Quiet text on the right (我的: 周榜、月榜与新人榜). */
  hint?: ReactNode
  hintClassName?: string
  /** A line under the title (the consoles' entries). */
  desc?: string
  /** A glyph on a tone's soft square before the title. */
  icon?: { glyph: string; tone: Tone }
  /** Also the hook journeys select by (me-boards-entry, host-entry). */
  className?: string
  /** data-entry, for rows generated from a list. */
  entry?: string
  onClick: () => void
}

/** One tappable row of a menu card, ending in ›; rows draw their own dividers. */
export default function MenuRow({ title, hint, hintClassName, desc, icon, className, entry, onClick }: MenuRowProps) {
  const rich = Boolean(icon || desc)
  return (
    <View className={`menu-row ${rich ? 'menu-row-rich' : ''} ${className ?? ''}`} data-entry={entry} onClick={onClick}>
      {icon ? (
        <View className={`menu-row-icon row tone-${icon.tone}`}>
          <Text>{icon.glyph}</Text>
        </View>
      ) : null}
      {rich ? (
        <View className={`menu-row-text fill-col ${icon ? 'menu-row-text-after-icon' : ''}`}>
          <Text className='menu-row-title'>{title}</Text>
          {desc ? <Text className='menu-row-desc text-quiet'>{desc}</Text> : null}
        </View>
      ) : (
        <Text className='menu-row-label'>{title}</Text>
      )}
      {hint !== undefined ? <Text className={`menu-row-hint ${hintClassName ?? ''}`}>{hint}</Text> : <View className='menu-row-fill' />}
      <Text className='menu-row-chevron'>›</Text>
    </View>
  )
}
