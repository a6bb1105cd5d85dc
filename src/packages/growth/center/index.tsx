import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ErrorPage } from '../../../components/error-state'
import ProgressBar from '../../../components/progress-bar'
import { formatPoints, putGrowthSummary, tierLabel, useGrowthSummary, acknowledgeCelebration } from '../../../services/growth'
import { usePullDownRefetch } from '../../../services/use-query'
import { useRefreshErrorToast } from '../../../services/show-error'
import type { GrowthSummary, Tier } from '../../../../types/growth'
import Celebration from './celebration'
import CenterSkeleton from './center-skeleton'
import TierRow from './tier-row'
import { LEDGER_PAGE, MALL_PAGE, REDEMPTIONS_PAGE } from '../../../services/routes'
import './index.css'

const open = (url: string) => () => {
  void Taro.navigateTo({ url })
}

// Levels celebrated in this run of the app: a summary fetched before the
// acknowledgement landed must not bring the popup back on the next visit.
const celebrated = new Set<number>()

export default function GrowthCenterPage() {
  const { data, error, loading, refetch } = useGrowthSummary()
  const celebrating = useCelebration(data)

  // Back from the mall or 明细: the balance may have changed.
  useDidShow(() => {
    void refetch()
  })
  usePullDownRefetch(refetch)
  useRefreshErrorToast(error, data)

  if (loading) return <CenterSkeleton />
  if (!data) return <ErrorPage error={error} onRetry={refetch} />

  return (
    <View className='page growth-center'>
      <View className='gc-hero'>
        <View className='gc-hero-top row-between'>
          <Text className='gc-hero-label'>我的积分</Text>
          <Text className='gc-tier-badge'>{tierLabel(data.tier)}</Text>
        </View>
        <Text className='gc-points num-bold'>{formatPoints(data.points)}</Text>
        <GrowthProgress summary={data} />
      </View>

      {data.expiringSoon > 0 ? (
        <View className='gc-expiring row' onClick={open(MALL_PAGE)}>
          <Text className='gc-expiring-text'>有 {formatPoints(data.expiringSoon)} 积分将在 30 天内过期，去商城兑换</Text>
          <Text className='gc-expiring-go'>›</Text>
        </View>
      ) : null}

      {/* 成长值 is on the progress bar above, next to the level it leads to: not repeated here. */}
      <View className='card gc-stats row'>
        <View className='gc-stat stat-tile'>
          <Text className='gc-stat-value text-strong num'>
            {data.makeupCards}
            <Text className='gc-stat-unit text-meta'> 张</Text>
          </Text>
          <Text className='gc-stat-label text-meta'>补卡券</Text>
        </View>
        <View className='gc-stat-divider' />
        <View className='gc-stat stat-tile'>
          <Text className={`gc-stat-value text-strong num ${data.expiringSoon > 0 ? 'gc-stat-warn' : ''}`}>{formatPoints(data.expiringSoon)}</Text>
          <Text className='gc-stat-label text-meta'>30 天内过期</Text>
        </View>
      </View>

      <View className='card gc-entries'>
        <Entry glyph='明' label='积分明细' tone='green' onClick={open(LEDGER_PAGE)} />
        <Entry glyph='兑' label='积分商城' tone='orange' onClick={open(MALL_PAGE)} />
        <Entry glyph='单' label='我的兑换' tone='blue' onClick={open(REDEMPTIONS_PAGE)} />
      </View>

      <View className='gc-section'>
        <Text className='gc-section-title'>等级权益</Text>
        <Text className='gc-section-hint text-faint'>成长值只增不减，决定你的等级</Text>
      </View>
      <TierRow tiers={data.tiers} current={data.tier} />

      {celebrating.tier ? <Celebration tier={celebrating.tier} onClose={celebrating.close} /> : null}
    </View>
  )
}

function GrowthProgress({ summary }: { summary: GrowthSummary }) {
  const { tier, nextTier, growth, growthToNext } = summary
  if (!nextTier) {
    return (
      <View className='gc-growth'>
        <ProgressBar percent={100} />
        <Text className='gc-growth-hint'>
          <Text className='gc-growth-now'>成长值 {formatPoints(growth)}</Text> · 已是最高等级
        </Text>
      </View>
    )
  }
  const span = Math.max(1, nextTier.minGrowth - tier.minGrowth)
  const percent = ((growth - tier.minGrowth) / span) * 100
  return (
    <View className='gc-growth'>
      <View className='gc-growth-row'>
        <Text className='gc-growth-now'>成长值 {formatPoints(growth)}</Text>
        <Text>{formatPoints(nextTier.minGrowth)}</Text>
      </View>
      <ProgressBar percent={percent} />
      <Text className='gc-growth-hint'>
        再获得 {formatPoints(growthToNext)} 成长值升级为 {tierLabel(nextTier)}
      </Text>
    </View>
  )
}

function Entry({ glyph, label, tone, onClick }: { glyph: string; label: string; tone: string; onClick: () => void }) {
  return (
    <View className='gc-entry stat-tile' onClick={onClick}>
      <View className={`gc-entry-icon row gc-entry-${tone}`}>
        <Text>{glyph}</Text>
      </View>
      <Text className='gc-entry-label text-value'>{label}</Text>
    </View>
  )
}

/**
 * A tier reached since the last visit is celebrated once: shown, then
 * acknowledged on the server and cleared from the cached summary, so neither a
 * refetch nor another page shows it again.
 */
function useCelebration(summary: GrowthSummary | undefined) {
  const [tier, setTier] = useState<Tier | null>(null)
  const latest = useRef(summary)
  latest.current = summary
  const level = summary?.celebrateTier?.level ?? null

  useEffect(() => {
    const reached = latest.current?.celebrateTier
    if (!reached || celebrated.has(reached.level)) return
    celebrated.add(reached.level)
    setTier(reached)
    acknowledgeCelebration().then(
      () => {
        if (latest.current) putGrowthSummary({ ...latest.current, celebrateTier: null })
      },
      // Not acknowledged: the server offers it again next time, which is the right failure.
      () => {}
    )
  }, [level])

  return { tier, close: () => setTier(null) }
}
