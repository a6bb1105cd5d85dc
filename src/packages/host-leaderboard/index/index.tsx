import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Picker } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import ErrorState, { ErrorCard } from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { fetchAllPages } from '../../../services/fetch-all-pages'
import { showError } from '../../../services/show-error'
import { useSubmit } from '../../../services/use-submit'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useQuery } from '../../../services/use-query'
import { chinaTime } from '../../../utils/china-time'
import type { CampaignView } from '../../../../types/coupons'
import type { BoardView, ContestInput, ContestView } from '../../../../types/leaderboard'
import type { Page } from '../../../../types/page'
import ContestCard from '../../leaderboard/contests/contest-card'
import { CONTESTS_KEY, boardKey, cancelContest, createContest, fetchBoard, fetchContests, setBoardRewards, updateContest } from '../../../services/leaderboard'
import ConfirmDialog, { DialogText } from '../../../components/confirm-dialog'
import { CAMPAIGNS_KEY, fetchCampaigns } from '../../../services/rewards'
import './index.css'

const MAX_PLACES = 10
const DAY_MS = 24 * 3600_000

/** 2026-12-01 + 09:00 read as China time → epoch ms, or null. */
function chinaInstant(date: string, time: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null
  const at = Date.parse(`${date}T${time}:00+08:00`)
  return Number.isFinite(at) ? at : null
}

const points = (value: string): number | null => (/^\d{1,6}$/.test(value.trim()) && Number(value) <= 100000 ? Number(value) : null)

export default function HostLeaderboardPage() {
  const contests = usePagedQuery<ContestView>(CONTESTS_KEY, (after) => fetchContests({ after }))
  const week = useQuery<BoardView>(boardKey({ kind: 'pointsWeek', period: 'current' }), () => fetchBoard({ kind: 'pointsWeek', period: 'current' }))
  const month = useQuery<BoardView>(boardKey({ kind: 'pointsMonth', period: 'current' }), () => fetchBoard({ kind: 'pointsMonth', period: 'current' }))
  // 编辑 fills the form above with the contest; 取消 asks first. Both only before the start.
  const [editing, setEditing] = useState<ContestView | null>(null)
  const [cancelling, setCancelling] = useState<ContestView | null>(null)
  const [cancelBusy, setCancelBusy] = useState(false)
  const confirmCancel = async () => {
    if (!cancelling) return
    setCancelBusy(true)
    try {
      await cancelContest({ contestId: cancelling.id })
      void Taro.showToast({ title: '邀请赛已取消', icon: 'success' })
      setCancelling(null)
      await contests.refetch()
    } catch (err) {
      showError(err)
    } finally {
      setCancelBusy(false)
    }
  }

  return (
    <View className='page hlb-page'>
      <Text className='hlb-section section-title'>{editing ? `编辑「${editing.title}」` : '创建邀请赛'}</Text>
      <ContestForm
        editing={editing}
        onCancelEdit={() => setEditing(null)}
        onCreated={() => {
          setEditing(null)
          void contests.refetch()
        }}
      />

      <Text className='hlb-section section-title'>榜单奖励</Text>
      {week.loading || month.loading ? (
        <View className='card'>
          <Skeleton width='100%' height={240} />
        </View>
      ) : null}
      {!week.loading && !month.loading && (!week.data || !month.data) ? (
        <View className='card'>
          <ErrorState
            error={week.error ?? month.error}
            onRetry={() => {
              void week.refetch()
              void month.refetch()
            }}
          />
        </View>
      ) : null}
      {week.data && month.data ? (
        <RewardsForm
          weekly={week.data.rewards}
          monthly={month.data.rewards}
          onSaved={() => {
            void week.refetch()
            void month.refetch()
          }}
        />
      ) : null}

      <Text className='hlb-section section-title'>邀请赛</Text>
      {contests.loading ? (
        <View className='card'>
          <Skeleton width='100%' height={200} />
        </View>
      ) : null}
      {!contests.loading && contests.error ? <ErrorCard error={contests.error} onRetry={contests.refetch} /> : null}
      {!contests.loading && !contests.error && contests.items.length === 0 ? (
        <View className='card hlb-empty'>
          <Text className='muted'>还没有邀请赛，在上面创建第一场</Text>
        </View>
      ) : null}
      {contests.items.map((contest) => (
        <View key={contest.id} className={`hlb-contest ${contest.cancelled ? 'is-cancelled' : ''}`}>
          <ContestCard contest={contest} />
          {contest.cancelled ? (
            <Text className='hlb-contest-note muted'>已取消，预留的奖品券已退回</Text>
          ) : contest.phase === 'upcoming' ? (
            <View className='hlb-contest-actions'>
              <Text
                className='btn btn-small btn-ghost hlb-contest-edit'
                onClick={() => {
                  setEditing(contest)
                  void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
                }}>
                编辑
              </Text>
              <Text className='btn btn-small btn-danger hlb-contest-cancel' onClick={() => setCancelling(contest)}>
                取消
              </Text>
            </View>
          ) : null}
        </View>
      ))}
      {cancelling ? (
        <ConfirmDialog
          title={`取消「${cancelling.title}」？`}
          confirmText='取消邀请赛'
          cancelText='再想想'
          busyText='取消中…'
          busy={cancelBusy}
          danger
          className='hlb-cancel-dialog'
          onConfirm={() => {
            void confirmCancel()
          }}
          onCancel={() => setCancelling(null)}>
          <DialogText>邀请赛还没开始，取消后不再计入邀请；为奖品预留的券会退回到各自的优惠券活动。</DialogText>
        </ConfirmDialog>
      ) : null}
      {contests.hasMore ? (
        <View
          className='hlb-more text-desc'
          onClick={() => {
            void contests.loadMore()
          }}>
          <Text>{contests.loadingMore ? '加载中…' : '加载更多'}</Text>
        </View>
      ) : null}
    </View>
  )
}

type Three<T> = [T, T, T]

interface ContestDraft {
  title: string
  startDate: string
  startTime: string
  endDate: string
  endTime: string
  /** Points by place, as typed. */
  prizes: Three<string>
  /** The prize coupon campaign by place, or null for none. */
  coupons: Three<string | null>
}

function emptyDraft(): ContestDraft {
  const start = chinaTime(Date.now() + DAY_MS).format('YYYY-MM-DD')
  const end = chinaTime(Date.now() + 14 * DAY_MS).format('YYYY-MM-DD')
  return { title: '', startDate: start, startTime: '00:00', endDate: end, endTime: '23:59', prizes: ['500', '300', '100'], coupons: [null, null, null] }
}

/** The form filled from a contest being edited (China time). */
function draftOf(c: ContestView): ContestDraft {
  const at = (ms: number) => chinaTime(ms)
  return {
    title: c.title,
    startDate: at(c.startAt).format('YYYY-MM-DD'),
    startTime: at(c.startAt).format('HH:mm'),
    endDate: at(c.endAt).format('YYYY-MM-DD'),
    endTime: at(c.endAt).format('HH:mm'),
    prizes: c.prizes.map((p) => String(p.points)) as Three<string>,
    coupons: c.prizes.map((p) => p.couponCampaignId) as Three<string | null>
  }
}

function ContestForm({ onCreated, editing, onCancelEdit }: { onCreated: () => void; editing: ContestView | null; onCancelEdit: () => void }) {
  const [draft, setDraft] = useState<ContestDraft>(emptyDraft)
  const editingId = editing?.id ?? ''
  useEffect(() => {
    setDraft(editing ? draftOf(editing) : emptyDraft())
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill only when another contest is picked
  }, [editingId])
  const { busy: saving, error, setError, run } = useSubmit()
  // The host sees every campaign, prize-only ones too; expired ones cannot be prizes.
  const campaigns = useQuery<Page<CampaignView>>(`${CAMPAIGNS_KEY}.all`, () => fetchAllPages((after) => fetchCampaigns({ after })))
  // Back from publishing a campaign: show it.
  useEffect(() => {
    if (campaigns.data) void campaigns.refetch()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once on mount: refresh a list already cached
  }, [])
  const choices = (campaigns.data?.items ?? []).filter((c) => c.validTo > Date.now())
  const choiceLabels = ['不送券', ...choices.map((c) => `${c.name} · 剩 ${Math.max(0, c.stock - c.claimed)} 张`)]
  const set = (patch: Partial<ContestDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setError('')
  }
  const setAt = <K extends 'prizes' | 'coupons'>(key: K, i: number, value: ContestDraft[K][number]) => {
    const next = [...draft[key]] as ContestDraft[K]
    next[i] = value
    set({ [key]: next })
  }

  const submit = async () => {
    if (saving) return
    const title = draft.title.trim()
    const startAt = chinaInstant(draft.startDate, draft.startTime)
    const endAt = chinaInstant(draft.endDate, draft.endTime)
    const prizes = draft.prizes.map(points)
    const problem = !title
      ? '请填写标题'
      : startAt === null || endAt === null
        ? '请选择开始和结束时间'
        : endAt <= startAt
          ? '结束时间要晚于开始时间'
          : prizes.some((p) => p === null)
            ? '奖励积分需为 0–100000 的整数'
            : ''
    if (problem) {
      setError(problem)
      return
    }
    await run(async () => {
      const withCoupons = prizes.map((points, i) => ({ points: points!, couponCampaignId: draft.coupons[i] })) as ContestInput['prizes']
      if (editing) await updateContest({ contestId: editing.id, title, startAt: startAt!, endAt: endAt!, prizes: withCoupons })
      else await createContest({ title, startAt: startAt!, endAt: endAt!, prizes: withCoupons })
      void Taro.showToast({ title: editing ? '已保存' : '邀请赛已创建', icon: 'success' })
      setDraft(emptyDraft())
      onCreated()
    })
  }

  return (
    <View className='card hlb-card hlb-contest-form'>
      <View className='hlb-row row'>
        <Text className='hlb-label text-body'>标题</Text>
        <TextInput
          className='hlb-input hlb-title-input'
          value={draft.title}
          maxlength={40}
          placeholder='如：12 月邀请赛'
          placeholderClass='hlb-placeholder'
          onValue={(value) => set({ title: value })}
        />
      </View>
      <When label='开始' date={draft.startDate} time={draft.startTime} onDate={(v) => set({ startDate: v })} onTime={(v) => set({ startTime: v })} />
      <When label='结束' date={draft.endDate} time={draft.endTime} onDate={(v) => set({ endDate: v })} onTime={(v) => set({ endTime: v })} />
      <View className='hlb-prizes'>
        <Text className='hlb-label text-body'>奖励</Text>
        {draft.prizes.map((value, i) => {
          const picked = choices.findIndex((c) => c.id === draft.coupons[i])
          return (
            <View key={i} className={`hlb-prize row hlb-prize-place-${i + 1}`}>
              <Text className='hlb-prize-place text-label'>第 {i + 1} 名</Text>
              <TextInput className={`hlb-prize-input hlb-prize-${i + 1}`} type='number' value={value} maxlength={6} onValue={(value) => setAt('prizes', i, value)} />
              <Text className='hlb-prize-unit text-meta'>积分</Text>
              <Picker className='hlb-prize-picker' mode='selector' range={choiceLabels} value={picked + 1} onChange={(e) => setAt('coupons', i, choices[Number(e.detail.value) - 1]?.id ?? null)}>
                <View className={`hlb-prize-coupon row ${picked >= 0 ? 'hlb-prize-coupon-on' : ''}`}>
                  <Text className='hlb-prize-coupon-name text-meta ellipsis'>{picked >= 0 ? choices[picked].name : '不送券'}</Text>
                  <Text className='hlb-prize-chevron'>›</Text>
                </View>
              </Picker>
            </View>
          )
        })}
      </View>
      <Text className='hlb-hint text-meta'>均为北京时间；按邀请并激活的好友人数排名，结束后前 3 名获得积分和所选奖品券</Text>
      {choices.length === 0 && !campaigns.loading ? <Text className='hlb-hint text-meta'>还没有可作奖品的券：在「发布优惠券」中选择仅作奖品</Text> : null}
      {error ? <Text className='hlb-error text-error'>{error}</Text> : null}
      <View
        className={`btn btn-primary hlb-submit hlb-create ${saving ? 'btn-disabled' : ''}`}
        onClick={() => {
          void submit()
        }}>
        {editing ? (saving ? '保存中…' : '保存修改') : saving ? '创建中…' : '创建邀请赛'}
      </View>
      {editing ? (
        <View className='btn btn-ghost hlb-submit hlb-edit-cancel' onClick={onCancelEdit}>
          放弃修改
        </View>
      ) : null}
    </View>
  )
}

function When({ label, date, time, onDate, onTime }: { label: string; date: string; time: string; onDate: (v: string) => void; onTime: (v: string) => void }) {
  return (
    <View className='hlb-row row'>
      <Text className='hlb-label text-body'>{label}</Text>
      <Picker mode='date' value={date} onChange={(e) => onDate(String(e.detail.value))}>
        <View className='hlb-pick text-body'>{date}</View>
      </Picker>
      <Picker mode='time' value={time} onChange={(e) => onTime(String(e.detail.value))}>
        <View className='hlb-pick text-body hlb-pick-time'>{time}</View>
      </Picker>
    </View>
  )
}

function RewardsForm({ weekly, monthly, onSaved }: { weekly: number[]; monthly: number[]; onSaved: () => void }) {
  const [week, setWeek] = useState<string[]>(() => weekly.map(String))
  const [month, setMonth] = useState<string[]>(() => monthly.map(String))
  const { busy: saving, error, setError, run } = useSubmit()
  // Keyed by the values, not the arrays (new on every render), so a reload resets the form without a loop.
  const weeklyKey = weekly.join(',')
  const monthlyKey = monthly.join(',')
  useEffect(() => {
    setWeek(weeklyKey ? weeklyKey.split(',') : [])
  }, [weeklyKey])
  useEffect(() => {
    setMonth(monthlyKey ? monthlyKey.split(',') : [])
  }, [monthlyKey])

  const save = async () => {
    if (saving) return
    const w = week.map(points)
    const m = month.map(points)
    if ([...w, ...m].some((p) => p === null)) {
      setError('奖励积分需为 0–100000 的整数')
      return
    }
    await run(async () => {
      const saved = await setBoardRewards({ weekly: w as number[], monthly: m as number[] })
      setWeek(saved.weekly.map(String))
      setMonth(saved.monthly.map(String))
      void Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved()
    })
  }

  return (
    <View className='card hlb-card hlb-rewards'>
      {[
        { title: '周榜', name: 'weekly', values: week, setValues: setWeek },
        { title: '月榜', name: 'monthly', values: month, setValues: setMonth }
      ].map((board) => (
        <Places
          key={board.name}
          title={board.title}
          name={board.name}
          values={board.values}
          onChange={(v) => {
            board.setValues(v)
            setError('')
          }}
        />
      ))}
      <Text className='hlb-hint text-meta'>每期结束后按名次发放积分（最多 {MAX_PLACES} 名），新人榜同样适用</Text>
      {error ? <Text className='hlb-error text-error'>{error}</Text> : null}
      <View
        className={`btn btn-primary hlb-submit hlb-save-rewards ${saving ? 'btn-disabled' : ''}`}
        onClick={() => {
          void save()
        }}>
        {saving ? '保存中…' : '保存奖励'}
      </View>
    </View>
  )
}

function Places({ title, name, values, onChange }: { title: string; name: string; values: string[]; onChange: (values: string[]) => void }) {
  return (
    <View className={`hlb-places hlb-places-${name}`}>
      <Text className='hlb-places-title text-name'>{title}</Text>
      {values.length === 0 ? <Text className='hlb-hint text-meta'>未设置奖励</Text> : null}
      {values.map((value, i) => (
        <View key={i} className='hlb-place row'>
          <Text className='hlb-place-label text-label'>第 {i + 1} 名</Text>
          <TextInput
            className='hlb-place-input'
            type='number'
            value={value}
            maxlength={6}
            placeholder='0'
            placeholderClass='hlb-placeholder'
            onValue={(value) => onChange(values.map((v, j) => (j === i ? value : v)))}
          />
          <Text className='hlb-place-unit text-meta'>积分</Text>
          <Text className='hlb-place-remove text-error' onClick={() => onChange(values.filter((_, j) => j !== i))}>
            删除
          </Text>
        </View>
      ))}
      {values.length < MAX_PLACES ? (
        <Text className='hlb-place-add text-link' onClick={() => onChange([...values, '0'])}>
          ＋ 添加名次
        </Text>
      ) : null}
    </View>
  )
}
