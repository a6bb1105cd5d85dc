// An order's states and the moves between them: the one table every status
// write is checked against (through the Order entity, order.ts).
//   created   → paid (the money arrived) | closed (unpaid: expired, replaced, cancelled)
//   paid      → fulfilled (what it buys granted; in the same transaction as paid, so 'paid' is never stored)
//   closed    → refunding (paid after it closed: the money goes straight back)
//   fulfilled → refunding | refunded (a refund settled outside the app's own flow: the merchant console's, or one retried after it failed)
//   refunding → fulfilled (partly refunded, or the refund failed) | refunded | closed (a late payment's refund failed)
//   closed    → refunded (a late payment's refund that settled after it was marked failed)
import type { OrderStatus } from '../../../types/membership'
import { AppError } from '../../platform/app-error'

/** A stored status, or 'paid': the moment between the money arriving and the kind's fulfilment, inside one transaction. */
export type OrderState = OrderStatus | 'paid'

export const MOVES: Readonly<Record<OrderState, readonly OrderState[]>> = {
  created: ['paid', 'closed'],
  paid: ['fulfilled'],
  closed: ['refunding', 'refunded'],
  fulfilled: ['refunding', 'refunded'],
  refunding: ['fulfilled', 'refunded', 'closed'],
  refunded: []
}

export const ORDER_STATES = Object.keys(MOVES) as OrderState[]

export function canMove(from: OrderState, to: OrderState): boolean {
  return MOVES[from].includes(to)
}

export const STATE_LABEL: Record<OrderState, string> = { created: '待支付', paid: '已付款', fulfilled: '已支付', closed: '已关闭', refunding: '退款中', refunded: '已退款' }

/** Refused moves are CONFLICTs whose message says why (e.g. "订单已关闭，不能改为已付款"). */
export class IllegalOrderMove extends AppError {
  constructor(
    readonly from: OrderState,
    readonly to: OrderState
  ) {
    super('CONFLICT', `订单${STATE_LABEL[from]}，不能改为${STATE_LABEL[to]}`)
  }
}

/** The order with its new state, or an IllegalOrderMove. */
export function moveOrder<T extends { status: OrderState }, S extends OrderState>(order: T, to: S, changes: Partial<T> = {}): Omit<T, 'status'> & { status: S } {
  if (!canMove(order.status, to)) throw new IllegalOrderMove(order.status, to)
  return { ...order, ...changes, status: to }
}
