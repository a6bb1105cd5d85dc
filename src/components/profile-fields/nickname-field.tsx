import { View, Text, Input } from '@tarojs/components'
import { NICKNAME_MAX, nicknameLength } from './nickname'
import './nickname-field.css'

interface NicknameFieldProps {
  value: string
  onChange: (value: string) => void
  /** Why the nickname cannot be saved (checked here or refused by the server). */
  error?: string | null
  /** The row's look where it stands (a card on the edit page, a filled box in the prompt). */
  className?: string
}

/** The nickname row: label, WeChat's nickname keyboard, a counter in WeChat's own measure, and the reason it cannot be saved. */
export default function NicknameField({ value, onChange, error, className }: NicknameFieldProps) {
  return (
    <>
      <View className={`nickname-field ${className ?? ''}`}>
        <Text className='nickname-field-label'>昵称</Text>
        <Input
          className='nickname-field-input'
          // WeChat's nickname keyboard offers the member's WeChat name; H5 has no such type.
          type={process.env.TARO_ENV === 'weapp' ? 'nickname' : 'text'}
          value={value}
          maxlength={NICKNAME_MAX}
          placeholder='怎么称呼你'
          placeholderClass='nickname-field-placeholder'
          onInput={(e) => onChange(e.detail.value)}
          // WeChat's nickname keyboard can fill the field without an input event.
          onBlur={(e) => {
            if (e.detail.value !== value) onChange(e.detail.value)
          }}
        />
        <Text className='nickname-field-counter text-quiet'>
          {nicknameLength(value)}/{NICKNAME_MAX}
        </Text>
      </View>
      {error ? <Text className='nickname-field-error text-error'>{error}</Text> : null}
    </>
  )
}
