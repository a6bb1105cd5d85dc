import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ErrorCard } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { useQuery, usePullDownRefetch } from '../../../services/use-query'
import MenuRow from '../../../components/menu-row'
import { fetchMallItems, fetchRedemptions, fetchSegments } from '../../../services/growth'
import { ADJUST_PAGE, ITEMS_PAGE, RULES_PAGE, SEGMENTS_PAGE, SHIPPING_PAGE } from '../../../services/routes'
import './index.css'

interface ConsoleStats {
  awaitingShipment: string
  itemsOnSale: string
  members: string
}

// Counts from the first page of each list: "20+" says there are more without paging through all.
const countOf = (page: { items: unknown[]; next: string | null }, filtered?: number) => `${filtered ?? page.items.length}${page.next ? '+' : ''}`

async function loadStats(): Promise<ConsoleStats> {
  const [shipping, items, members] = await Promise.all([fetchRedemptions({ status: 'awaitingShipment' }), fetchMallItems({}), fetchSegments({})])
  return {
    awaitingShipment: countOf(shipping),
    itemsOnSale: countOf(items, items.items.filter((i) => i.active).length),
    members: countOf(members)
  }
}

const ENTRIES = [
  { key: 'rules', url: RULES_PAGE, glyph: '规', tone: 'green', title: '规则与等级', desc: '积分、成长值、每日上限与等级权益' },
  { key: 'items', url: ITEMS_PAGE, glyph: '商', tone: 'orange', title: '商城商品', desc: '新增、编辑、上架或下架兑换商品' },
  { key: 'adjust', url: ADJUST_PAGE, glyph: '调', tone: 'blue', title: '积分调整', desc: '为成员手动增加或扣除积分' },
  { key: 'shipping', url: SHIPPING_PAGE, glyph: '发', tone: 'purple', title: '兑换发货', desc: '填写快递单号，完成实物发货' },
  { key: 'segments', url: SEGMENTS_PAGE, glyph: '层', tone: 'teal', title: '成员分层', desc: 'KOL / 核心 / 普通 / 沉默成员' }
] as const

export default function HostGrowthHome() {
  const stats = useQuery<ConsoleStats>('hostGrowth.stats', loadStats)
  useDidShow(() => {
    void stats.refetch()
  })
  usePullDownRefetch(stats.refetch)

  return (
    <View className='page hg-home'>
      <View className='hg-home-intro col'>
        <Text className='hg-home-title'>成长与商城</Text>
        <Text className='hg-home-desc text-desc'>用积分和等级激励成员持续打卡，用商城让积分有处可用。</Text>
      </View>

      {stats.error && !stats.data ? (
        <ErrorCard error={stats.error} onRetry={stats.refetch} />
      ) : (
        <View className='card hg-stats row'>
          <Stat
            label='待发货'
            value={stats.data?.awaitingShipment}
            warn={stats.data !== undefined && stats.data.awaitingShipment !== '0'}
            onClick={() => {
              void Taro.navigateTo({ url: SHIPPING_PAGE })
            }}
          />
          <View className='hg-stat-divider' />
          <Stat
            label='在售商品'
            value={stats.data?.itemsOnSale}
            onClick={() => {
              void Taro.navigateTo({ url: ITEMS_PAGE })
            }}
          />
          <View className='hg-stat-divider' />
          <Stat
            label='有积分的成员'
            value={stats.data?.members}
            onClick={() => {
              void Taro.navigateTo({ url: SEGMENTS_PAGE })
            }}
          />
        </View>
      )}

      <View className='card hg-menu'>
        {ENTRIES.map((entry) => (
          <MenuRow
            key={entry.key}
            className='hg-menu-item'
            entry={entry.key}
            icon={{ glyph: entry.glyph, tone: entry.tone }}
            title={entry.title}
            desc={entry.desc}
            onClick={() => {
              void Taro.navigateTo({ url: entry.url })
            }}
          />
        ))}
      </View>
    </View>
  )
}

function Stat({ label, value, warn, onClick }: { label: string; value?: string; warn?: boolean; onClick: () => void }) {
  return (
    <View className='hg-stat stat-tile' onClick={onClick}>
      {value === undefined ? <Skeleton width={64} height={44} /> : <Text className={`hg-stat-value text-strong num ${warn ? 'hg-stat-warn' : ''}`}>{value}</Text>}
      <Text className='hg-stat-label text-meta'>{label}</Text>
    </View>
  )
}
