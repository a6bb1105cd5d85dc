import { View, Text, Image } from '@tarojs/components'
import { formatPoints } from '../../../services/growth'
import type { MallItem, ShippingAddress } from '../../../../types/growth'
import Popup from '../../../components/popup'
import AddressForm from './address-form'
import type { AddressErrors, AddressField } from './address'
import { KIND_LABEL, type Availability } from './availability'

interface ItemSheetProps {
  item: MallItem
  availability: Availability
  address: ShippingAddress
  addressErrors: AddressErrors
  onAddressChange: (field: AddressField, value: string) => void
  onRedeem: () => void
  onClose: () => void
}

/** The item's details, the address form for physical goods, and the 兑换 button. */
export default function ItemSheet({ item, availability, address, addressErrors, onAddressChange, onRedeem, onClose }: ItemSheetProps) {
  return (
    <Popup open position='bottom' onClose={onClose} className='mall-sheet'>
      <View className='mall-sheet-close row' onClick={onClose}>
        <Text>×</Text>
      </View>
      <View className='mall-sheet-head'>
        {item.imageUrl ? (
          <Image className='mall-sheet-image' src={item.imageUrl} mode='aspectFill' />
        ) : (
          <View className='mall-sheet-image mall-card-noimage'>
            <Text>礼</Text>
          </View>
        )}
        <View className='mall-sheet-summary fill-col'>
          <Text className='mall-sheet-name text-strong'>{item.name}</Text>
          <Text className='mall-price num-bold mall-sheet-price'>
            {formatPoints(item.pricePoints)}
            <Text className='mall-price-unit'> 积分</Text>
          </Text>
          <View className='mall-sheet-tags'>
            <Text className='mall-chip text-small'>{KIND_LABEL[item.kind]}</Text>
            {item.minTierLevel > 1 ? <Text className='mall-chip text-small mall-chip-tier'>Lv{item.minTierLevel} 专享</Text> : null}
            {item.perMemberLimit > 0 ? <Text className='mall-chip text-small'>每人限兑 {item.perMemberLimit}</Text> : null}
            <Text className='mall-chip text-small'>剩 {item.stock}</Text>
          </View>
        </View>
      </View>
      {item.description ? <Text className='mall-sheet-desc text-prose'>{item.description}</Text> : null}
      {item.kind === 'makeupCard' ? <Text className='mall-sheet-note text-accent'>兑换后自动放入「我的成长」，可在任意挑战中补卡。</Text> : null}
      {item.kind === 'virtual' ? <Text className='mall-sheet-note text-accent'>兑换后主理人会与你联系安排。</Text> : null}
      {item.kind === 'coupon' ? <Text className='mall-sheet-note text-accent'>兑换后自动放入「我的卡券」，报名活动或开通会员时可用。</Text> : null}
      {item.kind === 'physical' ? <AddressForm value={address} errors={addressErrors} onChange={onAddressChange} /> : null}
      <View className={`btn btn-primary mall-sheet-redeem ${availability.ok ? '' : 'btn-disabled'}`} onClick={onRedeem}>
        {availability.ok ? '立即兑换' : availability.label}
      </View>
    </Popup>
  )
}
