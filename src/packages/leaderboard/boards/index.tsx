import { useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import EmptyState from '../../../components/empty-state'
import { ErrorCard } from '../../../components/error-state'
import Segmented from '../../../components/segmented'
import Skeleton from '../../../components/skeleton'
import { useRefreshErrorToast } from '../../../services/show-error'
import { usePullDownRefetch, useQuery } from '../../../services/use-query'
import type { BoardEntryView, BoardInput, BoardKind, BoardView } from '../../../../types/leaderboard'
import { SCORE_UNIT, boardKey, fetchBoard, rewardLabel } from '../../../services/leaderboard'
import { routeParam } from '../../../services/routes'
import './index.css'

type PointsKind = 'pointsWeek' | 'pointsMonth' | 'pointsAll'
const POINTS_TABS: ReadonlyArray<{ value: PointsKind; label: string }> = [
  { value: 'pointsWeek', label: '周榜' },
  { value: 'pointsMonth', label: '月榜' },
  { value: 'pointsAll', label: '总榜' }
]
const CHALLENGE_TABS: ReadonlyArray<{ value: BoardKind; label: string }> = [
  { value: 'challengeCheckins', label: '打卡次数' },
  { value: 'challengeStreak', label: '连续天数' }
]
const PERIODS: ReadonlyArray<{ value: 'current' | 'previous'; label: string }> = [
  { value: 'current', label: '本期' },
  { value: 'previous', label: '上期' }
]
const KINDS: BoardKind[] = ['pointsWeek', 'pointsMonth', 'pointsAll', 'challengeCheckins', 'challengeStreak', 'contestInvites']

export default function BoardsPage() {
  const params = useRouter().params
  const challengeId = routeParam(params.challengeId)
  const contestId = routeParam(params.contestId)
  const title = routeParam(params.title)
  const asked = KINDS.find((k) => k === params.kind)
  const initial: BoardKind = asked ?? (contestId ? 'contestInvites' : challengeId ? 'challengeCheckins' : 'pointsWeek')

  const [kind, setKind] = useState<BoardKind>(initial)
  const [period, setPeriod] = useState<'current' | 'previous'>('current')
  const [newcomers, setNewcomers] = useState(false)

  const isPoints = kind === 'pointsWeek' || kind === 'pointsMonth' || kind === 'pointsAll'
  const periodic = kind === 'pointsWeek' || kind === 'pointsMonth'
  const input: BoardInput = {
    kind,
    ...(challengeId && !isPoints && kind !== 'contestInvites' ? { challengeId } : {}),
    ...(contestId && kind === 'contestInvites' ? { contestId } : {}),
    ...(periodic ? { period } : {}),
    ...(isPoints && newcomers ? { newcomers: true } : {})
  }
  const board = useQuery<BoardView>(boardKey(input), () => fetchBoard(input))
  usePullDownRefetch(board.refetch)
  useDidShow(() => {
    if (board.data) void board.refetch()
  })
  useRefreshErrorToast(board.error, board.data)
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title })
  }, [title])

  const data = board.data
  const unit = SCORE_UNIT[kind]
  return (
    <View className='page lb-page'>
      {isPoints ? (
        <View className='lb-controls'>
          <Segmented
            options={POINTS_TABS}
            value={kind as PointsKind}
            onChange={(k) => {
              setKind(k)
              if (k === 'pointsAll') setPeriod('current')
            }}
          />
          <View className='lb-toggles row-between'>
            <View className={`lb-chip text-label lb-newcomers ${newcomers ? 'lb-chip-on' : ''}`} onClick={() => setNewcomers(!newcomers)}>
              <Text>新人榜</Text>
            </View>
            {periodic ? (
              <View className='lb-periods'>
                {PERIODS.map((p) => (
                  <View key={p.value} className={`lb-period text-label lb-period-${p.value} ${p.value === period ? 'lb-period-on' : ''}`} onClick={() => setPeriod(p.value)}>
                    <Text>{p.label}</Text>
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        </View>
      ) : kind !== 'contestInvites' ? (
        <View className='lb-controls'>
          <Segmented options={CHALLENGE_TABS} value={kind} onChange={setKind} />
        </View>
      ) : null}

      {board.loading ? <BoardSkeleton /> : null}
      {!board.loading && !data && board.error ? <ErrorCard error={board.error} onRetry={board.refetch} /> : null}
      {data ? (
        <View>
          <View className='lb-head col'>
            <View className='lb-head-row row'>
              <Text className='lb-title text-bold'>{data.title}</Text>
              {periodic && period === 'previous' ? <Text className={`lb-settled tag ${data.settled ? 'lb-settled-on' : ''}`}>{data.settled ? '已结算' : '结算中'}</Text> : null}
            </View>
            <Text className='lb-period-label text-desc'>
              {data.periodLabel}
              {data.total > 0 ? ` · ${data.total} 人上榜` : ''}
              {newcomers && isPoints ? ' · 加入 30 天内' : ''}
            </Text>
            {data.rewards.some((p, i) => p > 0 || data.rewardCoupons[i]) ? (
              <View className='lb-rewards'>
                {data.rewards.map((points, i) =>
                  points > 0 || data.rewardCoupons[i] ? (
                    <Text key={i} className='tag tone-warn lb-reward'>
                      {rewardLabel(i + 1, points, data.rewardCoupons[i])}
                    </Text>
                  ) : null
                )}
              </View>
            ) : null}
          </View>
          {data.entries.length === 0 ? (
            <EmptyState glyph='榜' title='榜单还空着' description={emptyHint(kind)} />
          ) : (
            <View>
              <Podium entries={data.entries.slice(0, 3)} unit={unit} rewards={data.rewards} coupons={data.rewardCoupons} mine={data.me?.openid ?? ''} />
              {data.entries.length > 3 ? (
                <View className='card lb-list'>
                  {data.entries.slice(3).map((entry) => (
                    <Row
                      key={entry.openid}
                      entry={entry}
                      unit={unit}
                      reward={data.rewards[entry.rank - 1] ?? 0}
                      coupon={data.rewardCoupons[entry.rank - 1] ?? null}
                      mine={entry.openid === data.me?.openid}
                    />
                  ))}
                </View>
              ) : null}
            </View>
          )}
          <MyRankBar me={data.me} unit={unit} />
        </View>
      ) : null}
    </View>
  )
}

function emptyHint(kind: BoardKind): string {
  if (kind === 'contestInvites') return '邀请好友加入并完成首次打卡，就会出现在这里'
  if (kind === 'challengeCheckins' || kind === 'challengeStreak') return '完成打卡就会出现在这里'
  return '打卡、评论、参加活动都能获得积分，来做第一名吧'
}

/** coupons: a contest's prize coupon names by place (empty for other boards). */
function Podium({ entries, unit, rewards, coupons, mine }: { entries: BoardEntryView[]; unit: string; rewards: number[]; coupons: Array<string | null>; mine: string }) {
  // Second, first, third: the winner stands in the middle.
  const order = [entries[1], entries[0], entries[2]]
  return (
    <View className='card lb-podium'>
      {order.map((entry, i) => {
        const place = [2, 1, 3][i]
        if (!entry) return <View key={place} className='lb-podium-slot fill-col' />
        const reward = rewards[entry.rank - 1] ?? 0
        const coupon = coupons[entry.rank - 1] ?? null
        return (
          <View key={entry.openid} className={`lb-podium-slot fill-col lb-podium-${place} ${entry.openid === mine ? 'lb-podium-mine' : ''}`} data-rank={entry.rank}>
            <View className='lb-podium-avatar'>
              <Avatar url={entry.avatarUrl} nickname={entry.nickname} size={place === 1 ? 128 : 104} />
              <Text className={`lb-medal lb-medal-${Math.min(entry.rank, 3)}`}>{entry.rank}</Text>
            </View>
            <Text className='lb-podium-name text-name ellipsis'>{entry.nickname}</Text>
            {entry.badge ? <Text className='tag tag-mini tone-green lb-badge'>{entry.badge}</Text> : null}
            <Text className='lb-podium-score text-score'>
              {entry.score}
              <Text className='lb-unit text-note'> {unit}</Text>
            </Text>
            {reward > 0 ? <Text className='lb-podium-reward'>+{reward} 积分</Text> : null}
            {coupon ? <Text className='lb-podium-coupon ellipsis'>+ {coupon}</Text> : null}
            <View className={`lb-step lb-step-${place}`} />
          </View>
        )
      })}
    </View>
  )
}

function Row({ entry, unit, reward, coupon, mine }: { entry: BoardEntryView; unit: string; reward: number; coupon: string | null; mine: boolean }) {
  return (
    <View className={`lb-row row divided ${mine ? 'lb-row-mine' : ''}`} data-rank={entry.rank}>
      <Text className='lb-row-rank'>{entry.rank}</Text>
      <Avatar url={entry.avatarUrl} nickname={entry.nickname} size={72} />
      <View className='lb-row-text fill-col'>
        <View className='lb-row-name-line row'>
          <Text className='lb-row-name text-body ellipsis'>{entry.nickname}</Text>
          {entry.badge ? <Text className='tag tag-mini tone-green lb-badge'>{entry.badge}</Text> : null}
        </View>
        {reward > 0 || coupon ? <Text className='lb-row-reward'>{[reward > 0 ? `+${reward} 积分` : '', coupon ?? ''].filter(Boolean).join(' + ')}</Text> : null}
      </View>
      <Text className='lb-row-score text-title'>
        {entry.score}
        <Text className='lb-unit text-note'> {unit}</Text>
      </Text>
    </View>
  )
}

function MyRankBar({ me, unit }: { me: BoardEntryView | null; unit: string }) {
  return (
    <View className='lb-mine row'>
      <Text className='lb-mine-label'>我的排名</Text>
      {me ? (
        <View className='lb-mine-body'>
          <Text className='lb-mine-rank num-bold'>第 {me.rank} 名</Text>
          <Text className='lb-mine-score'>
            {me.score} {unit}
          </Text>
        </View>
      ) : (
        <View className='lb-mine-body'>
          <Text className='lb-mine-none'>暂未上榜</Text>
          <Text className='lb-mine-hint'>榜单约每分钟更新</Text>
        </View>
      )}
    </View>
  )
}

function BoardSkeleton() {
  return (
    <View aria-busy>
      <View className='lb-head col'>
        <Skeleton width={240} height={40} />
        <Skeleton width={320} height={26} className='lb-skeleton-gap' />
      </View>
      <View className='card lb-podium'>
        {[104, 128, 104].map((size, i) => (
          <View key={i} className='lb-podium-slot fill-col'>
            <Skeleton width={size} height={size} round />
            <Skeleton width={120} height={28} className='lb-skeleton-gap' />
          </View>
        ))}
      </View>
      <View className='card lb-list'>
        {[0, 1, 2, 3].map((i) => (
          <View key={i} className='lb-row row divided'>
            <Skeleton width={72} height={72} round />
            <Skeleton width='50%' height={30} className='lb-skeleton-row' />
          </View>
        ))}
      </View>
    </View>
  )
}
