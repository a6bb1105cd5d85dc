import { useState } from 'react'
import Taro from '@tarojs/taro'
import { ChoiceField, InputField } from '../../../components/form-field'
import { HostPlayList, PlayTitleField, LogRow, PlayForm, PlayLog, TargetPicker, usePlayFields, useTargetChoice } from '../../../components/play-admin'
import { optionsOf, unitOptions, type OptionValue } from '../../../components/segmented/options'
import { fetchEvents } from '../../../services/events'
import { HOST_HELP_KEY, PHASE_LABEL, PHASE_TONE, REWARD_LABEL, createHelpCampaign, fetchHelpLog, fetchHostHelpCampaigns, formatHelpTime, helpLogKey, pauseHelpCampaign } from '../../../services/help'
import { fetchCircles } from '../../../services/membership'
import { faceLabel, fetchHostCampaigns } from '../../../services/rewards'
import type { HelpLogEntry, HelpRewardInput, HelpRewardType, HostHelpCampaignView } from '../../../../types/help'

const TYPES = optionsOf<HelpRewardType>({ coupon: '优惠券', event: '活动名额', trial: '圈子体验' })
type Double = 'yes' | 'no'
const DOUBLES = optionsOf<Double>({ yes: '新成员算 2 位', no: '都算 1 位' })
const TASK_LENGTHS = unitOptions(['24', '48', '72'] as const, '小时')
const RUNS = unitOptions(['3', '7', '14', '30'] as const, '天')
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
  return (
    <HostPlayList
      queryKey={HOST_HELP_KEY}
      fetchPage={(after) => fetchHostHelpCampaigns({ after })}
      className='hhp-page'
      cardClassName='hhp-campaign'
      form={(onCreated) => <CreateForm onCreated={onCreated} />}
      empty={{ glyph: '助', title: '还没有助力活动', description: '在上面选一个奖励，设好人数和时间，成员就能邀请好友助力' }}
      card={(campaign: HostHelpCampaignView) => ({
        tag: { tone: PHASE_TONE[campaign.phase], label: PHASE_LABEL[campaign.phase] },
        kind: REWARD_LABEL[campaign.rewardType],
        title: campaign.title,
        line: `${campaign.rewardName} · ${campaign.need} 人${campaign.newMemberDouble ? '（新成员算 2 位）' : ''} · 每人每日 ${campaign.dailyCap} 次 · 任务 ${campaign.taskHours} 小时 · ${formatHelpTime(campaign.endAt)} 截止`,
        measures: [
          ['发起', campaign.measures.started],
          ['完成', campaign.measures.completed],
          ['奖励发放', campaign.measures.rewardsGranted],
          ['新成员', campaign.measures.newMembers],
          ['助力次数', campaign.measures.helps]
        ],
        ended: campaign.phase === 'ended',
        onPause: (paused) => pauseHelpCampaign({ campaignId: campaign.id, paused }),
        log: { label: '助力记录', render: () => <HelpLog campaignId={campaign.id} /> }
      })}
    />
  )
}

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const choice = useTargetChoice('hostHelp', 'coupon', candidatesFor)
  const fields = usePlayFields({ title: '', days: '7', need: '3', cap: '3' }, onCreated)
  const { title, days, need, cap } = fields.values
  const [double, setDouble] = useState<Double>('yes')
  const [taskHours, setTaskHours] = useState<OptionValue<typeof TASK_LENGTHS>>('24')
  const [runFor, setRunFor] = useState<OptionValue<typeof RUNS>>('7')
  const { chosen, type } = choice

  const publish = () => {
    const n = Number(need)
    const dailyCap = Number(cap)
    const trialDays = Number(days)
    if (!chosen) return void Taro.showToast({ title: '请选择奖励', icon: 'none' })
    if (!Number.isInteger(n) || n < 2 || n > 50) return void Taro.showToast({ title: '助力人数需在 2–50 之间', icon: 'none' })
    if (!Number.isInteger(dailyCap) || dailyCap < 1 || dailyCap > 20) return void Taro.showToast({ title: '每人每日助力次数需在 1–20 之间', icon: 'none' })
    if (type === 'trial' && (!Number.isInteger(trialDays) || trialDays < 1 || trialDays > 90)) return void Taro.showToast({ title: '体验天数需在 1–90 之间', icon: 'none' })
    const reward: HelpRewardInput = chosen.reward.type === 'trial' ? { ...chosen.reward, days: trialDays } : chosen.reward
    const wanted = Date.now() + Number(runFor) * DAY
    return createHelpCampaign({
      title: title.trim() || `邀好友助力领${chosen.name}`.slice(0, 30),
      reward,
      need: n,
      newMemberDouble: double === 'yes',
      dailyCap,
      taskHours: Number(taskHours),
      endAt: chosen.endsBy ? Math.min(wanted, chosen.endsBy) : wanted
    })
  }

  return (
    <PlayForm className='hhp-form' title='发起好友助力' submitLabel='发布助力' publish={publish} onPublished={fields.published}>
      <TargetPicker choice={choice} types={TYPES} verb='作为奖励' />
      {type === 'trial' ? <InputField label='体验天数' suffix='天' name='hhp-days' type='number' maxlength={2} {...fields.field('days')} /> : null}
      <PlayTitleField className='hhp-title' placeholder='如：邀 3 位好友助力领 20 元券' fallback='奖励名' {...fields.field('title')} />
      <InputField label='助力人数' suffix='人' hint='集满即解锁奖励，每人只发一次' name='hhp-need' type='number' maxlength={2} {...fields.field('need')} />
      <ChoiceField label='新成员' name='hhp-double' options={DOUBLES} value={double} onChange={setDouble} />
      <InputField label='每人每日' suffix='次' hint='一位好友每天最多为几个任务助力' name='hhp-cap' type='number' maxlength={2} {...fields.field('cap')} />
      <ChoiceField label='任务时长' name='hhp-task-hours' options={TASK_LENGTHS} value={taskHours} onChange={setTaskHours} />
      <ChoiceField label='活动持续' name='hhp-run' options={RUNS} value={runFor} onChange={setRunFor} />
    </PlayForm>
  )
}

function HelpLog({ campaignId }: { campaignId: string }) {
  return (
    <PlayLog<HelpLogEntry>
      queryKey={helpLogKey(campaignId)}
      fetchPage={(after) => fetchHelpLog({ campaignId, after })}
      empty='还没有助力记录'
      row={(entry) => (
        <LogRow text={`${entry.helperNickname} 帮 ${entry.ownerNickname} 助力${entry.weight > 1 ? ' ×2' : ''}`} meta={`${entry.newMember ? '新成员 · ' : ''}${formatHelpTime(entry.at)}`} />
      )}
    />
  )
}
