import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { PlayHeader, PlayList } from '../../../components/play-page'
import { HELP_CAMPAIGNS_KEY, PHASE_LABEL, PHASE_TONE, REWARD_LABEL, fetchHelpCampaigns, formatHelpTime, startHelpTask } from '../../../services/help'
import { helpTaskUrl } from '../../../services/routes'
import { useSubmit } from '../../../services/use-submit'
import { usePagedQuery } from '../../../services/use-paged-query'
import type { HelpCampaignView } from '../../../../types/help'
import '../help.css'

export default function HelpCampaignsPage() {
  const list = usePagedQuery<HelpCampaignView>(HELP_CAMPAIGNS_KEY, (after) => fetchHelpCampaigns({ after }))
  return (
    <PlayList list={list} title='好友助力' glyph='助' desc='发起助力，邀请好友帮你点一下，集满人数即可解锁奖励'>
      {(items) => items.map((campaign) => <CampaignCard key={campaign.id} campaign={campaign} />)}
    </PlayList>
  )
}

function CampaignCard({ campaign }: { campaign: HelpCampaignView }) {
  const { busy, run } = useSubmit()
  const open = async () => {
    if (busy) return
    if (campaign.mineTaskId && campaign.phase !== 'open') return void Taro.navigateTo({ url: helpTaskUrl(campaign.mineTaskId) })
    await run(async () => {
      const task = await startHelpTask({ campaignId: campaign.id })
      void Taro.navigateTo({ url: helpTaskUrl(task.id) })
    })
  }
  const canStart = campaign.phase === 'open' || campaign.mineTaskId !== null
  return (
    <View className='card hp-card' data-id={campaign.id}>
      <PlayHeader
        tag={{ tone: PHASE_TONE[campaign.phase], label: PHASE_LABEL[campaign.phase] }}
        kind={REWARD_LABEL[campaign.rewardType]}
        title={campaign.title}
        subtitle={campaign.rewardName}
        subtitleClassName='hp-card-reward'
      />
      <Text className='play-line'>
        {campaign.need} 位好友助力即可解锁{campaign.newMemberDouble ? ' · 新成员助力算 2 位' : ''} · {formatHelpTime(campaign.endAt)} 截止
      </Text>
      <Button className={`btn btn-primary play-card-action hp-start ${canStart && !busy ? '' : 'btn-disabled'}`} disabled={!canStart || busy || undefined} onClick={() => void open()}>
        {campaign.mineTaskId ? '查看我的助力' : busy ? '发起中…' : '发起助力'}
      </Button>
    </View>
  )
}
