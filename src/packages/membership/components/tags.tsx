import { Text } from '@tarojs/components'
import type { CircleKind, MembershipStatus, OrderStatus } from '../../../../types/membership'
import { KIND_LABEL, MEMBERSHIP_STATUS_LABEL, ORDER_STATUS_LABEL } from '../../../services/membership'
import './tags.css'

/** 免费 / 付费 / 可试用 */
export function KindTag({ kind, className }: { kind: CircleKind; className?: string }) {
  return <Text className={`ms-tag ms-kind-${kind} ${className ?? ''}`}>{KIND_LABEL[kind]}</Text>
}

/** 待支付 / 已支付 / 已关闭 / 退款中 / 已退款 */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return <Text className={`ms-tag ms-order-${status}`}>{ORDER_STATUS_LABEL[status]}</Text>
}

/** 会员 / 试用中 / 已过期 (nothing for none). */
export function MembershipTag({ status }: { status: MembershipStatus }) {
  if (status === 'none') return null
  return <Text className={`ms-tag ms-member-${status}`}>{MEMBERSHIP_STATUS_LABEL[status]}</Text>
}
