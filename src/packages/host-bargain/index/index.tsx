import { useState } from 'react'
import Taro from '@tarojs/taro'
import { ChoiceField, InputField } from '../../../components/form-field'
import { HostPlayList, PlayTitleField, LogRow, PlayForm, PlayLog, SALE_TYPES, TargetPicker, saleCandidates, usePlayFields, useTargetChoice } from '../../../components/play-admin'
import { unitOptions, type OptionValue } from '../../../components/segmented/options'
import {
  HOST_BARGAINS_KEY,
  PHASE_LABEL,
  PHASE_TONE,
  TARGET_LABEL,
  createBargainCampaign,
  fetchBargainCutLog,
  fetchHostBargainCampaigns,
  formatBargainTime,
  pauseBargainCampaign
} from '../../../services/bargain'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { BargainCutLogEntry, HostBargainCampaignView } from '../../../../types/bargain'

const HOURS = unitOptions(['24', '48', '72'] as const, '小时')
const RUNS = unitOptions(['3', '7', '14'] as const, '天')

export default function HostBargainsPage() {
  return (
    <HostPlayList
      queryKey={HOST_BARGAINS_KEY}
      fetchPage={(after) => fetchHostBargainCampaigns({ after })}
      className='hb-page'
      cardClassName='hb-sale'
      form={(onCreated) => <CreateForm onCreated={onCreated} />}
      empty={{ glyph: '砍', title: '还没有砍价活动', description: '在上面选一个套餐、活动或商品，设好起砍价、底价和刀数即可发布' }}
      card={(campaign: HostBargainCampaignView) => ({
        tag: { tone: PHASE_TONE[campaign.phase], label: PHASE_LABEL[campaign.phase] },
        kind: TARGET_LABEL[campaign.targetType],
        title: campaign.title,
        line: `${campaign.itemName} · ${formatFen(campaign.startFen)} 砍到 ${formatFen(campaign.floorFen)} · ${campaign.cuts} 刀 · 每次 ${campaign.hours} 小时 · 每人每天 ${campaign.dailyCap} 刀 · ${formatBargainTime(campaign.endAt)} 截止发起`,
        measures: [
          ['发起', campaign.measures.started],
          ['砍到底价', campaign.measures.reachedFloor],
          ['已支付', campaign.measures.paid],
          [campaign.measures.revenueCapped ? '收入(前100单)' : '收入', formatFen(campaign.measures.revenueFen)],
          ['新成员', campaign.measures.newMembers],
          ['总刀数', campaign.measures.cuts]
        ],
        ended: campaign.phase === 'ended',
        onPause: (paused) => pauseBargainCampaign({ campaignId: campaign.id, paused }),
        log: { label: '砍价记录', render: () => <CutLog campaignId={campaign.id} /> }
      })}
    />
  )
}

const yuanToFen = (text: string) => Math.round(Number(text) * 100)

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const choice = useTargetChoice('hostBargain', 'plan', saleCandidates)
  const fields = usePlayFields({ title: '', start: '', floor: '', cuts: '10', cap: '3' }, onCreated)
  const { title, start, floor, cuts, cap } = fields.values
  const [hours, setHours] = useState<OptionValue<typeof HOURS>>('24')
  const [runs, setRuns] = useState<OptionValue<typeof RUNS>>('7')
  const { chosen } = choice

  const publish = () => {
    const startFen = yuanToFen(start || (chosen ? String(chosen.priceFen / 100) : ''))
    const floorFen = yuanToFen(floor)
    const n = Number(cuts)
    const dailyCap = Number(cap)
    if (!chosen) return void Taro.showToast({ title: '请选择砍价的套餐、活动或商品', icon: 'none' })
    if (!(startFen >= 2)) return void Taro.showToast({ title: '请填写起砍价', icon: 'none' })
    if (!(floorFen >= 1)) return void Taro.showToast({ title: '请填写底价', icon: 'none' })
    if (!Number.isInteger(n) || n < 2) return void Taro.showToast({ title: '刀数至少 2 刀', icon: 'none' })
    if (!Number.isInteger(dailyCap) || dailyCap < 1) return void Taro.showToast({ title: '请填写每人每天可砍次数', icon: 'none' })
    return createBargainCampaign({
      target: chosen.target,
      title: title.trim() || `${chosen.name} 砍价`.slice(0, 30),
      startFen,
      floorFen,
      cuts: n,
      hours: Number(hours),
      dailyCap,
      endAt: Date.now() + Number(runs) * 24 * 3600_000
    })
  }

  return (
    <PlayForm className='hb-form' title='发起砍价' submitLabel='发布砍价' publish={publish} onPublished={fields.published}>
      <TargetPicker choice={choice} types={SALE_TYPES} verb='砍价' />
      <PlayTitleField className='hb-title' placeholder='如：月卡砍到 9.9 元' {...fields.field('title')} />
      <InputField
        label='起砍价'
        prefix='¥'
        hint={chosen && chosen.priceFen > 0 ? `留空按原价 ${formatFen(chosen.priceFen)}` : '商品起始价格'}
        name='hb-start'
        type='digit'
        placeholder='0.00'
        {...fields.field('start')}
      />
      <InputField label='底价' prefix='¥' hint='砍到底价后不能再砍' name='hb-floor' type='digit' placeholder='0.00' {...fields.field('floor')} />
      <InputField label='刀数' suffix='刀' hint='最多这么多位好友即可砍到底价（2–50），每刀金额由系统随机决定' name='hb-cuts' type='number' maxlength={2} {...fields.field('cuts')} />
      <InputField label='每人每天' suffix='刀' hint='一位好友每天在本活动里最多帮砍几次' name='hb-cap' type='number' maxlength={2} {...fields.field('cap')} />
      <ChoiceField label='每次砍价有效' name='hb-hours' options={HOURS} value={hours} onChange={setHours} />
      <ChoiceField label='活动发起期' name='hb-runs' options={RUNS} value={runs} onChange={setRuns} />
    </PlayForm>
  )
}

function CutLog({ campaignId }: { campaignId: string }) {
  return (
    <PlayLog<BargainCutLogEntry>
      queryKey={`hostBargain.cutLog.${campaignId}`}
      fetchPage={(after) => fetchBargainCutLog({ campaignId, after })}
      empty='还没有人砍价'
      row={(entry) => (
        <LogRow
          text={`${chinaTime(entry.at).format('MM-DD HH:mm')} ${entry.cutterNickname} 帮 ${entry.starterNickname} 砍第 ${entry.k} 刀`}
          meta={`${formatFen(entry.amountFen)}${entry.newMember ? ' · 新成员' : ''}`}
          highlight={entry.newMember}
        />
      )}
    />
  )
}
