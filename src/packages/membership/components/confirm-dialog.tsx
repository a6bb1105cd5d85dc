import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import Popup from './popup'

interface ConfirmDialogProps {
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
}

/** The last look before something that cannot be undone (a refund). */
export default function ConfirmDialog({ title, figure, children, confirmText, busyText, busy, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Popup open position='center' className='ms-confirm'>
      <Text className='ms-dialog-title'>{title}</Text>
      {figure ? <Text className='ms-dialog-amount'>{figure}</Text> : null}
      {children}
      <View className='ms-dialog-actions'>
        <View className='btn btn-ghost ms-confirm-cancel' onClick={() => { if (!busy) onCancel() }}>取消</View>
        <View className={`btn ${danger ? 'btn-danger' : 'btn-primary'} ms-confirm-ok ${busy ? 'btn-disabled' : ''}`} onClick={() => { if (!busy) onConfirm() }}>
          {busy ? busyText : confirmText}
        </View>
      </View>
    </Popup>
  )
}
