// The Order entity. An order's id is the out_trade_no the provider knows it
// by; what it buys is its kind's business (kinds.ts), kept under `item`. Every
// change of status is one of the transitions below, each checked against the
// machine in order-status.ts, so no caller can write a status the machine
// does not have.
import type { OrderStatus } from '../../../types/membership'
import { AppError, errors } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { moveOrder } from './order-status'

export const ORDERS = COLLECTIONS.orders.name
export const PAY_WINDOW_MS = 30 * 60_000

/** What an order buys, in its kind's own words (a plan of a circle, an event seat, …). */
export interface OrderItem {
  kind: string
  [field: string]: unknown
}

export interface OrderDoc {
  _id: string
  /** The registered kind (kinds.ts). Absent on orders made before event fees existed: they are memberships. */
  kind?: string
  /** What it buys. Absent on orders made before items existed: their kind reads the old fields below (no migration). */
  item?: OrderItem
  openid: string
  amountFen: number
  /** Before the coupon (absent on orders made before coupons existed). */
  listPriceFen?: number
  discountFen?: number
  couponId?: string | null
  refundedFen: number
  /** The out_refund_no in flight while status is 'refunding' (absent on orders refunded before it was kept). */
  refundingNo?: string | null
  status: OrderStatus
  createdAt: number
  payBefore: number
  paidAt: number | null
  transactionId: string
  /** Why a closed order closed: unpaid in time, replaced by a new order, or cancelled by the member. */
  closedReason?: ClosedReason
  closedAt?: number
  /** Paid after it had closed: the payment was refunded automatically and bought nothing. */
  paidAfterClose?: boolean
  /** Who paid (from the provider), when it was not the order's member it is flagged. */
  payerOpenid?: string
  // Old documents (before `item`): membership fields, with placeholders on event orders. Read only by the kinds' readers.
  circleId?: string
  circleName?: string
  planId?: string
  planName?: string
  days?: number
  eventId?: string
  signupId?: string
  periodStart?: number | null
  periodEnd?: number | null
}

export type ClosedReason = 'expired' | 'replaced' | 'cancelled'

/** The order in the instant between its payment and its fulfilment (never stored). */
export type PaidOrder = Omit<OrderDoc, 'status'> & { status: 'paid' }

/**
 * A fulfilled order as another kind's fulfil reads it, for a grant made later
 * than the payment (拼团 grants every seat when the group fills). Not a move:
 * nothing of the order's status is written.
 */
export function asPaidForGrant(order: OrderDoc): PaidOrder {
  return { ...order, status: 'paid' }
}

export interface Payment {
  paidAt: number
  transactionId: string
  payerOpenid?: string
}

export const kindOf = (order: Pick<OrderDoc, 'kind'>): string => order.kind ?? 'membership'

export async function loadOrder(runtime: Runtime, orderId: string): Promise<OrderDoc> {
  const order = await runtime.store.collection<OrderDoc>(ORDERS).get(orderId)
  if (!order) throw errors.notFound('订单')
  return order
}

/** out_trade_no: 6–32 of [A-Za-z0-9_-|*], unique; time first so it sorts and reads well in the merchant console. */
export function newOutTradeNo(now: number, random: string): string {
  const stamp = new Date(now + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14)
  return `M${stamp}${random}`.slice(0, 32)
}

/** A new unpaid order at its list price (pricing applies the coupon: pricing.ts). */
export function newOrder(input: { id: string; item: OrderItem; openid: string; listPriceFen: number; payBefore: number; couponId?: string | null; now: number }): OrderDoc {
  return {
    _id: input.id,
    kind: input.item.kind,
    item: input.item,
    openid: input.openid,
    amountFen: input.listPriceFen,
    listPriceFen: input.listPriceFen,
    discountFen: 0,
    couponId: input.couponId ?? null,
    refundedFen: 0,
    status: 'created',
    createdAt: input.now,
    payBefore: input.payBefore,
    paidAt: null,
    transactionId: ''
  }
}

// The transitions. Each returns the order as it is to be written (the caller writes it in its transaction).

/** The money arrived for an open order: paid, until its kind fulfils it (in the same transaction). */
export function payOrder(order: OrderDoc, payment: Payment): PaidOrder {
  return moveOrder(order, 'paid', { paidAt: payment.paidAt, transactionId: payment.transactionId, ...(payment.payerOpenid ? { payerOpenid: payment.payerOpenid } : {}) })
}

/**
 * What it buys is granted; `item` takes what the kind recorded (e.g. the
 * period a plan bought), or, on an order in the old shape, `oldFields` do.
 */
export function fulfilOrder(order: PaidOrder, item?: OrderItem, oldFields: Partial<Pick<OrderDoc, 'periodStart' | 'periodEnd'>> = {}): OrderDoc {
  const changes: Partial<PaidOrder> = order.item ? (item ? { item } : {}) : oldFields
  return moveOrder(order, 'fulfilled', changes)
}

/** Unpaid, and no longer payable: expired, replaced by a new order, or cancelled. */
export function closeOrderDoc(order: OrderDoc, reason: ClosedReason, now: number): OrderDoc {
  return moveOrder(order, 'closed', { closedReason: reason, closedAt: now })
}

/** Paid after it closed: bought nothing, and the whole payment goes back under `refundNo`. */
export function payClosedOrder(order: OrderDoc, payment: Payment, refundNo: string): OrderDoc {
  if (order.paidAt !== null) throw new AppError('CONFLICT', '订单已付款')
  return moveOrder(order, 'refunding', {
    paidAt: payment.paidAt,
    transactionId: payment.transactionId,
    ...(payment.payerOpenid ? { payerOpenid: payment.payerOpenid } : {}),
    paidAfterClose: true,
    refundingNo: refundNo
  })
}

/** A refund of `amountFen` begins; one at a time, never more than is left. */
export function startRefunding(order: OrderDoc, refundNo: string, amountFen: number): OrderDoc {
  const rest = order.amountFen - order.refundedFen
  if (order.status === 'refunding') throw new AppError('CONFLICT', '退款处理中，请稍候')
  if (order.status !== 'fulfilled' || amountFen <= 0) throw new AppError('CONFLICT', '这笔订单不能退款')
  if (amountFen > rest) throw new AppError('INVALID_INPUT', `最多可退 ${(rest / 100).toFixed(2)} 元`, 'amountFen')
  return moveOrder(order, 'refunding', { refundingNo: refundNo })
}

/** Whether `refundNo` is the refund this order is waiting for. */
export const isRefundInFlight = (order: OrderDoc, refundNo: string): boolean => order.status === 'refunding' && order.refundingNo === refundNo

/** Where a refunding order goes back to when its refund ends short of the whole amount (or fails). */
const backFromRefunding = (order: OrderDoc): OrderStatus => (order.paidAfterClose ? 'closed' : 'fulfilled')

/**
 * A refund of `refundFen` settled. Refunded in full: refunded. Otherwise the
 * order leaves 'refunding' when this was the refund it waited for (partly
 * refunded), and stays as it is when it was not (a refund made elsewhere).
 */
export function settleRefund(order: OrderDoc, refundNo: string, refundFen: number): OrderDoc {
  const refundedFen = Math.min(order.amountFen, order.refundedFen + refundFen)
  const inFlight = isRefundInFlight(order, refundNo)
  const changes = { refundedFen, refundingNo: inFlight ? null : (order.refundingNo ?? null) }
  const to: OrderStatus = refundedFen >= order.amountFen ? 'refunded' : inFlight ? backFromRefunding(order) : order.status
  return to === order.status ? { ...order, ...changes } : moveOrder(order, to, changes)
}

/** The refund it waited for failed: back to where it was (the host is asked to look). */
export function failRefund(order: OrderDoc, refundNo: string): OrderDoc {
  if (!isRefundInFlight(order, refundNo)) return order
  return moveOrder(order, backFromRefunding(order), { refundingNo: null })
}

/** The host's word for it: 部分退款 for a fulfilled order with some money back. */
export function orderStatusText(order: Pick<OrderDoc, 'status' | 'refundedFen'>): string {
  if (order.status === 'fulfilled' && order.refundedFen > 0) return '部分退款'
  return ({ created: '待支付', fulfilled: '已支付', closed: '已关闭', refunding: '退款中', refunded: '已退款' } as Record<string, string>)[order.status] ?? order.status
}
