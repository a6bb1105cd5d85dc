import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import EmptyState from '../../../components/empty-state'
import { PagedListView } from '../../../components/paged-list'
import ListFooter from '../../../components/list-footer'
import Skeleton from '../../../components/skeleton'
import { formatPoints, fetchSegments } from '../../../services/growth'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useListPage } from '../../../services/use-list-page'
import type { MemberSegmentView, Segment } from '../../../../types/growth'
import { SEGMENTS, SEGMENT_LABEL } from '../labels'
import { ADJUST_PAGE } from '../../../services/routes'
import '../components/form.css'
import './index.css'

type Filter = Segment | 'all'

export default function SegmentsPage() {
  const [filter, setFilter] = useState<Filter>('all')
  const list = usePagedQuery<MemberSegmentView>(`hostGrowth.segments.${filter}`, (after) => fetchSegments(filter === 'all' ? { after } : { segment: filter, after }))
  useListPage(list, { refetchOnKey: true })

  const hint = SEGMENTS.find((s) => s.segment === filter)?.hint ?? '按成长值从高到低'

  return (
    <PagedListView
      list={list}
      className='hg-segments'
      header={
        <>
          <View className='hg-tabs'>
            <View className={`hg-tab text-label row tab-all ${filter === 'all' ? 'hg-tab-on' : ''}`} onClick={() => setFilter('all')}>
              <Text>全部</Text>
            </View>
            {SEGMENTS.map((s) => (
              <View key={s.segment} className={`hg-tab text-label row tab-${s.segment} ${filter === s.segment ? 'hg-tab-on' : ''}`} onClick={() => setFilter(s.segment)}>
                <Text>{s.label}</Text>
              </View>
            ))}
          </View>
          <Text className='hg-segments-hint text-quiet'>{hint} · 点击成员可调整积分</Text>
        </>
      }
      headerWhileLoading
      skeleton={<SegmentsSkeleton />}
      empty={
        // A first page may come back empty with more to fetch: still loading, or its retry.
        !list.hasMore ? (
          <EmptyState glyph='层' title='这一层还没有成员' description='成员打卡、参与活动积累成长值后，会按活跃度自动分层' />
        ) : list.moreFailed ? (
          <ListFooter list={list} />
        ) : (
          <SegmentsSkeleton />
        )
      }>
      {(items) => (
        <View className='card hg-segments-list'>
          {items.map((m) => (
            <View
              key={m.openid}
              className='hg-member row divided'
              onClick={() => {
                void Taro.navigateTo({ url: `${ADJUST_PAGE}?openid=${encodeURIComponent(m.openid)}` })
              }}>
              <Avatar url={m.avatarUrl} nickname={m.nickname} size={80} />
              <View className='hg-member-text fill-col'>
                <View className='hg-member-name-row row'>
                  <Text className='hg-member-name ellipsis'>{m.nickname}</Text>
                  <Text className='hg-member-tier'>Lv{m.tierLevel}</Text>
                </View>
                <Text className='hg-member-meta text-quiet'>
                  成长值 {formatPoints(m.growth)} · 30 天活跃 {m.activeDays30} 天
                </Text>
              </View>
              <Text className={`hg-member-segment hg-segment-${m.segment}`}>{SEGMENT_LABEL[m.segment]}</Text>
            </View>
          ))}
        </View>
      )}
    </PagedListView>
  )
}

function SegmentsSkeleton() {
  return (
    <View className='card hg-segments-list' aria-busy>
      {[0, 1, 2, 3].map((i) => (
        <View key={i} className='hg-member row divided'>
          <Skeleton width={80} height={80} round />
          <View className='hg-member-text fill-col'>
            <Skeleton width={180} height={30} />
            <Skeleton width={300} height={24} className='hg-member-skeleton-gap' />
          </View>
        </View>
      ))}
    </View>
  )
}
