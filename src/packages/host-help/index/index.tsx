import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Button } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import FormField from '../../../components/form-field'
import PagedList from '../../../components/paged-list'
import RadioRow from '../../../components/radio-row'
import Segmented from '../../../components/segmented'
import Skeleton from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { fetchEvents } from '../../../services/events'
import { HOST_HELP_KEY, PHASE_LABEL, PHASE_TONE, REWARD_LABEL, createHelpCampaign, fetchHelpLog, fetchHostHelpCampaigns, formatHelpTime, helpLogKey, pauseHelpCampaign } from '../../../services/help'
import { fetchCircles } from '../../../services/membership'
import { faceLabel, fetchHostCampaigns } from '../../../services/rewards'
import { showError } from '../../../services/show-error'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useQuery } from '../../../services/use-query'
import type { HelpLogEntry, HelpRewardInput, HelpRewardType, HostHelpCampaignView } from '../../../../types/help'
import './index.css'

const TYPES: ReadonlyArray<{ value: HelpRewardType; label: string }> = [
  { value: 'coupon', label: '优惠券' },
  { value: 'event', label: '活动名额' },
  { value: 'trial', label: '圈子体验' }
]
type Double = 'yes' | 'no'
const DOUBLES: ReadonlyArray<{ value: Double; label: string }> = [
  { value: 'yes', label: '新成员算 2 位' },
  { value: 'no', label: '都算 1 位' }
]
type TaskLength = '24' | '48' | '72'
const TASK_LENGTHS: ReadonlyArray<{ value: TaskLength; label: string }> = [
  { value: '24', label: '24 小时' },
  { value: '48', label: '48 小时' },
  { value: '72', label: '72 小时' }
]
type RunFor = '3' | '7' | '14' | '30'
const RUNS: ReadonlyArray<{ value: RunFor; label: string }> = [
  { value: '3', label: '3 天' },
  { value: '7', label: '7 天' },
  { value: '14', label: '14 天' },
  { value: '30', label: '30 天' }
]
const DAY = 24 * 3600_000

interface Candidate {
  key: string
  reward: HelpRewardInput
  name: string
  detail: string
  /** An event's signup deadline: the campaign must end before it. */
  endsBy: number | null
}

async function candidatesFor(type: HelpRewardType): Promise<Candidate[]> {
  if (type === 'coupon') {
    const now = Date.now()
    const campaigns = (await fetchHostCampaigns({})).items.filter((c) => !c.stoppedAt && c.validTo > now && c.remaining > 0)
    return campaigns.map((c) => ({
      key: c.id,
      reward: { type: 'coupon' as const, campaignId: c.id },
      name: c.name,
      detail: `${faceLabel(c)} · 剩 ${c.remaining} 张${c.channel === 'reward' ? ' · 奖励券' : ''}`,
      endsBy: null
    }))
  }
  if (type === 'event') {
    const events = (await fetchEvents({ when: 'upcoming' })).items.filter((e) => e.status === 'scheduled' && e.seatsLeft > 0)
    return events.map((e) => ({ key: e.id, reward: { type: 'event' as const, eventId: e.id }, name: e.title, detail: `剩 ${e.seatsLeft} 个名额`, endsBy: e.signupDeadline }))
  }
  const circles = (await fetchCircles({})).items.filter((c) => !c.archived)
  return circles.map((c) => ({ key: c.id, reward: { type: 'trial' as const, circleId: c.id, days: 7 }, name: c.name, detail: c.kind === 'free' ? '免费圈子' : '付费圈子', endsBy: null }))
}

export default function HostHelpPage() {
  const list = usePagedQuery<HostHelpCampaignView>(HOST_HELP_KEY, (after) => fetchHostHelpCampaigns({ after }))
  return (
    <PagedList
      list={list}
      className='hhp-page'
      header={<CreateForm onCreated={() => void list.refetch()} />}
      skeleton={
        <View className='page hhp-page' aria-busy>
          {[0, 1].map((i) => (
            <View key={i} className='card'>
              <Skeleton width='100%' height={140} />
            </View>
          ))}
        </View>
      }
      empty={<EmptyState glyph='助' title='还没有助力活动' description='在上面选一个奖励，设好人数和时间，成员就能邀请好友助力' />}>
      {(items) => items.map((campaign) => <CampaignCard key={campaign.id} campaign={campaign} onChanged={() => void list.refetch()} />)}
    </PagedList>
  )
}

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const [type, setType] = useState<HelpRewardType>('coupon')
  const candidates = useQuery<Candidate[]>(`hostHelp.candidates.${type}`, () => candidatesFor(type))
  const [picked, setPicked] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [days, setDays] = useState('7')
  const [need, setNeed] = useState('3')
  const [double, setDouble] = useState<Double>('yes')
  const [cap, setCap] = useState('3')
  const [taskHours, setTaskHours] = useState<TaskLength>('24')
  const [runFor, setRunFor] = useState<RunFor>('7')
  const [sending, setSending] = useState(false)
  const chosen = candidates.data?.find((c) => c.key === picked) ?? null

  const submit = async () => {
    if (sending) return
    const n = Number(need)
    const dailyCap = Number(cap)
    const trialDays = Number(days)
    if (!chosen) return void Taro.showToast({ title: '请选择奖励', icon: 'none' })
    if (!Number.isInteger(n) || n < 2 || n > 50) return void Taro.showToast({ title: '助力人数需在 2–50 之间', icon: 'none' })
    if (!Number.isInteger(dailyCap) || dailyCap < 1 || dailyCap > 20) return void Taro.showToast({ title: '每人每日助力次数需在 1–20 之间', icon: 'none' })
    if (type === 'trial' && (!Number.isInteger(trialDays) || trialDays < 1 || trialDays > 90)) return void Taro.showToast({ title: '体验天数需在 1–90 之间', icon: 'none' })
    const reward: HelpRewardInput = chosen.reward.type === 'trial' ? { ...chosen.reward, days: trialDays } : chosen.reward
    const wanted = Date.now() + Number(runFor) * DAY
    const endAt = chosen.endsBy ? Math.min(wanted, chosen.endsBy) : wanted
    setSending(true)
    try {
      await createHelpCampaign({
        title: title.trim() || `邀好友助力领${chosen.name}`.slice(0, 30),
        reward,
        need: n,
        newMemberDouble: double === 'yes',
        dailyCap,
        taskHours: Number(taskHours),
        endAt
      })
      void Taro.showToast({ title: '已发布', icon: 'success' })
      setTitle('')
      onCreated()
    } catch (err) {
      showError(err)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='card hhp-form'>
      <Text className='hhp-form-title'>发起好友助力</Text>
      <Segmented
        className='hhp-types'
        options={TYPES}
        value={type}
        onChange={(value) => {
          setType(value)
          setPicked(null)
        }}
      />
      <View className='hhp-candidates'>
        {candidates.loading ? <Skeleton width='100%' height={80} /> : null}
        {candidates.data && candidates.data.length === 0 ? <Text className='muted'>没有可以作为奖励的{TYPES.find((t) => t.value === type)!.label}</Text> : null}
        {(candidates.data ?? []).map((c) => (
          <RadioRow key={c.key} on={picked === c.key} onSelect={() => setPicked(c.key)} className='hhp-candidate' data={{ key: c.key }}>
            <View className='hhp-candidate-body'>
              <Text className='hhp-candidate-name'>{c.name}</Text>
              <Text className='hhp-candidate-detail'>{c.detail}</Text>
            </View>
          </RadioRow>
        ))}
      </View>
      {type === 'trial' ? (
        <FormField label='体验天数' suffix='天'>
          <Input className='form-field-input hhp-days' type='number' value={days} maxlength={2} onInput={(e) => setDays(e.detail.value)} />
        </FormField>
      ) : null}
      <FormField label='标题' hint='分享卡片和列表上显示，留空用奖励名'>
        <Input className='form-field-input hhp-title' value={title} maxlength={30} placeholder='如：邀 3 位好友助力领 20 元券' onInput={(e) => setTitle(e.detail.value)} />
      </FormField>
      <FormField label='助力人数' suffix='人' hint='集满即解锁奖励，每人只发一次'>
        <Input className='form-field-input hhp-need' type='number' value={need} maxlength={2} onInput={(e) => setNeed(e.detail.value)} />
      </FormField>
      <FormField label='新成员' layout='column'>
        <Segmented className='hhp-double' options={DOUBLES} value={double} onChange={setDouble} />
      </FormField>
      <FormField label='每人每日' suffix='次' hint='一位好友每天最多为几个任务助力'>
        <Input className='form-field-input hhp-cap' type='number' value={cap} maxlength={2} onInput={(e) => setCap(e.detail.value)} />
      </FormField>
      <FormField label='任务时长' layout='column'>
        <Segmented className='hhp-task-hours' options={TASK_LENGTHS} value={taskHours} onChange={setTaskHours} />
      </FormField>
      <FormField label='活动持续' layout='column'>
        <Segmented className='hhp-run' options={RUNS} value={runFor} onChange={setRunFor} />
      </FormField>
      <Button className={`btn btn-primary hhp-submit ${sending ? 'btn-disabled' : ''}`} disabled={sending || undefined} onClick={() => void submit()}>
        {sending ? '发布中…' : '发布助力'}
      </Button>
    </View>
  )
}

function CampaignCard({ campaign, onChanged }: { campaign: HostHelpCampaignView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const [showLog, setShowLog] = useState(false)
  const m = campaign.measures
  const toggle = async () => {
    setBusy(true)
    try {
      await pauseHelpCampaign({ campaignId: campaign.id, paused: !campaign.paused })
      onChanged()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card hhp-campaign' data-id={campaign.id}>
      <View className='hhp-campaign-head'>
        <Tag tone={PHASE_TONE[campaign.phase]}>{PHASE_LABEL[campaign.phase]}</Tag>
        <Text className='hhp-campaign-kind'>{REWARD_LABEL[campaign.rewardType]}</Text>
      </View>
      <Text className='hhp-campaign-title'>{campaign.title}</Text>
      <Text className='hhp-campaign-line'>
        {campaign.rewardName} · {campaign.need} 人{campaign.newMemberDouble ? '（新成员算 2 位）' : ''} · 每人每日 {campaign.dailyCap} 次 · 任务 {campaign.taskHours} 小时 ·{' '}
        {formatHelpTime(campaign.endAt)} 截止
      </Text>
      <View className='hhp-measures'>
        <Measure label='发起' value={m.started} />
        <Measure label='完成' value={m.completed} />
        <Measure label='奖励发放' value={m.rewardsGranted} />
        <Measure label='新成员' value={m.newMembers} />
        <Measure label='助力次数' value={m.helps} />
      </View>
      <View className='hhp-actions'>
        <Button className='btn btn-small btn-ghost hhp-log-toggle' onClick={() => setShowLog(!showLog)}>
          {showLog ? '收起记录' : '助力记录'}
        </Button>
        {campaign.phase !== 'ended' ? (
          <Button className={`btn btn-small btn-ghost hhp-pause ${busy ? 'btn-disabled' : ''}`} disabled={busy || undefined} onClick={() => void toggle()}>
            {campaign.paused ? '恢复' : '暂停'}
          </Button>
        ) : null}
      </View>
      {showLog ? <HelpLog campaignId={campaign.id} /> : null}
    </View>
  )
}

function HelpLog({ campaignId }: { campaignId: string }) {
  const log = useQuery<HelpLogEntry[]>(helpLogKey(campaignId), async () => (await fetchHelpLog({ campaignId })).items)
  if (log.loading) return <Skeleton width='100%' height={80} />
  if (!log.data || log.data.length === 0) return <Text className='muted hhp-log-empty'>还没有助力记录</Text>
  return (
    <View className='hhp-log'>
      {log.data.map((entry) => (
        <View key={entry.id} className='hhp-log-row'>
          <Text className='hhp-log-who'>
            {entry.helperNickname} 帮 {entry.ownerNickname} 助力{entry.weight > 1 ? ' ×2' : ''}
          </Text>
          <Text className='hhp-log-meta'>
            {entry.newMember ? '新成员 · ' : ''}
            {formatHelpTime(entry.at)}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Measure({ label, value }: { label: string; value: number }) {
  return (
    <View className='hhp-measure'>
      <Text className='hhp-measure-value'>{value}</Text>
      <Text className='hhp-measure-label'>{label}</Text>
    </View>
  )
}
