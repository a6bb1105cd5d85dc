import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import { newBonus, type BonusRow } from './form-state'

const MAX_BONUSES = 10

/** Streak bonuses: rows of "连续 N 天 奖励 M 积分", added and removed freely (at most 10). */
export default function BonusEditor({ rows, onChange }: { rows: BonusRow[]; onChange: (rows: BonusRow[]) => void }) {
  const set = (key: number, change: Partial<BonusRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)))
  const digits = (v: string) => v.replace(/\D/g, '')
  return (
    <View className='bonus-editor'>
      {rows.length === 0 ? <Text className='bonus-empty text-quiet'>还没有连续打卡奖励</Text> : null}
      {rows.map((row) => (
        <View key={row.key} className='bonus-row row'>
          <Text className='bonus-text text-label'>连续</Text>
          <TextInput className='bonus-input' type='number' maxlength={3} value={row.day} onValue={(value) => set(row.key, { day: digits(value) })} />
          <Text className='bonus-text text-label'>天，奖励</Text>
          <TextInput className='bonus-input bonus-input-wide' type='number' maxlength={5} value={row.points} onValue={(value) => set(row.key, { points: digits(value) })} />
          <Text className='bonus-text text-label'>积分</Text>
          <Text className='bonus-remove text-error' onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
            删除
          </Text>
        </View>
      ))}
      {rows.length < MAX_BONUSES ? (
        <View className='bonus-add text-link row' onClick={() => onChange([...rows, newBonus()])}>
          <Text>+ 添加一档奖励</Text>
        </View>
      ) : null}
    </View>
  )
}
