import { useState } from 'react'
import Taro from '@tarojs/taro'
import { ChoiceField, InputField } from '../../../components/form-field'
import { HostPlayList, PlayTitleField, LogRow, PlayForm, PlayLog, TargetPicker, eventCandidates, planCandidates, usePlayFields, useTargetChoice } from '../../../components/play-admin'
import type { Candidate, EventTarget, PlanTarget } from '../../../components/play-admin'
import { optionsOf, unitOptions, type OptionValue } from '../../../components/segmented/options'
import { HOST_GROUP_BUYS_KEY, TARGET_LABEL, createGroupBuy, fetchGroupBuyLogs, fetchHostGroupBuys, groupBuyLogsKey, pauseGroupBuy } from '../../../services/group-buy'
import { groupBuyUrl } from '../../../services/routes'
import { chinaTime } from '../../../utils/china-time'
import { formatFen } from '../../../utils/format'
import type { GroupBuyLogView, GroupBuyTarget, HostGroupBuyView } from '../../../../types/group-buy'

// The host's 拼团 console: make an offer on a plan or a paid event (size, group
// price, time limit, 模拟成团 or not), pause or resume it, and measure it
// (groups started, completed, failed, revenue, new members) with its log.

type TargetType = GroupBuyTarget['type']
const TYPES = optionsOf<TargetType>({ plan: '会员套餐', event: '付费活动' })
const SIZES = unitOptions(['2', '3', '5', '10'] as const, '人')
const LIMITS = unitOptions(['6', '12', '24', '48'] as const, '小时')
type Size = OptionValue<typeof SIZES>
type Limit = OptionValue<typeof LIMITS>
type Simulate = 'no' | 'yes'
const SIMULATE = optionsOf<Simulate>({ no: '不成团就退款', yes: '允许模拟成团' })

type Target = PlanTarget | EventTarget
const candidatesFor = (type: TargetType): Promise<Array<Candidate<Target>>> => (type === 'plan' ? planCandidates() : eventCandidates((e) => e.feeFen > 0))

export default function HostGroupBuysPage() {
  return (
    <HostPlayList
      queryKey={HOST_GROUP_BUYS_KEY}
      fetchPage={(after) => fetchHostGroupBuys({ after })}
      className='hgb-page'
      cardClassName='hgb-sale'
      form={(onCreated) => <CreateForm onCreated={onCreated} />}
      empty={{ glyph: '拼', title: '还没有拼团', description: '在上面选一个套餐或付费活动，设好人数、拼团价和时限即可发布' }}
      card={(offer: HostGroupBuyView) => ({
        tag: offer.paused ? { tone: 'orange', label: '已暂停' } : { tone: 'red', label: '进行中' },
        kind: TARGET_LABEL[offer.targetType],
        title: offer.title,
        onOpen: () => void Taro.navigateTo({ url: groupBuyUrl(offer.id) }),
        line: `${offer.itemName} · ${offer.size} 人 · ${formatFen(offer.priceFen)} · ${offer.limitHours} 小时 · ${offer.allowSimulated ? '允许模拟成团' : '不成团退款'}`,
        measures: [
          ['开团', offer.measures.started],
          ['成团', offer.measures.completed],
          ['未成团', offer.measures.failed],
          ['收入', formatFen(offer.measures.revenueFen)],
          ['新成员', offer.measures.newMembers]
        ],
        onPause: (paused) => pauseGroupBuy({ campaignId: offer.id, paused }),
        pauseLabels: ['暂停开团', '恢复开团'],
        log: { label: '拼团记录', render: () => <Logs campaignId={offer.id} /> }
      })}
    />
  )
}

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const choice = useTargetChoice('hostGroupBuy', 'plan', candidatesFor)
  const fields = usePlayFields({ title: '', price: '' }, onCreated)
  const { title, price } = fields.values
  const [size, setSize] = useState<Size>('3')
  const [limit, setLimit] = useState<Limit>('24')
  const [simulate, setSimulate] = useState<Simulate>('no')
  const { chosen } = choice

  const publish = () => {
    const priceFen = Math.round(Number(price) * 100)
    if (!chosen) return void Taro.showToast({ title: '请选择拼团的套餐或活动', icon: 'none' })
    if (!(priceFen >= 1)) return void Taro.showToast({ title: '请填写拼团价', icon: 'none' })
    return createGroupBuy({
      target: chosen.target,
      title: title.trim() || `${chosen.name} ${size} 人团`.slice(0, 30),
      priceFen,
      size: Number(size),
      limitHours: Number(limit),
      allowSimulated: simulate === 'yes'
    })
  }

  return (
    <PlayForm className='hgb-form' title='发起拼团' submitLabel='发布拼团' publish={publish} onPublished={fields.published}>
      <TargetPicker choice={choice} types={TYPES} verb='拼团' />
      <PlayTitleField className='hgb-title' placeholder='如：月卡三人团' {...fields.field('title')} />
      <InputField label='拼团价' prefix='¥' hint='每人支付的价格，要低于原价' name='hgb-price' type='digit' placeholder='0.00' {...fields.field('price')} />
      <ChoiceField label='成团人数' name='hgb-sizes' options={SIZES} value={size} onChange={setSize} />
      <ChoiceField label='成团时限' hint='从团长支付起算' name='hgb-limits' options={LIMITS} value={limit} onChange={setLimit} />
      <ChoiceField label='到时未满' hint='模拟成团：已付款的团员照常开通，空位由你补齐' name='hgb-simulate' options={SIMULATE} value={simulate} onChange={setSimulate} />
    </PlayForm>
  )
}

function Logs({ campaignId }: { campaignId: string }) {
  return (
    <PlayLog<GroupBuyLogView>
      queryKey={groupBuyLogsKey(campaignId)}
      fetchPage={(after) => fetchGroupBuyLogs({ campaignId, after })}
      empty='还没有记录'
      row={(log) => <LogRow text={log.text} meta={chinaTime(log.at).format('MM-DD HH:mm')} />}
    />
  )
}
