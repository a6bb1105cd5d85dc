import { useState, type ComponentProps } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import EmptyState from '../../../components/empty-state'
import { PagedListView } from '../../../components/paged-list'
import { CardsSkeleton, type SkeletonLines } from '../../../components/skeleton'
import { ApiCallError } from '../../../services/api'
import { formatDateTime, formatPoints, fetchRedemptions, shipRedemption } from '../../../services/growth'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useListPage } from '../../../services/use-list-page'
import { useSubmit } from '../../../services/use-submit'
import type { RedemptionView } from '../../../../types/growth'
import '../components/form.css'
import './index.css'

type Tab = 'awaitingShipment' | 'shipped'
/** Each tab, in order: its label, and what its list says while empty. */
const TABS: Record<Tab, { label: string; empty: ComponentProps<typeof EmptyState> }> = {
  awaitingShipment: { label: '待发货', empty: { glyph: '发', title: '没有待发货的兑换', description: '成员兑换实物后会出现在这里，填写快递单号即可发货' } },
  shipped: { label: '已发货', empty: { glyph: '递', title: '还没有发过货', description: '发货后，成员能在「我的兑换」里看到快递单号' } }
}
const TAB_ORDER = Object.keys(TABS) as Tab[]

/** A redemption's card while the list loads: the item, who and when, the address. */
const CARD_LINES: SkeletonLines = [
  [300, 34],
  [240, 24],
  ['100%', 100]
]

export default function ShippingPage() {
  const [tab, setTab] = useState<Tab>('awaitingShipment')
  const list = usePagedQuery<RedemptionView>(`hostGrowth.redemptions.${tab}`, (after) => fetchRedemptions({ status: tab, after }))
  useListPage(list, { refetchOnKey: true })

  return (
    <PagedListView
      list={list}
      className='hg-shipping'
      header={
        <View className='hg-tabs'>
          {TAB_ORDER.map((t) => (
            <View key={t} className={`hg-tab text-label row tab-${t} ${tab === t ? 'hg-tab-on' : ''}`} onClick={() => setTab(t)}>
              <Text>{TABS[t].label}</Text>
            </View>
          ))}
        </View>
      }
      headerWhileLoading
      skeleton={<CardsSkeleton card='hg-ship-card' count={2} lines={CARD_LINES} />}
      empty={<EmptyState {...TABS[tab].empty} />}>
      {(items) =>
        items.map((r) => (
          <RedemptionCard
            key={r.id}
            redemption={r}
            onShipped={() => {
              void list.refetch()
            }}
          />
        ))
      }
    </PagedListView>
  )
}

function RedemptionCard({ redemption: r, onShipped }: { redemption: RedemptionView; onShipped: () => void }) {
  const [trackingNo, setTrackingNo] = useState('')
  const { busy, error, setError, run } = useSubmit()

  const ship = async () => {
    if (busy) return
    const no = trackingNo.trim()
    if (!no) {
      setError('请填写快递单号')
      return
    }
    if (no.length > 40) {
      setError('快递单号最多 40 个字')
      return
    }
    await run(
      async () => {
        await shipRedemption({ redemptionId: r.id, trackingNo: no })
        void Taro.showToast({ title: '已发货', icon: 'success', duration: 1200 })
        onShipped()
      },
      (err) => {
        // Shipped elsewhere (another host, another tab): the queue is stale.
        if (err instanceof ApiCallError && err.code === 'CONFLICT') onShipped()
      }
    )
  }

  const copyAddress = () => {
    if (r.address) void Taro.setClipboardData({ data: `${r.address.name} ${r.address.phone} ${r.address.address}` })
  }

  return (
    <View className='card hg-ship-card' data-id={r.id}>
      <View className='hg-ship-head row-between'>
        <Text className='hg-ship-item ellipsis'>{r.itemName}</Text>
        <Text className='hg-ship-cost text-meta'>{formatPoints(r.pricePoints)} 积分</Text>
      </View>
      <Text className='hg-ship-meta text-quiet'>
        {r.member.nickname} · {formatDateTime(r.createdAt)} 兑换
      </Text>
      {r.address ? (
        <View className='hg-ship-address row' onClick={copyAddress}>
          <View className='hg-ship-address-text fill-col'>
            <Text className='hg-ship-address-who'>
              {r.address.name} {r.address.phone}
            </Text>
            <Text className='hg-ship-address-line text-soft'>{r.address.address}</Text>
          </View>
          <Text className='hg-ship-copy text-info'>复制</Text>
        </View>
      ) : null}
      {r.status === 'awaitingShipment' ? (
        <View>
          <View className={`hg-ship-form row ${error ? 'hg-ship-form-invalid' : ''}`}>
            <TextInput
              className='hg-ship-input'
              value={trackingNo}
              maxlength={40}
              placeholder='填写快递单号'
              placeholderClass='hg-placeholder'
              onValue={(value) => {
                setTrackingNo(value)
                setError('')
              }}
              onConfirm={() => {
                void ship()
              }}
            />
            <View
              className={`btn btn-primary btn-small hg-ship-button ${busy ? 'btn-disabled' : ''}`}
              onClick={() => {
                void ship()
              }}>
              {busy ? '发货中…' : '发货'}
            </View>
          </View>
          {error ? <Text className='hg-ship-error text-error'>{error}</Text> : null}
        </View>
      ) : (
        <View className='hg-ship-done row'>
          <Text className='hg-ship-done-label'>快递单号</Text>
          <Text className='hg-ship-done-no'>{r.trackingNo}</Text>
        </View>
      )}
    </View>
  )
}
