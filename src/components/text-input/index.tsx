import { Input, Textarea, type InputProps, type TextareaProps } from '@tarojs/components'

type Valued<P> = Omit<P, 'onInput'> & {
  /** The text as typed (what onInput's e.detail.value carries). */
  onValue: (value: string) => void
}

/** Taro's Input for a form: the value as typed goes straight to onValue. */
export function TextInput({ onValue, ...props }: Valued<InputProps>) {
  return <Input {...props} onInput={(e) => onValue(e.detail.value)} />
}

/** Taro's Textarea the same way. */
export function TextArea({ onValue, ...props }: Valued<TextareaProps>) {
  return <Textarea {...props} onInput={(e) => onValue(e.detail.value)} />
}
