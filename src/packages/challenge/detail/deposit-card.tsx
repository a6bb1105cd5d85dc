import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { Challenge } from '../../../../types/checkin'
import type { DepositSettlementView, DepositStatusView } from '../../../../types/deposits'
import Skeleton from '../../../components/skeleton'
import ErrorState, { ErrorCard } from '../../../components/error-state'
import Tag from '../../../components/tag'
import { FORFEIT_LABEL, confirmShare, outcomeLine, useDepositSettlement, useDepositStatus } from '../../../services/deposits'
import { formatFen } from '../../../utils/format'
import { chinaTime } from '../../../utils/china-time'
import './deposit-card.css'

const when = (at: number) => chinaTime(at).format('M月D日 HH:mm')

/**
 * 押金: the amount, what happens to forfeits and the completion rule, stated
 * before anyone pays; the pool so far (precomputed on the challenge); after
 * the end the member's outcome; hosts also see the settlement report.
 */
export default function DepositCard({ challenge, isHost }: { challenge: Challenge; isHost: boolean }) {
  const { data, error, loading, refetch } = useDepositStatus(challenge.id, true)
  useDidShow(() => {
    if (data) void refetch()
  })
  if (loading && !data) {
    return (
      <View className='card deposit-card' aria-busy>
        <Skeleton width='60%' height={36} className='deposit-skeleton-line' />
        <Skeleton width='100%' height={26} />
      </View>
    )
  }
  if (!data) {
    return <ErrorCard error={error} onRetry={refetch} className='deposit-card' />
  }
  return (
    <View className='card deposit-card'>
      <View className='deposit-head'>
        <Text className='detail-section-title text-title deposit-title'>押金挑战</Text>
        <Text className='deposit-amount'>{formatFen(data.depositFen)}</Text>
      </View>
      <View className='detail-rule'>
        <Text className='detail-rule-label'>完成规则</Text>
        <Text className='detail-rule-value'>{data.rule}，完成者押金全额退还</Text>
      </View>
      <View className='detail-rule'>
        <Text className='detail-rule-label'>未完成</Text>
        <Text className='detail-rule-value deposit-forfeit'>
          {FORFEIT_LABEL[data.forfeitTo]}
          {data.forfeitTo === 'completers' ? '（按分平分，余数按交押金先后每人 1 分；无人完成则归主理人）' : ''}
        </Text>
      </View>
      <View className='detail-rule'>
        <Text className='detail-rule-label'>押金池</Text>
        <Text className='detail-rule-value deposit-pool'>
          {formatFen(data.poolFen)} · {data.depositors} 人已交押金
        </Text>
      </View>
      <View className='detail-rule'>
        <Text className='detail-rule-label'>结算时间</Text>
        <Text className='detail-rule-value'>{data.settled ? `已结算：${data.completers} 人完成，${data.failed} 人未完成` : `${when(data.settlesAt)} 后自动结算`}</Text>
      </View>
      {data.mine ? <MyOutcome view={data} /> : null}
      {isHost ? <SettlementReport challengeId={challenge.id} /> : null}
    </View>
  )
}

function MyOutcome({ view }: { view: DepositStatusView }) {
  const mine = view.mine!
  const tone = mine.outcome === 'completed' ? 'green' : mine.outcome === 'failed' ? 'red' : 'grey'
  return (
    <View className={`deposit-mine row deposit-mine-${mine.outcome}`}>
      <Tag tone={tone}>{{ held: '挑战中', completed: '已完成', failed: '未完成', withdrawn: '已退出' }[mine.outcome]}</Tag>
      <Text className='deposit-mine-line text-value'>{outcomeLine(mine)}</Text>
      {mine.shareConfirm ? (
        <View
          className='btn btn-primary btn-small deposit-claim'
          onClick={() => {
            void confirmShare(mine)
          }}>
          领取 {formatFen(mine.shareFen)}
        </View>
      ) : null}
    </View>
  )
}

function SettlementReport({ challengeId }: { challengeId: string }) {
  const { data, error, refetch } = useDepositSettlement(challengeId)
  if (!data) return error ? <ErrorState error={error} onRetry={refetch} /> : null
  return <Report report={data} />
}

function Report({ report }: { report: DepositSettlementView }) {
  const rows: Array<[string, string]> = [
    ['押金收入', `${formatFen(report.depositsInFen)}（${report.depositCount} 笔）`],
    ['退还押金', formatFen(report.refundsFen)],
    ['奖池', `${formatFen(report.poolFen)}（${report.failed} 人未完成，${report.withdrawn} 人中途退款）`],
    [
      '完成者分成',
      report.completers > 0 && report.sharesFen > 0
        ? `${formatFen(report.sharesFen)}：${report.completers} 人每人 ${formatFen(report.shareBaseFen)}${report.remainderFen > 0 ? `，余 ${report.remainderFen} 分给最早交押金的 ${report.remainderFen} 人` : ''}`
        : formatFen(0)
    ],
    ['归主理人', formatFen(report.hostFen)],
    ['转账', `已到账 ${report.transfers.paid} 笔，待领取 ${report.transfers.waiting} 笔，失败 ${report.transfers.failed} 笔`]
  ]
  const statusText = { open: '未到结算时间', classifying: '结算中', paying: '退款与分成发放中', settled: report.balanced ? '已结算 · 账目平衡' : '已结算 · 账目不平，请核对' }[report.status]
  return (
    <View className='deposit-report'>
      <View className='deposit-report-head row-between'>
        <Text className='deposit-report-title text-value'>结算报告</Text>
        <Text className={`deposit-report-status ${report.status === 'settled' && !report.balanced ? 'deposit-report-bad' : ''}`}>{statusText}</Text>
      </View>
      {report.status === 'open' ? null : (
        <>
          {rows.map(([label, value]) => (
            <View key={label} className='detail-rule'>
              <Text className='detail-rule-label'>{label}</Text>
              <Text className='detail-rule-value'>{value}</Text>
            </View>
          ))}
          <Text className='deposit-report-identity text-meta'>
            押金收入 {formatFen(report.depositsInFen)} = 退还 {formatFen(report.refundsFen)} + 分成 {formatFen(report.sharesFen)} + 主理人 {formatFen(report.hostFen)}
          </Text>
        </>
      )}
    </View>
  )
}
