import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ErrorCard } from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import Skeleton from '../../../components/skeleton'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useQuery, usePullDownRefetch } from '../../../services/use-query'
import { priceFromLabel, fetchCircles, fetchFlaggedPayments, fetchOrders, HOST_CIRCLES_KEY, HOST_STATS_KEY } from '../../../services/membership'
import type { Circle } from '../../../../types/membership'
import Cover from '../../membership/components/cover'
import CircleTitle from '../../membership/components/circle-title'
import MenuRow from '../../../components/menu-row'
import type { Tone } from '../../../components/tag'
import { CIRCLES_PAGE, HOST_FLAGGED_PAGE, circleFormUrl, hostOrdersUrl } from '../../../services/routes'
import './index.css'

interface Stats {
  unpaid: string
  refunding: string
  flagged: string
}

// Counts from the first page of each list: "20+" says there are more without paging through all.
const countOf = (page: { items: unknown[]; next: string | null }) => `${page.items.length}${page.next ? '+' : ''}`

async function loadStats(): Promise<Stats> {
  const [unpaid, refunding, flagged] = await Promise.all([fetchOrders({ status: 'created' }), fetchOrders({ status: 'refunding' }), fetchFlaggedPayments({})])
  return { unpaid: countOf(unpaid), refunding: countOf(refunding), flagged: countOf(flagged) }
}

export default function HostMembershipHome() {
  const stats = useQuery<Stats>(HOST_STATS_KEY, loadStats)
  const circles = usePagedQuery<Circle>(HOST_CIRCLES_KEY, (after) => fetchCircles({ after }))
  const refetchAll = () => Promise.all([stats.refetch(), circles.refetch()]).then(() => undefined)
  usePullDownRefetch(refetchAll)
  useReachBottom(() => {
    void circles.loadMore()
  })
  useDidShow(() => {
    if (circles.items.length > 0) void refetchAll()
  })

  const go = (url: string) => {
    void Taro.navigateTo({ url })
  }

  return (
    <View className='page hm-home'>
      <View className='page-intro'>
        <Text className='page-title'>圈子与订单</Text>
        <Text className='page-desc hm-desc'>付费圈子、套餐与退款规则；订单、退款和异常支付都在这里处理。</Text>
      </View>

      {stats.error && !stats.data ? (
        <ErrorCard error={stats.error} onRetry={stats.refetch} />
      ) : (
        <View className='card hm-stats row'>
          <Stat label='待支付订单' value={stats.data?.unpaid} onClick={() => go(hostOrdersUrl('created'))} />
          <View className='hm-stat-divider' />
          <Stat label='退款中' value={stats.data?.refunding} warn={stats.data !== undefined && stats.data.refunding !== '0'} onClick={() => go(hostOrdersUrl('refunding'))} />
          <View className='hm-stat-divider' />
          <Stat label='异常支付' value={stats.data?.flagged} warn={stats.data !== undefined && stats.data.flagged !== '0'} onClick={() => go(HOST_FLAGGED_PAGE)} />
        </View>
      )}

      <View className='card hm-menu'>
        <MenuItem glyph='单' tone='green' title='订单管理' desc='按状态查看订单，为成员退款' onClick={() => go(hostOrdersUrl())} />
        <MenuItem glyph='异' tone='orange' title='异常支付' desc='金额不符或找不到订单的支付通知' onClick={() => go(HOST_FLAGGED_PAGE)} />
        <MenuItem glyph='览' tone='blue' title='成员视角' desc='以成员身份浏览圈子列表' onClick={() => go(CIRCLES_PAGE)} />
      </View>

      <View className='hm-section-head row-between'>
        <Text className='hm-section-title'>圈子</Text>
        <View className='btn btn-primary btn-small hm-new' onClick={() => go(circleFormUrl())}>
          ＋ 新建圈子
        </View>
      </View>
      {circles.loading ? (
        <View aria-busy>
          {[0, 1].map((i) => (
            <View key={i} className='card hm-circle row'>
              <Skeleton width={120} height={120} />
              <View className='hm-circle-text fill-col'>
                <Skeleton width={240} height={32} />
                <Skeleton width={320} height={24} className='hm-skeleton-gap' />
              </View>
            </View>
          ))}
        </View>
      ) : circles.error ? (
        <ErrorCard error={circles.error} onRetry={circles.refetch} />
      ) : circles.items.length === 0 ? (
        <View className='card hm-empty col'>
          <Text className='hm-empty-title'>还没有圈子</Text>
          <Text className='hm-empty-desc text-meta'>新建一个免费或付费圈子，把会员专属挑战放进去</Text>
        </View>
      ) : (
        <View>
          {circles.items.map((circle) => (
            <CircleRow key={circle.id} circle={circle} onClick={() => go(circleFormUrl(circle.id))} />
          ))}
          <ListFooter list={circles} />
        </View>
      )}
    </View>
  )
}

function CircleRow({ circle, onClick }: { circle: Circle; onClick: () => void }) {
  return (
    <View className={`card hm-circle row ${circle.archived ? 'hm-circle-archived' : ''}`} data-id={circle.id} onClick={onClick}>
      <Cover className='hm-circle-cover' url={circle.coverUrl} name={circle.name} />
      <View className='hm-circle-text fill-col'>
        <CircleTitle circle={circle} nameClass='text-title' />
        <Text className='hm-circle-meta text-meta'>
          {circle.memberCount} 位成员 · {circle.kind === 'free' ? '免费加入' : `${circle.plans.length} 个套餐 · ${priceFromLabel(circle)}`}
        </Text>
      </View>
      <Text className='hm-edit text-link'>编辑</Text>
    </View>
  )
}

function Stat({ label, value, warn, onClick }: { label: string; value?: string; warn?: boolean; onClick: () => void }) {
  return (
    <View className='hm-stat stat-tile' onClick={onClick}>
      {value === undefined ? <Skeleton width={64} height={44} /> : <Text className={`hm-stat-value num-bold ${warn ? 'hm-stat-warn' : ''}`}>{value}</Text>}
      <Text className='hm-stat-label text-meta'>{label}</Text>
    </View>
  )
}

function MenuItem({ glyph, tone, title, desc, onClick }: { glyph: string; tone: Tone; title: string; desc: string; onClick: () => void }) {
  return <MenuRow className='hm-menu-item' icon={{ glyph, tone }} title={title} desc={desc} onClick={onClick} />
}
