import { View } from '@tarojs/components'
import type { ComponentProps, ReactNode } from 'react'
import { TextInput } from '../text-input'
import './index.css'

type InputBarProps = Omit<ComponentProps<typeof TextInput>, 'className' | 'onConfirm'> & {
  /** The bar's own classes (its box: a card, a grey pill). */
  className: string
  /** The input's own class, the hook journeys select (dev-login-input); the page may colour `.input-bar-placeholder` inside its bar. */
  inputClass: string
  /** What the keyboard's confirm key does, the same as the action at the end. */
  onSubmit: () => void
  /** The action at the end of the row (进入, 搜索, 发送). */
  children: ReactNode
}

/** One line to type into with its action at the end of the same row: the name to log in as, a search, a comment. */
export default function InputBar({ className, inputClass, onSubmit, children, ...input }: InputBarProps) {
  return (
    <View className={`input-bar row ${className}`}>
      <TextInput className={`input-bar-input ${inputClass}`} placeholderClass='input-bar-placeholder' {...input} onConfirm={onSubmit} />
      {children}
    </View>
  )
}
