import type { CircleKind, MembershipStatus, OrderStatus } from '../../../../types/membership'
import { KIND_LABEL, MEMBERSHIP_STATUS_LABEL, ORDER_STATUS_LABEL } from '../../../services/membership'
import Tag, { type Tone } from '../../../components/tag'

const KIND_TONE: Record<CircleKind, Tone> = { free: 'green', paid: 'warn', trialThenPaid: 'blue' }
const ORDER_TONE: Record<OrderStatus, Tone> = { created: 'warn', fulfilled: 'green', closed: 'grey', refunding: 'blue', refunded: 'red' }
const MEMBER_TONE: Record<Exclude<MembershipStatus, 'none'>, Tone> = { active: 'gold', trial: 'blue', expired: 'grey', refunded: 'grey' }

/** 免费 / 付费 / 可试用 */
export function KindTag({ kind, className }: { kind: CircleKind; className?: string }) {
  return (
    <Tag tone={KIND_TONE[kind]} className={className}>
      {KIND_LABEL[kind]}
    </Tag>
  )
}

/** 待支付 / 已支付 / 已关闭 / 退款中 / 已退款 */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return <Tag tone={ORDER_TONE[status]}>{ORDER_STATUS_LABEL[status]}</Tag>
}

/** 会员 / 试用中 / 已过期 (nothing for none). */
export function MembershipTag({ status }: { status: MembershipStatus }) {
  if (status === 'none') return null
  return <Tag tone={MEMBER_TONE[status]}>{MEMBERSHIP_STATUS_LABEL[status]}</Tag>
}
