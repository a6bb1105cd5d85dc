import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { PlayHeader, PlayList } from '../../../components/play-page'
import { BARGAIN_CAMPAIGNS_KEY, PHASE_LABEL, PHASE_TONE, STATUS_LABEL, TARGET_LABEL, fetchBargainCampaigns, formatBargainTime, startBargain } from '../../../services/bargain'
import { bargainUrl } from '../../../services/routes'
import { showError } from '../../../services/show-error'
import { usePagedQuery } from '../../../services/use-paged-query'
import { formatFen } from '../../../utils/format'
import type { BargainCampaignView } from '../../../../types/bargain'
import '../bargain.css'

export default function BargainCampaignsPage() {
  const list = usePagedQuery<BargainCampaignView>(BARGAIN_CAMPAIGNS_KEY, (after) => fetchBargainCampaigns({ after }))
  const [starting, setStarting] = useState<string | null>(null)

  const open = async (campaign: BargainCampaignView) => {
    if (campaign.mine) {
      void Taro.navigateTo({ url: bargainUrl(campaign.mine.bargainId) })
      return
    }
    if (starting) return
    setStarting(campaign.id)
    try {
      const bargain = await startBargain({ campaignId: campaign.id })
      void list.refetch()
      void Taro.navigateTo({ url: bargainUrl(bargain.id) })
    } catch (err) {
      showError(err)
    } finally {
      setStarting(null)
    }
  }

  return (
    <PlayList list={list} title='砍价' glyph='砍' desc='发起砍价，邀请好友每人帮砍一刀，砍到底价前随时可以按现价购买' skeletonHeight={140}>
      {(items) =>
        items.map((campaign) => {
          const running = campaign.phase === 'running'
          const label = campaign.mine
            ? `查看我的砍价 · ${STATUS_LABEL[campaign.mine.status]} ${formatFen(campaign.mine.priceFen)}`
            : starting === campaign.id
              ? '发起中…'
              : running
                ? '发起砍价'
                : PHASE_LABEL[campaign.phase]
          const enabled = Boolean(campaign.mine) || (running && !starting)
          return (
            <View key={campaign.id} className='card bg-campaign' data-id={campaign.id}>
              <PlayHeader
                tag={{ tone: PHASE_TONE[campaign.phase], label: PHASE_LABEL[campaign.phase] }}
                kind={TARGET_LABEL[campaign.targetType]}
                title={campaign.title}
                subtitle={campaign.itemName}
                price={{ fen: campaign.floorFen, listFen: campaign.startFen, label: '最低砍到' }}
              />
              <Text className='play-line'>
                {campaign.cuts} 位好友帮砍即可到底价 · 每次砍价 {campaign.hours} 小时内有效 · {formatBargainTime(campaign.endAt)} 截止发起
              </Text>
              <Button className={`btn btn-primary play-card-action bg-start ${enabled ? '' : 'btn-disabled'}`} disabled={!enabled || undefined} onClick={() => void open(campaign)}>
                {label}
              </Button>
            </View>
          )
        })
      }
    </PlayList>
  )
}
