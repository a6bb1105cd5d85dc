import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import ConfirmDialog, { DialogText } from '../../../components/confirm-dialog'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import { CardsSkeleton } from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { campaignFormUrl } from '../../../services/routes'
import { HOST_CAMPAIGNS_KEY, fetchHostCampaigns, ruleLabel, stopCampaign, validityLabel } from '../../../services/rewards'
import { useSubmit } from '../../../services/use-submit'
import { usePagedQuery } from '../../../services/use-paged-query'
import type { HostCampaignView } from '../../../../types/coupons'
import './index.css'

// 优惠券活动: every campaign with what was claimed, used and is left; 编辑
// opens the form in edit mode; 停止 ends claims (claimed coupons stay usable).

export default function HostCampaignsPage() {
  const list = usePagedQuery<HostCampaignView>(HOST_CAMPAIGNS_KEY, (after) => fetchHostCampaigns({ after }))
  const [stopping, setStopping] = useState<HostCampaignView | null>(null)
  const { busy, run } = useSubmit()
  // Back from the form: the edit shows.
  useDidShow(() => {
    void list.refetch()
  })

  const confirmStop = async () => {
    if (!stopping) return
    await run(async () => {
      await stopCampaign({ campaignId: stopping.id })
      void Taro.showToast({ title: '已停止领取', icon: 'success' })
      setStopping(null)
      await list.refetch()
    })
  }

  const header = (
    <View
      className='btn btn-primary hcp-new'
      onClick={() => {
        void Taro.navigateTo({ url: campaignFormUrl() })
      }}>
      发布新优惠券
    </View>
  )

  return (
    <>
      <PagedList
        list={list}
        className='hcp-page'
        header={header}
        skeleton={<CardsSkeleton page='hcp-page' count={1} lines={[['100%', 360]]} />}
        empty={<EmptyState glyph='券' title='还没有优惠券活动' description='发布第一张券，成员可在领券中心领取' />}>
        {(items) => (
          <>
            {items.map((c) => (
              <CampaignRow key={c.id} campaign={c} onStop={() => setStopping(c)} />
            ))}
          </>
        )}
      </PagedList>
      {stopping ? (
        <ConfirmDialog
          title={`停止「${stopping.name}」？`}
          confirmText='停止领取'
          busyText='停止中…'
          busy={busy}
          danger
          className='hcp-stop-dialog'
          onConfirm={() => {
            void confirmStop()
          }}
          onCancel={() => setStopping(null)}>
          <DialogText>停止后成员不能再领取这张券，也不能再作为新的奖品。</DialogText>
          <DialogText>已领取的 {stopping.claimed} 张仍可使用，直到有效期结束。</DialogText>
        </ConfirmDialog>
      ) : null}
    </>
  )
}

function CampaignRow({ campaign: c, onStop }: { campaign: HostCampaignView; onStop: () => void }) {
  const expired = c.validTo < Date.now()
  return (
    <View className={`card hcp-row ${c.stoppedAt ? 'is-stopped' : ''}`}>
      <View className='hcp-head row-between'>
        <Text className='hcp-name text-title'>{c.name}</Text>
        {c.stoppedAt ? <Tag tone='grey'>已停止</Tag> : expired ? <Tag tone='grey'>已过期</Tag> : c.channel === 'reward' ? <Tag tone='orange'>仅作奖品</Tag> : <Tag tone='green'>领取中</Tag>}
      </View>
      <Text className='hcp-rule muted'>
        {ruleLabel(c)} · {validityLabel(c.validFrom, c.validTo)}
      </Text>
      <View className='hcp-counts'>
        <View className='hcp-count stat-tile'>
          <Text className='hcp-figure text-strong'>{c.claimed}</Text>
          <Text className='hcp-label muted'>已领取</Text>
        </View>
        <View className='hcp-count stat-tile'>
          <Text className='hcp-figure text-strong'>{c.used}</Text>
          <Text className='hcp-label muted'>已使用</Text>
        </View>
        <View className='hcp-count stat-tile'>
          <Text className='hcp-figure text-strong'>{c.remaining}</Text>
          <Text className='hcp-label muted'>剩余</Text>
        </View>
      </View>
      {c.stoppedAt ? <Text className='hcp-note muted'>已停止领取，已领取的券在有效期内仍可使用</Text> : null}
      <View className='hcp-actions'>
        <Text
          className='btn btn-small btn-ghost hcp-edit'
          onClick={() => {
            void Taro.navigateTo({ url: campaignFormUrl(c.id) })
          }}>
          编辑
        </Text>
        {c.stoppedAt || expired ? null : (
          <Text className='btn btn-small btn-danger hcp-stop' onClick={onStop}>
            停止
          </Text>
        )}
      </View>
    </View>
  )
}
