import { View, Text } from '@tarojs/components'
import './index.css'

interface SegmentedProps<V extends string> {
  options: ReadonlyArray<{ value: V; label: string }>
  value: V
  onChange: (value: V) => void
  className?: string
}

/** A pill-shaped switch between a few views of one list (全部 / 精选, 进行中 / 未开始 / 已结束). */
export default function Segmented<V extends string>({ options, value, onChange, className }: SegmentedProps<V>) {
  return (
    <View className={`segmented ${className ?? ''}`}>
      {options.map((option) => (
        <View
          key={option.value}
          className={`segmented-item text-prose row ${option.value === value ? 'segmented-item-active' : ''}`}
          onClick={() => {
            if (option.value !== value) onChange(option.value)
          }}>
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  )
}
