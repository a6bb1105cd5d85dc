import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import Popup from '../popup'
import './index.css'

interface ConfirmDialogProps {
  title: string
  /** A big figure under the title (an amount). */
  figure?: string
  /** Lines under the title; ConfirmDialog.Text and .Warn give the usual look. */
  children?: ReactNode
  confirmText: string
  busyText: string
  busy: boolean
  cancelText?: string
  /** A destructive action (a refund, a cancellation): the confirm button is red. */
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
  className?: string
}

/**
 * The last look before something that cannot be undone. It needs an explicit
 * answer, so the mask does not close it; while busy neither button answers.
 */
export default function ConfirmDialog({ title, figure, children, confirmText, busyText, busy, cancelText = '取消', danger, onConfirm, onCancel, className }: ConfirmDialogProps) {
  return (
    <Popup open position='center' className={`confirm-dialog ${className ?? ''}`}>
      <Text className='confirm-dialog-title text-strong'>{title}</Text>
      {figure ? <Text className='confirm-dialog-figure num-bold'>{figure}</Text> : null}
      {children}
      <View className='confirm-dialog-actions'>
        <View
          className='btn btn-ghost confirm-dialog-cancel'
          onClick={() => {
            if (!busy) onCancel()
          }}>
          {cancelText}
        </View>
        <View
          className={`btn ${danger ? 'btn-danger' : 'btn-primary'} confirm-dialog-ok ${busy ? 'btn-disabled' : ''}`}
          onClick={() => {
            if (!busy) onConfirm()
          }}>
          {busy ? busyText : confirmText}
        </View>
      </View>
    </Popup>
  )
}

/** A centred line of explanation; `warn` for what the member loses. */
export function DialogText({ warn, children }: { warn?: boolean; children: ReactNode }) {
  return <Text className={`confirm-dialog-text text-label ${warn ? 'confirm-dialog-warn' : ''}`}>{children}</Text>
}
