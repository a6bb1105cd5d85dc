import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import { ErrorCard } from '../../../components/error-state'
import MenuRow from '../../../components/menu-row'
import Segmented from '../../../components/segmented'
import Skeleton from '../../../components/skeleton'
import type { Tone } from '../../../components/tag'
import { useMe } from '../../../services/member'
import { useCommunityName } from '../../../services/community'
import { useDashboard } from '../../../services/console'
import { usePullDownRefetch } from '../../../services/use-query'
import {
  challengeFormUrl,
  HOST_CAMPAIGNS_PAGE,
  COMMUNITY_SETTINGS_PAGE,
  HOST_CHALLENGES_PAGE,
  HOST_EVENTS_PAGE,
  HOST_EXPORTS_PAGE,
  HOST_ANALYTICS,
  HOST_JOIN_APPLICATIONS_PAGE,
  HOST_FLAGGED_PAGE,
  HOST_FLASH_SALES_PAGE,
  HOST_GIFTS_PAGE,
  HOST_GROUP_BUYS_PAGE,
  HOST_BARGAINS_PAGE,
  HOST_HELP_PAGE,
  HOST_GROWTH_PAGE,
  HOST_LEADERBOARD_PAGE,
  HOST_MEMBERS_PAGE,
  HOST_MEMBERSHIP_PAGE,
  HOST_RECALL_PAGE,
  HOST_TEAM_PAGE,
  hostOrdersUrl,
  MODERATION_PAGE,
  SHIPPING_PAGE
} from '../../../services/routes'
import { formatFen } from '../../../utils/format'
import { isManager, ROLE_LABELS } from '../../../../types/roles'
import type { DashboardMetric, DashboardView } from '../../../../types/console'
import './index.css'

type Span = 'today' | 'last7'
const SPANS = [
  { value: 'today', label: '今天' },
  { value: 'last7', label: '近7天' }
] as const

/** The number tiles: what each counts, how it reads, and the list it opens. */
const TILES: Array<{ metric: DashboardMetric; label: string; url: string; format?: (n: number) => string }> = [
  { metric: 'active', label: '活跃成员', url: HOST_MEMBERS_PAGE },
  { metric: 'checkins', label: '打卡', url: HOST_CHALLENGES_PAGE },
  { metric: 'checkinRate', label: '打卡率', url: HOST_CHALLENGES_PAGE, format: (n) => `${(n / 10).toFixed(1)}%` },
  { metric: 'newMembers', label: '新成员', url: HOST_MEMBERS_PAGE },
  { metric: 'trials', label: '开始试用', url: HOST_MEMBERSHIP_PAGE },
  { metric: 'conversions', label: '首次付费', url: hostOrdersUrl() },
  { metric: 'revenueFen', label: '收入', url: hostOrdersUrl(), format: formatFen },
  { metric: 'refunds', label: '退款', url: hostOrdersUrl('refunded') },
  { metric: 'renewals', label: '续费', url: hostOrdersUrl() }
]

const PENDING: Array<{ key: keyof DashboardView['pending']; label: string; url: string }> = [
  { key: 'moderation', label: '待审核', url: MODERATION_PAGE },
  { key: 'shipments', label: '待发货', url: SHIPPING_PAGE },
  { key: 'flaggedPayments', label: '异常支付', url: HOST_FLAGGED_PAGE },
  { key: 'renewalsDue', label: '7天内到期', url: HOST_MEMBERSHIP_PAGE }
]

interface Entry {
  section: string
  key: string
  glyph: string
  title: string
  desc: string
  url: string
  tone: Tone
}

/** The console's sections, in order, and who sees each: a moderator sees moderation only, the team is the owner's. */
const SECTIONS: Array<{ key: string; title: string; audience: 'moderator' | 'manager' | 'owner' }> = [
  { key: 'checkin', title: '挑战与审核', audience: 'moderator' },
  { key: 'business', title: '圈子、活动与收入', audience: 'manager' },
  { key: 'growth', title: '成长与榜单', audience: 'manager' },
  { key: 'members', title: '成员与触达', audience: 'manager' },
  { key: 'owner', title: '团队与设置', audience: 'owner' }
]

/** Every host area, each under its section. */
const ENTRIES: Entry[] = [
  { section: 'checkin', key: 'create', glyph: '＋', title: '发起挑战', desc: '设置天数、打卡规则和积分奖励', url: challengeFormUrl(), tone: 'green' },
  { section: 'checkin', key: 'challenges', glyph: '战', title: '挑战管理', desc: '查看、编辑和归档所有挑战', url: HOST_CHALLENGES_PAGE, tone: 'blue' },
  { section: 'checkin', key: 'moderation', glyph: '审', title: '审核队列', desc: '处理成员举报的打卡和评论', url: MODERATION_PAGE, tone: 'orange' },
  { section: 'business', key: 'membership', glyph: '圈', title: '圈子与订单', desc: '圈子、套餐、订单与退款', url: HOST_MEMBERSHIP_PAGE, tone: 'teal' },
  { section: 'business', key: 'events', glyph: '活', title: '活动管理', desc: '发起活动、名单与检票', url: HOST_EVENTS_PAGE, tone: 'blue' },
  { section: 'business', key: 'campaigns', glyph: '券', title: '优惠券活动', desc: '发布、编辑、停止满减和折扣券', url: HOST_CAMPAIGNS_PAGE, tone: 'red' },
  { section: 'business', key: 'flashSale', glyph: '秒', title: '秒杀', desc: '限时限量特价：发布、暂停、成交与收入', url: HOST_FLASH_SALES_PAGE, tone: 'red' },
  { section: 'business', key: 'gift', glyph: '送', title: '礼品卡与邀请礼', desc: '邀请欢迎礼设置；礼品卡售出、领取、退款、收入与记录', url: HOST_GIFTS_PAGE, tone: 'purple' },
  { section: 'business', key: 'groupBuy', glyph: '拼', title: '拼团', desc: '好友成团全员开通：发布、暂停、成团、收入与拼团记录', url: HOST_GROUP_BUYS_PAGE, tone: 'red' },
  { section: 'business', key: 'bargain', glyph: '砍', title: '砍价', desc: '好友帮砍到底价：发布、暂停、成交、收入与砍价记录', url: HOST_BARGAINS_PAGE, tone: 'orange' },
  { section: 'business', key: 'help', glyph: '助', title: '好友助力', desc: '集满好友助力解锁奖励：发布、暂停、完成、发放与助力记录', url: HOST_HELP_PAGE, tone: 'red' },
  { section: 'growth', key: 'growth', glyph: '分', title: '成长与商城', desc: '积分规则、等级、商城与发货', url: HOST_GROWTH_PAGE, tone: 'purple' },
  { section: 'growth', key: 'leaderboard', glyph: '榜', title: '榜单与邀请赛', desc: '邀请赛、榜单奖励', url: HOST_LEADERBOARD_PAGE, tone: 'gold' },
  { section: 'members', key: 'analytics', glyph: '数', title: '数据分析', desc: '拉新、激活、留存、收入与打卡带来的付费', url: HOST_ANALYTICS, tone: 'blue' },
  { section: 'members', key: 'members', glyph: '员', title: '成员管理', desc: '标签、分层、沉默成员', url: HOST_MEMBERS_PAGE, tone: 'green' },
  { section: 'members', key: 'applications', glyph: '审', title: '入圈审核', desc: '需审核的圈子：查看回答，通过或拒绝', url: HOST_JOIN_APPLICATIONS_PAGE, tone: 'orange' },
  { section: 'members', key: 'recall', glyph: '召', title: '消息与召回', desc: '召回活动与自动消息', url: HOST_RECALL_PAGE, tone: 'orange' },
  { section: 'members', key: 'exports', glyph: '导', title: '数据导出', desc: '成员、订单、积分导出为表格', url: HOST_EXPORTS_PAGE, tone: 'grey' },
  { section: 'owner', key: 'team', glyph: '团', title: '团队', desc: '邀请管理员、审核员和嘉宾', url: HOST_TEAM_PAGE, tone: 'teal' },
  { section: 'owner', key: 'settings', glyph: '设', title: '社群设置', desc: '社群名片、群规和欢迎语', url: COMMUNITY_SETTINGS_PAGE, tone: 'grey' }
]

const go = (url: string) => {
  void Taro.navigateTo({ url })
}

function Change({ now, before }: { now: number; before: number }) {
  if (now === before) return <Text className='console-tile-change console-change-flat'>持平</Text>
  const up = now > before
  const pct = before > 0 ? `${Math.round((Math.abs(now - before) * 100) / before)}%` : '新'
  return <Text className={`console-tile-change ${up ? 'console-change-up' : 'console-change-down'}`}>{`${up ? '↑' : '↓'} ${pct}`}</Text>
}

function Numbers({ span }: { span: Span }) {
  const { data, error, loading, refetch } = useDashboard(true)
  if (loading) {
    return (
      <View className='console-tiles console-tiles-loading'>
        {TILES.map((tile) => (
          <View key={tile.metric} className='console-tile col'>
            <Skeleton width='70%' height={40} />
            <Skeleton width='50%' height={24} className='console-tile-skeleton-label' />
          </View>
        ))}
      </View>
    )
  }
  if (!data) {
    return <ErrorCard error={error} onRetry={refetch} />
  }
  return (
    <>
      <View className='console-tiles'>
        {TILES.map((tile) => {
          const figure = data.figures[tile.metric]
          const value = span === 'today' ? figure.today : figure.last7
          return (
            <View key={tile.metric} className='console-tile col' data-metric={tile.metric} onClick={() => go(tile.url)}>
              <Text className='console-tile-value text-strong'>{tile.format ? tile.format(value) : String(value)}</Text>
              <Text className='console-tile-label text-meta'>{tile.label}</Text>
              {span === 'last7' ? <Change now={figure.last7} before={figure.prev7} /> : null}
            </View>
          )
        })}
      </View>
      <View className='console-pending'>
        {PENDING.map((item) => (
          <View key={item.key} className={`console-pending-tile stat-tile ${data.pending[item.key] > 0 ? 'console-pending-due' : ''}`} data-pending={item.key} onClick={() => go(item.url)}>
            <Text className='console-pending-value'>{data.pending[item.key]}</Text>
            <Text className='console-pending-label text-note'>{item.label}</Text>
          </View>
        ))}
      </View>
      <Text className='console-updated text-faint'>{span === 'last7' ? '近7天与前7天相比；活跃成员为去重人数，打卡率按人天计' : '数据每隔几分钟由定时任务更新'}</Text>
    </>
  )
}

/** The host's console hub: today's and the week's numbers, what waits, and every host area the caller's role may use. */
export default function HostHomePage() {
  const { data: me, refetch: refetchMe } = useMe()
  const communityName = useCommunityName()
  const manager = isManager(me?.role)
  const { refetch } = useDashboard(manager)
  const [span, setSpan] = useState<Span>('today')
  useDidShow(() => {
    if (manager) void refetch()
  })
  usePullDownRefetch(async () => {
    await Promise.all([refetchMe(), manager ? refetch() : Promise.resolve()])
  })
  const sees = { moderator: true, manager, owner: me?.role === 'owner' }
  const sections = SECTIONS.filter((section) => sees[section.audience]).map((section) => {
    const entries = ENTRIES.filter((entry) => entry.section === section.key)
    return manager ? { ...section, entries } : { ...section, title: '审核', entries: entries.filter((entry) => entry.key === 'moderation') }
  })
  return (
    <View className='page host-home'>
      <View className='host-home-hero row'>
        {me ? <Avatar url={me.avatarUrl} nickname={me.nickname} size={96} /> : null}
        <View className='host-home-hello col'>
          <Text className='host-home-name text-strong'>{me ? me.nickname : '主理人'}</Text>
          <Text className='host-home-sub text-meta'>
            {me ? `${ROLE_LABELS[me.role]} · ` : ''}经营{communityName ? `「${communityName}」` : '你的社群'}
          </Text>
        </View>
      </View>
      {manager ? (
        <View className='console-numbers'>
          <View className='console-numbers-head row-between'>
            <Text className='console-section-title section-title'>经营数据</Text>
            <Segmented className='console-span' options={SPANS} value={span} onChange={setSpan} />
          </View>
          <Numbers span={span} />
        </View>
      ) : null}
      {sections.map((section) => (
        <View key={section.key} className='console-section'>
          <Text className='console-section-title section-title'>{section.title}</Text>
          <View className='card host-home-menu'>
            {section.entries.map((entry) => (
              <MenuRow key={entry.key} className='host-entry' entry={entry.key} icon={{ glyph: entry.glyph, tone: entry.tone }} title={entry.title} desc={entry.desc} onClick={() => go(entry.url)} />
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
