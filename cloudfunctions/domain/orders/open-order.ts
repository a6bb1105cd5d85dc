// One open order per member per thing bought (a plan of a circle, an event's
// seat). A slot document, `{openid}:{what}`, names the member's open order for
// it: tapping 立即支付 again reuses that order (the same out_trade_no, so
// WeChat shows the same payment), and a different coupon replaces it only
// after it is closed at the provider, so two payments for one thing can never
// both go through.
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import type { Transaction } from '../../ports/store'
import { ORDERS, type OrderDoc } from '../membership/order'
import { closeOrder } from './close-order'

export const ORDER_SLOTS = COLLECTIONS.orderSlots.name

/** An order this close to its window's end is replaced rather than reused (the member needs time to pay). */
export const REUSE_MARGIN_MS = 2 * 60_000

export interface OrderSlotDoc {
  _id: string
  orderId: string
}

export function slotId(openid: string, what: string): string {
  return `${openid}:${what}`
}

/** An open order the member can still pay as it is. */
export function reusable(order: OrderDoc | null, couponId: string | null, now: number): boolean {
  return order !== null && order.status === 'created' && order.payBefore > now + REUSE_MARGIN_MS && (order.couponId ?? null) === couponId
}

/** The member's open order for this thing (the slot's order while it is unpaid), else null. */
export async function openOrderIn(runtime: Runtime, id: string): Promise<OrderDoc | null> {
  const slot = await runtime.store.collection<OrderSlotDoc>(ORDER_SLOTS).get(id)
  const order = slot ? await runtime.store.collection<OrderDoc>(ORDERS).get(slot.orderId) : null
  return order && order.status === 'created' ? order : null
}

/**
 * Before a new order is made for a thing that already has an open one: the
 * open one closes at the provider and here. Paid after all: the member is told
 * so, and nothing new is made.
 */
export async function retireOpenOrder(runtime: Runtime, order: OrderDoc): Promise<void> {
  const outcome = await closeOrder(runtime, order._id, 'replaced')
  if (outcome === 'settled') throw new AppError('CONFLICT', '这笔订单已支付成功，无需再次支付')
  if (outcome === 'paying') throw new AppError('CONFLICT', '你正在支付这笔订单，请在微信支付中完成或取消后再试')
}

/**
 * Inside the creating transaction: claims the slot for the new order. When
 * another open order took it since it was read (a second tap at the same
 * moment), that order is answered instead and nothing is written.
 */
export async function claimSlot(tx: Transaction, id: string, orderId: string, seenOrderId: string | null, now: number): Promise<OrderDoc | null> {
  const slots = tx.collection<OrderSlotDoc>(ORDER_SLOTS)
  const slot = await slots.get(id)
  if (slot && slot.orderId !== seenOrderId) {
    const other = await tx.collection<OrderDoc>(ORDERS).get(slot.orderId)
    if (other && other.status === 'created' && other.payBefore > now) return other
  }
  if (slot) await slots.set({ ...slot, orderId })
  else await slots.insert({ _id: id, orderId })
  return null
}
