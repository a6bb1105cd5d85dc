import { useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Image, View, Text } from '@tarojs/components'
import { ErrorPage, ErrorCard } from '../../../components/error-state'
import LockedNotice from '../../../components/locked-notice'
import EmptyState from '../../../components/empty-state'
import EmptyAction from '../../../components/empty-state/action'
import ListFooter from '../../../components/list-footer'
import CheckinCard from '../../../components/checkin-card'
import CheckinCardSkeleton from '../../../components/checkin-card/card-skeleton'
import Skeleton from '../../../components/skeleton'
import { ChallengeFacts } from '../../../components/challenge-card'
import { ApiCallError } from '../../../services/api'
import { challengeChanged, challengeKey, refetchChallenges, useChallenge, useFeed, archiveChallenge, joinChallenge } from '../../../services/checkin'
import { useMe, setChallengeReminder } from '../../../services/member'
import { setQueryData } from '../../../services/use-query'
import { showError, useRefreshErrorToast } from '../../../services/show-error'
import type { ChallengeDetail } from '../../../../types/checkin'
import MonthCalendar from '../components/month-calendar'
import ProgressRing from '../components/progress-ring'
import { dayLabel } from '../components/china-dates'
import ActionBar from './action-bar'
import ChallengeRules from './rules'
import DepositCard from './deposit-card'
import { payDeposit, waitUntilJoined } from '../../../services/deposits'
import { openPayment } from '../../../services/payment'
import ReminderToggle from './reminder-toggle'
import ReportEntry from './report-entry'
import { SUBSCRIBE_FOR, prefetchSubscribeTemplates, requestSubscribe } from '../../../services/subscribe'
import { colors } from '../../../styles/tokens'
import { challengeFormUrl, composeUrl, routeParam, circleUrl } from '../../../services/routes'
import { isManager } from '../../../../types/roles'
import './index.css'

const PHASE_LABEL = { running: '进行中', upcoming: '未开始', ended: '已结束' } as const

export default function ChallengeDetailPage() {
  const id = routeParam(useRouter().params.id)
  const { data, error, loading, refetch } = useChallenge(id)
  const feed = useFeed('challenge', id)
  const { data: me } = useMe()
  const [joining, setJoining] = useState(false)
  const [remindersVersion, setRemindersVersion] = useState(0)
  useEffect(() => {
    void prefetchSubscribeTemplates()
  }, [])

  // Back from the composer (or the form): progress and counts may have moved.
  useDidShow(() => {
    if (data) void refetch()
  })
  usePullDownRefresh(() => {
    void Promise.all([refetch(), feed.refetch()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void feed.loadMore()
  })
  useRefreshErrorToast(error, data)

  if (loading) return <DetailSkeleton />
  if (!data) return <ErrorPage error={error} onRetry={refetch} />

  const { challenge, progress } = data
  const isHost = isManager(me?.role)
  const put = (next: ChallengeDetail) => {
    setQueryData(challengeKey(id), next)
    challengeChanged(next.challenge)
  }

  // A deposit challenge is joined by paying its deposit: the sandbox page on the dev host, WeChat's pay sheet in the mini-program.
  const payToJoin = async () => {
    setJoining(true)
    try {
      const { payment } = await payDeposit(id)
      const outcome = await openPayment(payment)
      if (outcome === 'paid') {
        // The payment's notify makes the member a participant: read again until it has.
        const joined = await waitUntilJoined(id)
        void Taro.showToast({ title: joined ? '押金已支付，已加入挑战' : '支付结果确认中，请稍后刷新', icon: 'none', duration: 2000 })
      } else if (outcome === 'cancelled') {
        void Taro.showToast({ title: '已取消支付', icon: 'none' })
      } else if (outcome === 'failed') {
        void Taro.showToast({ title: '支付未完成，请重试', icon: 'none' })
      }
    } catch (err) {
      showError(err)
    } finally {
      setJoining(false)
    }
  }

  const join = async () => {
    if ((challenge.depositFen ?? 0) > 0) return payToJoin()
    // Asked first, inside the tap: the two check-in reminders and tier-ups. Accepting a reminder turns it on.
    const asked = requestSubscribe(SUBSCRIBE_FOR.challengeJoin)
    setJoining(true)
    try {
      const accepted = await asked
      const joined = await joinChallenge({ challengeId: id })
      if (accepted.includes('checkinReminder') || accepted.includes('streakReminder')) {
        await setChallengeReminder({ challengeId: id, daily: accepted.includes('checkinReminder'), streak: accepted.includes('streakReminder') }).catch(() => undefined)
        setRemindersVersion((v) => v + 1)
      }
      const counted = !progress.joined && joined.joined
      put({ ...data, challenge: { ...challenge, participantCount: challenge.participantCount + (counted ? 1 : 0) }, progress: joined })
      void Taro.showToast({ title: '已加入挑战', icon: 'success', duration: 1500 })
    } catch (err) {
      showError(err)
    } finally {
      setJoining(false)
    }
  }

  const archive = async () => {
    const { confirm } = await Taro.showModal({ title: '归档这个挑战？', content: '归档后成员将看不到它，已有的打卡会保留。', confirmText: '归档', confirmColor: colors.danger })
    if (!confirm) return
    try {
      const archived = await archiveChallenge({ challengeId: id })
      put({ ...data, challenge: archived })
      void refetchChallenges()
      void Taro.showToast({ title: '已归档', icon: 'success' })
    } catch (err) {
      showError(err)
    }
  }

  const open = (url: string) => {
    void Taro.navigateTo({ url })
  }

  return (
    <View className='challenge-detail'>
      <View className='detail-cover'>
        {challenge.coverUrl ? (
          <Image className='detail-cover-img' src={challenge.coverUrl} mode='aspectFill' />
        ) : (
          <View className='detail-cover-blank row'>
            <Text>{Array.from(challenge.title)[0] ?? '战'}</Text>
          </View>
        )}
      </View>

      <View className='page detail-body'>
        <View className='card detail-head col'>
          <View className='detail-badges'>
            <Text className={`detail-phase detail-phase-${challenge.phase}`}>{PHASE_LABEL[challenge.phase]}</Text>
            {challenge.archived ? <Text className='detail-phase detail-phase-archived'>已归档</Text> : null}
          </View>
          <Text className='detail-title text-bold'>{challenge.title}</Text>
          <ChallengeFacts challenge={challenge} name='detail' big />
          {challenge.description ? <Text className='detail-desc text-prose'>{challenge.description}</Text> : null}
          {isHost ? (
            <View className='detail-host'>
              <View className='btn btn-ghost btn-small detail-host-btn' onClick={() => open(challengeFormUrl(id))}>
                编辑
              </View>
              {challenge.archived ? null : (
                <View
                  className='btn btn-small detail-host-btn detail-archive'
                  onClick={() => {
                    void archive()
                  }}>
                  归档
                </View>
              )}
            </View>
          ) : null}
        </View>

        {progress.joined ? (
          <View className='card detail-progress row'>
            <ProgressRing done={progress.daysDone} total={progress.daysTotal} size={200} />
            <View className='detail-progress-stats'>
              <ProgressStat value={progress.currentStreak} unit='天' label='当前连续' />
              <ProgressStat value={progress.longestStreak} unit='天' label='最长连续' />
              <ProgressStat value={progress.makeupCardsLeft} unit='次' label='补卡机会' />
            </View>
          </View>
        ) : null}

        {progress.completed ? <ReportEntry challengeId={id} /> : null}

        {progress.joined && challenge.phase !== 'ended' && !challenge.archived ? <ReminderToggle challengeId={id} version={remindersVersion} /> : null}

        <View className='card detail-calendar'>
          <MonthCalendar challenge={challenge} progress={progress} onMakeup={(date) => open(composeUrl(id, date))} />
          {progress.makeupableDates.length > 0 && challenge.phase !== 'upcoming' ? (
            <View className='detail-makeup'>
              <Text className='detail-makeup-title text-soft'>漏打的日子可以补卡（剩 {progress.makeupCardsLeft} 次）</Text>
              <View className='detail-makeup-list'>
                {progress.makeupableDates.map((date) => (
                  <View key={date} className='detail-makeup-chip tone-blue' data-date={date} onClick={() => open(composeUrl(id, date))}>
                    <Text>补卡 {dayLabel(date)}</Text>
                  </View>
                ))}
              </View>
            </View>
          ) : null}
        </View>

        {data.lock && !progress.joined ? (
          <View className='detail-locked'>
            <LockedNotice lock={data.lock} />
          </View>
        ) : null}
        <ChallengeRules challenge={challenge} />

        {(challenge.depositFen ?? 0) > 0 ? <DepositCard challenge={challenge} isHost={isHost} /> : null}

        <Text className='detail-section-title text-title detail-feed-title'>成员打卡</Text>
        {feed.loading ? <CheckinCardSkeleton count={1} /> : null}
        {feed.error instanceof ApiCallError && feed.error.code === 'FORBIDDEN' && challenge.circleId ? (
          // Members-only: the wall is for the circle; the way in is its page.
          <View className='detail-feed-locked'>
            <EmptyState
              glyph='锁'
              title='仅圈子成员可见'
              description={feed.error.message}
              action={<EmptyAction label='去加入圈子' className='detail-join-circle' onClick={() => Taro.navigateTo({ url: circleUrl(challenge.circleId!) })} />}
            />
          </View>
        ) : feed.error ? (
          <ErrorCard error={feed.error} onRetry={feed.refetch} />
        ) : null}
        {!feed.loading && !feed.error && feed.items.length === 0 ? (
          <EmptyState glyph='卡' title='还没有人打卡' description={challenge.phase === 'upcoming' ? '挑战开始后，大家的打卡会出现在这里。' : '成为第一个打卡的人吧。'} />
        ) : null}
        {feed.items.map((checkin) => (
          <CheckinCard key={checkin.id} checkin={checkin} showChallenge={false} />
        ))}
        {feed.items.length > 0 ? <ListFooter list={feed} /> : null}
      </View>

      <ActionBar
        challenge={challenge}
        progress={progress}
        circleName={data.circleName}
        inCircle={data.inCircle}
        lock={data.lock}
        onOpenCircle={() => {
          if (challenge.circleId) void Taro.navigateTo({ url: circleUrl(challenge.circleId) })
        }}
        joining={joining}
        onJoin={() => {
          void join()
        }}
        onCheckin={() => open(composeUrl(id))}
      />
    </View>
  )
}

function ProgressStat({ value, unit, label }: { value: number; unit: string; label: string }) {
  return (
    <View className='detail-progress-stat col'>
      <Text className='detail-progress-value text-bold'>
        {value}
        <Text className='detail-progress-unit text-note'> {unit}</Text>
      </Text>
      <Text className='detail-progress-label text-note'>{label}</Text>
    </View>
  )
}

function DetailSkeleton() {
  return (
    <View className='challenge-detail' aria-busy>
      <Skeleton width='100%' height={360} />
      <View className='page detail-body'>
        <View className='card detail-head col'>
          <Skeleton width={120} height={36} className='detail-skeleton-line' />
          <Skeleton width={420} height={44} className='detail-skeleton-line' />
          <Skeleton width={300} height={26} className='detail-skeleton-line' />
          <Skeleton width='100%' height={26} />
        </View>
        <View className='card'>
          <Skeleton width='100%' height={420} />
        </View>
      </View>
    </View>
  )
}
