import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import { ErrorCard } from '../../../components/error-state'
import Segmented from '../../../components/segmented'
import Skeleton from '../../../components/skeleton'
import { analyticsKey, fetchAnalytics, fetchTopConverting, TOP_CONVERTING_KEY } from '../../../services/analytics'
import { featureCheckin } from '../../../services/checkin'
import { checkinDetailUrl } from '../../../services/routes'
import { useSubmit } from '../../../services/use-submit'
import { usePagedQuery } from '../../../services/use-paged-query'
import { usePullDownRefetch, useQuery } from '../../../services/use-query'
import { formatFen } from '../../../utils/format'
import { chinaTime } from '../../../utils/china-time'
import type { AnalyticsPeriod, AnalyticsView, CompletionCurve, ConvertingCheckinView, FunnelReport } from '../../../../types/analytics'
import { BarChart, CohortTable, Funnel } from './charts'
import './index.css'

const PERIODS: ReadonlyArray<{ value: `${AnalyticsPeriod}`; label: string }> = [
  { value: '7', label: '近 7 天' },
  { value: '30', label: '近 30 天' },
  { value: '90', label: '近 90 天' }
]

const percent = (n: number, of: number) => (of === 0 ? '—' : `${Math.round((n / of) * 100)}%`)

export default function HostAnalyticsPage() {
  const [period, setPeriod] = useState<`${AnalyticsPeriod}`>('30')
  const report = useQuery<AnalyticsView>(analyticsKey(Number(period) as AnalyticsPeriod), () => fetchAnalytics(Number(period) as AnalyticsPeriod))
  const top = usePagedQuery<ConvertingCheckinView>(TOP_CONVERTING_KEY, (after) => fetchTopConverting(after))
  usePullDownRefetch(async () => {
    await Promise.all([report.refetch(), top.refetch()])
  })
  const view = report.data

  return (
    <View className='page ha-page'>
      <Segmented options={PERIODS} value={period} onChange={setPeriod} className='ha-periods' />
      {view?.computedAt ? <Text className='ha-note text-note'>数据每天凌晨更新 · 更新于 {chinaTime(view.computedAt).format('MM-DD HH:mm')}</Text> : null}

      {report.loading ? <Loading /> : null}
      {!report.loading && !view ? <ErrorCard error={report.error} onRetry={report.refetch} /> : null}
      {view && !view.funnel ? (
        <View className='card'>
          <EmptyState glyph='数' title='数据还在计算' description='定时任务每天汇总一次，首次汇总完成后这里会显示漏斗、留存和收入' />
        </View>
      ) : null}
      {view?.funnel ? <FunnelCard funnel={view.funnel} /> : null}

      <Text className='ha-section section-title'>带来付费的打卡</Text>
      <Text className='ha-note text-note'>新成员付费前 7 天内看过的打卡：首次触达与最后触达各记一次</Text>
      {top.loading ? <Loading /> : null}
      {!top.loading && top.error ? <ErrorCard error={top.error} onRetry={top.refetch} /> : null}
      {!top.loading && !top.error && top.items.length === 0 ? (
        <View className='card'>
          <EmptyState glyph='转' title='还没有打卡带来付费' description='非付费成员看过打卡后 7 天内首次付费，这里就会出现那条打卡' />
        </View>
      ) : null}
      {top.items.map((item) => (
        <ConvertingRow key={item.checkinId} item={item} onFeatured={() => void top.refetch()} />
      ))}
      {top.hasMore ? (
        <View className='ha-more text-meta' onClick={() => void top.loadMore()}>
          <Text>{top.loadingMore ? '加载中…' : '加载更多'}</Text>
        </View>
      ) : null}

      {view?.funnel ? (
        <>
          <Text className='ha-section section-title'>留存（按加入周）</Text>
          <View className='card ha-card'>
            {view.cohorts.length === 0 ? <Text className='muted'>最近 9 周没有新成员</Text> : <CohortTable rows={view.cohorts} />}
            <Text className='ha-note text-note'>每格：该周加入的成员在第 N 周仍有打卡的比例</Text>
          </View>

          <Text className='ha-section section-title'>挑战完成曲线</Text>
          {view.completion.length === 0 ? (
            <View className='card'>
              <EmptyState glyph='挑' title='还没有挑战数据' description='有成员参加挑战并打卡后显示每天的打卡比例' />
            </View>
          ) : (
            view.completion.slice(0, 5).map((curve) => <CompletionCard key={curve.challengeId} curve={curve} />)
          )}

          <Text className='ha-section section-title'>收入</Text>
          {view.revenue && view.revenue.byMonth.length > 0 ? (
            <View className='card ha-card'>
              <BarChart bars={view.revenue.byMonth.map((m) => ({ label: `${Number(m.month.slice(5))}月`, value: m.fen, caption: formatFen(m.fen) }))} />
              <View className='ha-stats'>
                <Stat label='续费率' value={`${Math.round(view.revenue.renewalRate * 100)}%`} />
                <Stat label='退款率' value={`${Math.round(view.revenue.refundRate * 100)}%`} />
              </View>
              {view.revenue.byCircle.map((c) => (
                <View key={c.circleId} className='ha-line'>
                  <Text>{c.name}</Text>
                  <Text className='ha-line-value'>{formatFen(c.fen)}</Text>
                </View>
              ))}
              {view.revenue.byPlan.map((p) => (
                <View key={p.planId} className='ha-line ha-line-sub'>
                  <Text>
                    {p.circleName} · {p.name}
                  </Text>
                  <Text className='ha-line-value'>{formatFen(p.fen)}</Text>
                </View>
              ))}
            </View>
          ) : (
            <View className='card'>
              <EmptyState glyph='¥' title='还没有收入' description='成员付费后按月显示收入、续费率和退款率' />
            </View>
          )}
        </>
      ) : null}
    </View>
  )
}

function Loading() {
  return (
    <View className='card ha-card'>
      <Skeleton width='60%' height={32} />
      <Skeleton width='100%' height={200} className='ha-skeleton-gap' />
    </View>
  )
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <View className='ha-stat col'>
      <Text className='ha-stat-value text-name'>{value}</Text>
      <Text className='ha-stat-label text-note'>{label}</Text>
    </View>
  )
}

function FunnelCard({ funnel }: { funnel: FunnelReport }) {
  const joined = funnel.acquisition.invite + funnel.acquisition.share + funnel.acquisition.direct
  const { revenue, retention, referral } = funnel
  return (
    <>
      <Text className='ha-section section-title'>AARRR 漏斗</Text>
      <View className='card ha-card'>
        <Funnel
          steps={[
            { label: '获客', value: joined, note: `邀请 ${funnel.acquisition.invite} · 分享 ${funnel.acquisition.share} · 直接 ${funnel.acquisition.direct}` },
            { label: '激活', value: funnel.activation.activated, note: `7 天内打卡 ${percent(funnel.activation.activated, funnel.activation.eligible)}` },
            { label: '次周留存', value: retention.day7.retained, note: `第 7 天 ${percent(retention.day7.retained, retention.day7.eligible)}` },
            { label: '月留存', value: retention.day30.retained, note: `第 30 天 ${percent(retention.day30.retained, retention.day30.eligible)}` },
            { label: '付费', value: revenue.firstPayments, note: formatFen(revenue.firstPaymentFen) }
          ]}
        />
        <View className='ha-stats'>
          <Stat label='续费' value={`${revenue.renewals} 笔 · ${formatFen(revenue.renewalFen)}`} />
          <Stat label='退款' value={`${revenue.refunds} 笔 · ${formatFen(revenue.refundFen)}`} />
          <Stat label='人均收入' value={formatFen(revenue.perMemberFen)} />
          <Stat label='邀请激活' value={`${referral.activated} 人 / ${referral.inviters} 位邀请人`} />
        </View>
        {referral.top.slice(0, 3).map((t) => (
          <View key={t.openid} className='ha-line ha-line-sub'>
            <Text>{t.nickname}</Text>
            <Text className='ha-line-value'>邀请激活 {t.activated} 人</Text>
          </View>
        ))}
      </View>
    </>
  )
}

function CompletionCard({ curve }: { curve: CompletionCurve }) {
  return (
    <View className='card ha-card'>
      <Text className='ha-card-title text-name'>
        {curve.title} · {curve.participants} 人参加
      </Text>
      <BarChart tone='soft' bars={curve.byDay.map((share, i) => ({ label: i % 7 === 0 || i === curve.byDay.length - 1 ? `${i + 1}` : '', value: share, caption: '' }))} />
      <Text className='ha-note text-note'>每根柱子：第 N 天打卡的参与者比例（首日 {Math.round((curve.byDay[0] ?? 0) * 100)}%）</Text>
    </View>
  )
}

function ConvertingRow({ item, onFeatured }: { item: ConvertingCheckinView; onFeatured: () => void }) {
  const { busy: saving, run } = useSubmit()
  const feature = async () => {
    await run(async () => {
      await featureCheckin({ checkinId: item.checkinId, featured: true })
      await Taro.showToast({ title: '已设为精选', icon: 'success' })
      onFeatured()
    })
  }
  return (
    <View className='card ha-card ha-conv' onClick={() => void Taro.navigateTo({ url: checkinDetailUrl(item.checkinId) })}>
      <Text className='ha-card-title text-name'>
        {item.authorNickname}
        {item.challengeTitle ? ` · ${item.challengeTitle}` : ''}
      </Text>
      <Text className='ha-conv-text text-soft'>{item.text}</Text>
      <View className='ha-conv-foot row-between'>
        <Text className='muted'>
          首次触达 {item.firstTouch} · 最后触达 {item.lastTouch} · {formatFen(item.revenueFen)}
        </Text>
        {item.featured ? (
          <Text className='ha-featured'>已精选</Text>
        ) : (
          <View
            className={`ha-feature ${saving ? 'ha-feature-busy' : ''}`}
            onClick={(e) => {
              e.stopPropagation()
              if (!saving) void feature()
            }}>
            <Text>设为精选</Text>
          </View>
        )}
      </View>
    </View>
  )
}
