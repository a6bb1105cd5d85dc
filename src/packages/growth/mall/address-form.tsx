import { View, Text } from '@tarojs/components'
import { TextInput, TextArea } from '../../../components/text-input'
import type { ShippingAddress } from '../../../../types/growth'
import type { AddressErrors, AddressField } from './address'

interface AddressFormProps {
  value: ShippingAddress
  errors: AddressErrors
  onChange: (field: AddressField, value: string) => void
}

/** 收货人 / 手机号 / 地址 for a physical item, errors shown under each field. */
export default function AddressForm({ value, errors, onChange }: AddressFormProps) {
  return (
    <View className='mall-address'>
      <Text className='mall-address-title'>收货信息</Text>
      <View className={`mall-field row ${errors.name ? 'mall-field-invalid' : ''}`}>
        <Text className='mall-field-label text-prose'>收货人</Text>
        <TextInput className='mall-field-input mall-input-name' value={value.name} maxlength={20} placeholder='姓名' placeholderClass='mall-placeholder' onValue={(value) => onChange('name', value)} />
      </View>
      {errors.name ? <Text className='mall-field-error text-error'>{errors.name}</Text> : null}
      <View className={`mall-field row ${errors.phone ? 'mall-field-invalid' : ''}`}>
        <Text className='mall-field-label text-prose'>手机号</Text>
        <TextInput
          className='mall-field-input mall-input-phone'
          type='number'
          value={value.phone}
          maxlength={11}
          placeholder='11 位手机号'
          placeholderClass='mall-placeholder'
          onValue={(value) => onChange('phone', value)}
        />
      </View>
      {errors.phone ? <Text className='mall-field-error text-error'>{errors.phone}</Text> : null}
      <View className={`mall-field row mall-field-area ${errors.address ? 'mall-field-invalid' : ''}`}>
        <Text className='mall-field-label text-prose'>地址</Text>
        <TextArea
          className='mall-field-textarea mall-input-address'
          value={value.address}
          maxlength={200}
          autoHeight
          placeholder='省市区、街道、门牌号'
          placeholderClass='mall-placeholder'
          onValue={(value) => onChange('address', value)}
        />
      </View>
      {errors.address ? <Text className='mall-field-error text-error'>{errors.address}</Text> : null}
    </View>
  )
}
