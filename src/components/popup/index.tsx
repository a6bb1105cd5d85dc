import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface PopupProps {
  open: boolean
  /** bottom: a sheet sliding up; center: a dialog. */
  position: 'bottom' | 'center'
  /** Tapping the mask closes; leave out for dialogs that need an explicit answer. */
  onClose?: () => void
  className?: string
  children: ReactNode
}

/** A mask with a sheet or dialog over the page; nothing is rendered while closed. */
export default function Popup({ open, position, onClose, className, children }: PopupProps) {
  if (!open) return null
  return (
    // catchMove: dragging the mask must not scroll the page under it in WeChat; the sheet itself may scroll.
    <View className='popup fixed-fill' catchMove>
      <View className='popup-mask abs-fill' onClick={() => onClose?.()} />
      <View className={`popup-body popup-${position} ${className ?? ''}`}>{children}</View>
    </View>
  )
}
