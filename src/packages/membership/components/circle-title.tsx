import { View, Text } from '@tarojs/components'
import type { Circle } from '../../../../types/membership'
import { KindTag } from './tags'
import './circle-title.css'

/** A circle's name on one line (… when long), its kind tag, and 已归档 when it is archived: the head of a circle's card or row. */
export default function CircleTitle({ circle, nameClass }: { circle: Pick<Circle, 'name' | 'kind' | 'archived'>; nameClass: string }) {
  return (
    <View className='circle-title row'>
      <Text className={`circle-title-name ellipsis ${nameClass}`}>{circle.name}</Text>
      <KindTag kind={circle.kind} />
      {circle.archived ? <Text className='circle-title-archived tone-muted tag'>已归档</Text> : null}
    </View>
  )
}
