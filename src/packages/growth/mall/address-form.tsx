import { Fragment } from 'react'
import { View, Text } from '@tarojs/components'
import { TextInput, TextArea } from '../../../components/text-input'
import type { ShippingAddress } from '../../../../types/growth'
import type { AddressErrors, AddressField } from './address'

interface AddressFormProps {
  value: ShippingAddress
  errors: AddressErrors
  onChange: (field: AddressField, value: string) => void
}

/** The three lines of an address: the phone takes digits, the address wraps in a growing text area. */
const FIELDS: ReadonlyArray<{ field: AddressField; label: string; maxlength: number; placeholder: string; type?: 'number'; area?: boolean }> = [
  { field: 'name', label: '收货人', maxlength: 20, placeholder: '姓名' },
  { field: 'phone', label: '手机号', maxlength: 11, placeholder: '11 位手机号', type: 'number' },
  { field: 'address', label: '地址', maxlength: 200, placeholder: '省市区、街道、门牌号', area: true }
]

/** 收货人 / 手机号 / 地址 for a physical item, errors shown under each field. */
export default function AddressForm({ value, errors, onChange }: AddressFormProps) {
  return (
    <View className='mall-address'>
      <Text className='mall-address-title'>收货信息</Text>
      {FIELDS.map((f) => {
        const control = { value: value[f.field], maxlength: f.maxlength, placeholder: f.placeholder, placeholderClass: 'mall-placeholder', onValue: (typed: string) => onChange(f.field, typed) }
        return (
          <Fragment key={f.field}>
            <View className={`mall-field row ${f.area ? 'mall-field-area' : ''} ${errors[f.field] ? 'mall-field-invalid' : ''}`}>
              <Text className='mall-field-label text-prose'>{f.label}</Text>
              {f.area ? (
                <TextArea className={`mall-field-textarea mall-input-${f.field}`} autoHeight {...control} />
              ) : (
                <TextInput className={`mall-field-input mall-input-${f.field}`} type={f.type} {...control} />
              )}
            </View>
            {errors[f.field] ? <Text className='mall-field-error text-error'>{errors[f.field]}</Text> : null}
          </Fragment>
        )
      })}
    </View>
  )
}
