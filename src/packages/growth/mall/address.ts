import Taro from '@tarojs/taro'
import type { ShippingAddress } from '../../../../types/growth'

// The server's rules for a shipping address (cloudfunctions/domain/growth/schemas.ts),
// checked here first so the member sees the problem beside the field.
export type AddressField = keyof ShippingAddress
export type AddressErrors = Partial<Record<AddressField, string>>

export const EMPTY_ADDRESS: ShippingAddress = { name: '', phone: '', address: '' }
const STORAGE_KEY = 'growth.lastAddress'

export function addressErrors(a: ShippingAddress): AddressErrors {
  const errors: AddressErrors = {}
  const name = a.name.trim()
  if (!name) errors.name = '请填写收货人'
  else if (Array.from(name).length > 20) errors.name = '收货人最多 20 个字'
  if (!/^1\d{10}$/.test(a.phone.trim())) errors.phone = '请填写 11 位手机号'
  const address = Array.from(a.address.trim()).length
  if (address < 5) errors.address = '请填写详细地址（至少 5 个字）'
  else if (address > 200) errors.address = '地址最多 200 个字'
  return errors
}

export function trimAddress(a: ShippingAddress): ShippingAddress {
  return { name: a.name.trim(), phone: a.phone.trim(), address: a.address.trim() }
}

/** The last address used, so a second physical redemption is two taps. */
export function savedAddress(): ShippingAddress {
  try {
    const saved = Taro.getStorageSync(STORAGE_KEY) as ShippingAddress | '' | undefined
    return saved ? { ...EMPTY_ADDRESS, ...saved } : EMPTY_ADDRESS
  } catch {
    return EMPTY_ADDRESS
  }
}

export function saveAddress(a: ShippingAddress): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, a)
  } catch {
    // Storage full or unavailable: the form simply starts empty next time.
  }
}

/** 138****8000 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}
