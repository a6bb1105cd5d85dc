import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './popup.css'

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
    // catchMove: the page under the mask must not scroll in WeChat.
    <View className='ms-popup' catchMove>
      <View className='ms-popup-mask' onClick={() => onClose?.()} />
      <View className={`ms-popup-body ms-popup-${position} ${className ?? ''}`}>{children}</View>
    </View>
  )
}
