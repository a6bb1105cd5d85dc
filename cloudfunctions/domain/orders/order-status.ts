// An order's states and the moves between them. Every write of an order's
// status goes through `moveOrder`, which refuses a move the machine does not
// have with a typed error.
//   created  → fulfilled (paid, and what it buys granted) | closed (unpaid: expired, replaced, cancelled)
//   closed   → refunding (paid after it closed: the money goes straight back)
//   fulfilled→ refunding → fulfilled (partly refunded, or the refund failed) | refunded
import type { OrderStatus } from '../../../types/membership'
import { AppError } from '../../platform/app-error'

const MOVES: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ['fulfilled', 'closed'],
  closed: ['refunding'],
  fulfilled: ['refunding'],
  refunding: ['fulfilled', 'refunded', 'closed'],
  refunded: []
}

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return MOVES[from].includes(to)
}

const LABEL: Record<OrderStatus, string> = { created: '待支付', fulfilled: '已支付', closed: '已关闭', refunding: '退款中', refunded: '已退款' }

/** The order with its new status, or a CONFLICT saying why not (e.g. "订单已关闭，不能支付"). */
export function moveOrder<T extends { status: OrderStatus }>(order: T, to: OrderStatus, changes: Partial<T> = {}): T {
  if (!canMove(order.status, to)) throw new AppError('CONFLICT', `订单${LABEL[order.status]}，不能改为${LABEL[to]}`)
  return { ...order, ...changes, status: to }
}
