import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Challenge, ChallengeProgress } from '../../../../types/checkin'
import { addMonths, monthGrid, monthLabel, monthOf } from './china-dates'
import './month-calendar.css'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

type DayState = 'outside' | 'done' | 'makeup' | 'missed' | 'today' | 'future' | 'past'

/** The key under the grid: the swatch of each day state that needs one, and its name. */
const LEGEND: Array<[DayState, string]> = [
  ['done', '已打卡'],
  ['makeup', '补卡'],
  ['missed', '未打卡'],
  ['today', '今天']
]

interface MonthCalendarProps {
  challenge: Pick<Challenge, 'startDate' | 'endDate'>
  progress: ChallengeProgress
  /** A missed day a make-up card can still cover was tapped. */
  onMakeup?: (date: string) => void
}

function stateOf(date: string, challenge: MonthCalendarProps['challenge'], progress: ChallengeProgress, done: Map<string, boolean>): DayState {
  if (date < challenge.startDate || date > challenge.endDate) return 'outside'
  const makeup = done.get(date)
  if (makeup !== undefined) return makeup ? 'makeup' : 'done'
  if (date === progress.today) return 'today'
  if (date > progress.today) return 'future'
  // Before joining there is nothing to have missed.
  return progress.joined ? 'missed' : 'past'
}

/** The challenge's days in a month view (China dates): done, made up (补), missed, today. */
export default function MonthCalendar({ challenge, progress, onMakeup }: MonthCalendarProps) {
  const first = monthOf(challenge.startDate)
  const last = monthOf(challenge.endDate)
  const todayMonth = monthOf(progress.today)
  const initial = todayMonth < first ? first : todayMonth > last ? last : todayMonth
  const [month, setMonth] = useState(initial)
  const done = new Map(progress.doneDays.map((d) => [d.date, d.makeup]))
  const makeupable = new Set(progress.makeupableDates)

  const canPrev = month > first
  const canNext = month < last

  return (
    <View className='month-calendar'>
      <View className='month-calendar-head row-between'>
        <View
          className={`month-calendar-nav row ${canPrev ? '' : 'month-calendar-nav-off'}`}
          onClick={() => {
            if (canPrev) setMonth(addMonths(month, -1))
          }}>
          ‹
        </View>
        <Text className='month-calendar-title text-title'>{monthLabel(month)}</Text>
        <View
          className={`month-calendar-nav row ${canNext ? '' : 'month-calendar-nav-off'}`}
          onClick={() => {
            if (canNext) setMonth(addMonths(month, 1))
          }}>
          ›
        </View>
      </View>
      <View className='month-calendar-grid'>
        {WEEKDAYS.map((w) => (
          <Text key={w} className='month-calendar-weekday text-faint'>
            {w}
          </Text>
        ))}
        {monthGrid(month).map((date, i) => {
          if (!date) return <View key={`blank-${i}`} className='month-calendar-cell col' />
          const state = stateOf(date, challenge, progress, done)
          const canMakeup = state === 'missed' && makeupable.has(date) && onMakeup !== undefined
          return (
            <View
              key={date}
              className={`month-calendar-cell col month-calendar-${state} ${canMakeup ? 'month-calendar-makeupable' : ''}`}
              data-date={date}
              onClick={() => {
                if (canMakeup) onMakeup?.(date)
              }}>
              <View className='month-calendar-day text-value row'>
                <Text>{Number(date.slice(8))}</Text>
              </View>
              {state === 'makeup' ? <Text className='month-calendar-mark'>补</Text> : null}
              {state === 'missed' ? <View className='month-calendar-dot' /> : null}
            </View>
          )
        })}
      </View>
      <View className='month-calendar-legend'>
        {LEGEND.map(([state, label]) => (
          <View key={state} className='month-calendar-key row text-note'>
            <View className={`month-calendar-swatch month-calendar-swatch-${state}`} />
            <Text>{label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
