import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './dialog.css'

interface DialogProps {
  title: string
  /** A big figure under the title (an amount). */
  figure?: string
  children?: ReactNode
  confirmText: string
  busyText: string
  busy: boolean
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
  className?: string
}

/** A centred confirm dialog over a mask; it needs an explicit answer, so the mask does not close it. */
export default function Dialog({ title, figure, children, confirmText, busyText, busy, danger, onConfirm, onCancel, className }: DialogProps) {
  return (
    // catchMove: the page under the mask must not scroll in WeChat.
    <View className={`ev-dialog ${className ?? ''}`} catchMove>
      <View className='ev-dialog-mask' />
      <View className='ev-dialog-body'>
        <Text className='ev-dialog-title'>{title}</Text>
        {figure ? <Text className='ev-dialog-figure'>{figure}</Text> : null}
        {children}
        <View className='ev-dialog-actions'>
          <View className='btn btn-ghost ev-dialog-cancel' onClick={() => { if (!busy) onCancel() }}>再想想</View>
          <View className={`btn ${danger ? 'ev-btn-danger' : 'btn-primary'} ev-dialog-ok ${busy ? 'btn-disabled' : ''}`} onClick={() => { if (!busy) onConfirm() }}>
            {busy ? busyText : confirmText}
          </View>
        </View>
      </View>
    </View>
  )
}
