import { useEffect, useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import { ErrorCard } from '../../../components/error-state'
import ListFooter from '../../../components/list-footer'
import Skeleton from '../../../components/skeleton'
import { formatPoints, tierLabel, useGrowthSummary, fetchMallItems } from '../../../services/growth'
import { usePagedQuery, type PagedQuery } from '../../../services/use-paged-query'
import { usePullDownRefetch } from '../../../services/use-query'
import { useRefreshErrorToast } from '../../../services/show-error'
import type { MallItem, ShippingAddress } from '../../../../types/growth'
import { addressErrors, savedAddress, saveAddress, trimAddress, type AddressErrors, type AddressField } from './address'
import { availabilityOf } from './availability'
import ConfirmDialog from './confirm-dialog'
import ItemCard from './item-card'
import ItemSheet from './item-sheet'
import { useRedeem } from './use-redeem'
import { REDEMPTIONS_PAGE } from '../../../services/routes'
import './index.css'

export default function MallPage() {
  const summary = useGrowthSummary()
  const items = usePagedQuery<MallItem>('growth.mallItems', (after) => fetchMallItems({ after }))
  const [selected, setSelected] = useState<MallItem | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [address, setAddress] = useState<ShippingAddress>(savedAddress)
  const [errors, setErrors] = useState<AddressErrors>({})
  const { redeem, busy, retrying, reset } = useRedeem()

  const refetchAll = () => Promise.all([items.refetch(), summary.refetch()]).then(() => undefined)
  usePullDownRefetch(refetchAll)
  useReachBottom(() => {
    void items.loadMore()
  })
  useEffect(() => {
    void refetchAll()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once on mount: refresh what the cache painted
  }, [])
  useRefreshErrorToast(items.refreshError)

  const points = summary.data?.points ?? 0
  const tierLevel = summary.data?.tier.level ?? 1

  const openItem = (item: MallItem) => {
    reset()
    setErrors({})
    setSelected(item)
  }
  const closeSheet = () => {
    if (!busy) setSelected(null)
  }

  const onAddressChange = (field: AddressField, value: string) => {
    setAddress((a) => ({ ...a, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const askToConfirm = () => {
    if (!selected) return
    const availability = availabilityOf(selected, points, tierLevel)
    if (!availability.ok) {
      void Taro.showToast({ title: availability.reason, icon: 'none', duration: 2000 })
      return
    }
    if (selected.kind === 'physical') {
      const found = addressErrors(address)
      setErrors(found)
      if (Object.keys(found).length > 0) return
    }
    reset()
    setConfirming(true)
  }

  const confirm = async () => {
    if (!selected) return
    const shipTo = selected.kind === 'physical' ? trimAddress(address) : null
    const outcome = await redeem(selected, shipTo)
    if (!outcome || outcome.kind === 'retry') return
    setConfirming(false)
    if (outcome.kind === 'done') {
      if (shipTo) saveAddress(shipTo)
      setSelected(null)
      void refetchAll()
      return
    }
    const { error } = outcome
    if (error.code === 'INVALID_INPUT' && error.field?.startsWith('address')) {
      // Back to the form, the message beside the field it is about.
      const field = (error.field.split('.')[1] ?? 'address') as AddressField
      setErrors({ [field]: error.message })
      return
    }
    // Out of stock, not enough points, tier or limit: the list and balance were stale.
    setSelected(null)
    void refetchAll()
  }

  return (
    <View className='page mall-page'>
      <View className='card mall-balance row-between'>
        <View className='mall-balance-main col'>
          <Text className='mall-balance-label text-meta'>可用积分</Text>
          {summary.data ? <Text className='mall-balance-points num-bold'>{formatPoints(points)}</Text> : <Skeleton width={160} height={56} />}
        </View>
        <View className='mall-balance-side col'>
          {summary.data ? <Text className='mall-balance-tier'>{tierLabel(summary.data.tier)}</Text> : null}
          <View
            className='mall-balance-link text-label'
            onClick={() => {
              void Taro.navigateTo({ url: REDEMPTIONS_PAGE })
            }}>
            我的兑换 ›
          </View>
        </View>
      </View>

      <MallBody items={items} onOpen={openItem} />

      {selected && !confirming ? (
        <ItemSheet
          item={selected}
          availability={availabilityOf(selected, points, tierLevel)}
          address={address}
          addressErrors={errors}
          onAddressChange={onAddressChange}
          onRedeem={askToConfirm}
          onClose={closeSheet}
        />
      ) : null}
      {selected && confirming ? (
        <ConfirmDialog
          item={selected}
          balance={points}
          address={selected.kind === 'physical' ? trimAddress(address) : null}
          busy={busy}
          retrying={retrying}
          onConfirm={() => {
            void confirm()
          }}
          onCancel={() => {
            reset()
            setConfirming(false)
          }}
        />
      ) : null}
    </View>
  )
}

function MallBody({ items, onOpen }: { items: PagedQuery<MallItem>; onOpen: (item: MallItem) => void }) {
  if (items.loading) return <MallSkeleton />
  if (items.error) return <ErrorCard error={items.error} onRetry={items.refetch} />
  if (items.items.length === 0) return <EmptyState glyph='礼' title='商城还在上新' description='主理人正在准备好礼，先去打卡攒积分吧' />
  return (
    <View>
      <View className='mall-grid'>
        {items.items.map((item) => (
          <ItemCard key={item.id} item={item} onOpen={() => onOpen(item)} />
        ))}
      </View>
      <ListFooter list={items} />
    </View>
  )
}

function MallSkeleton() {
  return (
    <View className='mall-grid' aria-busy>
      {[0, 1, 2, 3].map((i) => (
        <View key={i} className='mall-card'>
          <Skeleton width='100%' height={300} />
          <View className='mall-card-body'>
            <Skeleton width={200} height={30} />
            <Skeleton width={120} height={30} className='mall-skeleton-gap' />
          </View>
        </View>
      ))}
    </View>
  )
}
