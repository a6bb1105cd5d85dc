import { View, Text } from '@tarojs/components'

/** A heading over a card of the host growth pages, with a faint note on the right (form.css .hg-section-title). */
export default function SectionTitle({ title, hint }: { title: string; hint?: string }) {
  return (
    <View className='hg-section-title'>
      <Text className='hg-section-title-text'>{title}</Text>
      {hint ? <Text className='hg-section-title-hint text-faint'>{hint}</Text> : null}
    </View>
  )
}
