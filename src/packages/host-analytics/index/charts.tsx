// Charts drawn with plain views (no chart library): bars are views sized by
// percentage, so they render the same in weapp and H5 and cost no dependency.
import { View, Text } from '@tarojs/components'
import type { CohortRow } from '../../../../types/analytics'

export interface Bar {
  label: string
  value: number
  /** What the bar says above it (the value, formatted). */
  caption: string
}

/** Vertical bars, tallest = full height. */
export function BarChart({ bars, tone = 'brand' }: { bars: Bar[]; tone?: 'brand' | 'soft' }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  return (
    <View className='ha-bars'>
      {bars.map((bar) => (
        <View key={bar.label} className='ha-bar-col fill-col'>
          <Text className='ha-bar-caption text-note'>{bar.caption}</Text>
          <View className='ha-bar-track'>
            <View className={`ha-bar ha-bar-${tone}`} style={{ height: `${Math.round((bar.value / max) * 100)}%` }} />
          </View>
          <Text className='ha-bar-label text-note'>{bar.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** A horizontal funnel: each step's width is its share of the first. */
export function Funnel({ steps }: { steps: Array<{ label: string; value: number; note?: string }> }) {
  const top = Math.max(1, steps[0]?.value ?? 1)
  return (
    <View className='ha-funnel'>
      {steps.map((step) => (
        <View key={step.label} className='ha-funnel-row row'>
          <Text className='ha-funnel-label text-soft'>{step.label}</Text>
          <View className='ha-funnel-track'>
            <View className='ha-funnel-bar' style={{ width: `${Math.max(2, Math.round((step.value / top) * 100))}%` }} />
          </View>
          <Text className='ha-funnel-value text-small'>
            {step.value}
            {step.note ? ` · ${step.note}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

const heat = (share: number) => (share >= 0.6 ? 4 : share >= 0.4 ? 3 : share >= 0.2 ? 2 : share > 0 ? 1 : 0)

/** Weeks since joining across, join weeks down; each cell the share still active, coloured by it. */
export function CohortTable({ rows }: { rows: CohortRow[] }) {
  const weeks = rows[0]?.active.length ?? 9
  return (
    <View className='ha-cohort'>
      <View className='ha-cohort-row row'>
        <Text className='ha-cohort-week ha-cohort-head'>加入周</Text>
        <Text className='ha-cohort-size text-small ha-cohort-head'>人数</Text>
        {Array.from({ length: weeks }, (_, w) => (
          <Text key={w} className='ha-cohort-cell ha-cohort-head'>
            W{w}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.week} className='ha-cohort-row row'>
          <Text className='ha-cohort-week'>{row.week.slice(5)}</Text>
          <Text className='ha-cohort-size text-small'>{row.size}</Text>
          {row.active.map((n, w) => {
            if (n === null) return <Text key={w} className='ha-cohort-cell ha-heat-none' />
            const share = row.size === 0 ? 0 : n / row.size
            return (
              <Text key={w} className={`ha-cohort-cell ha-heat-${heat(share)}`}>
                {Math.round(share * 100)}%
              </Text>
            )
          })}
        </View>
      ))}
    </View>
  )
}
