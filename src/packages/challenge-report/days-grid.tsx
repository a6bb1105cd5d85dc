import { View, Text } from '@tarojs/components'
import type { CheckedDay } from '../../../types/checkin'
import './days-grid.css'

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const at = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000)
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`
}

/** Every day of the challenge in order: done, made up (补) or missed; the poster draws the same grid. */
export default function DaysGrid({ startDate, days, doneDays }: { startDate: string; days: number; doneDays: CheckedDay[] }) {
  const done = new Map(doneDays.map((d) => [d.date, d.makeup]))
  return (
    <View className='days-grid'>
      {Array.from({ length: days }, (_, i) => {
        const date = addDays(startDate, i)
        const makeup = done.get(date)
        const state = makeup === undefined ? 'missed' : makeup ? 'makeup' : 'done'
        return (
          <View key={date} className={`days-grid-cell row days-grid-${state}`} data-date={date}>
            <Text className='days-grid-day'>{makeup ? '补' : Number(date.slice(8))}</Text>
          </View>
        )
      })}
      <View className='days-grid-legend row'>
        <View className='days-grid-key days-grid-done' />
        <Text className='days-grid-key-label text-note'>已打卡</Text>
        <View className='days-grid-key days-grid-makeup' />
        <Text className='days-grid-key-label text-note'>补卡</Text>
        <View className='days-grid-key days-grid-missed' />
        <Text className='days-grid-key-label text-note'>未打卡</Text>
      </View>
    </View>
  )
}
