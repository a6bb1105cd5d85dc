// One open order per member per thing bought (a plan of a circle, an event's
// seat). A slot document, `{openid}:{what}`, names the member's open order for
// it: tapping 立即支付 again reuses that order (the same out_trade_no, so
// WeChat shows the same payment), and a different coupon replaces it only
// after it is closed at the provider, so two payments for one thing can never
// both go through.
import { randomBytes } from 'node:crypto'
import { AppError } from '../../platform/app-error'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import type { ClientPayment } from '../../ports/payments'
import type { Transaction } from '../../ports/store'
import { closeOrder } from './close-order'
import { ORDERS, PAY_WINDOW_MS, newOrder, newOutTradeNo, type OrderDoc, type OrderItem } from './order'
import { priceOrder } from './pricing'

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

/** Asks the provider for the member's payment parameters (the same out_trade_no every time, so WeChat shows one payment). */
export function prepayOrder(runtime: Runtime, order: OrderDoc, description: string): Promise<ClientPayment> {
  return runtime.payments.prepay({ outTradeNo: order._id, description, amountFen: order.amountFen, payerOpenid: order.openid, expiresAt: order.payBefore })
}

/**
 * 立即支付 for a thing with one open order per member (`what`, e.g.
 * `plan:{circleId}:{planId}`): the open order again (`resumed`) while it can
 * still be paid as it is; otherwise a new one, priced here with the coupon,
 * after the open one is closed at the provider.
 */
export async function openOrder(
  runtime: Runtime,
  input: { what: string; item: OrderItem; openid: string; listPriceFen: number; couponId?: string; description: (order: OrderDoc) => string; now: number }
): Promise<{ order: OrderDoc; payment: ClientPayment; resumed: boolean }> {
  const { now } = input
  const slot = slotId(input.openid, input.what)
  const open = await openOrderIn(runtime, slot)
  if (open && reusable(open, input.couponId ?? null, now)) return { order: open, payment: await prepayOrder(runtime, open, input.description(open)), resumed: true }
  if (open) await retireOpenOrder(runtime, open)
  const draft = newOrder({
    id: newOutTradeNo(now, randomBytes(6).toString('hex')),
    item: input.item,
    openid: input.openid,
    listPriceFen: input.listPriceFen,
    payBefore: now + PAY_WINDOW_MS,
    couponId: input.couponId,
    now
  })
  const result = await runtime.store.transaction(async (tx) => {
    const taken = await claimSlot(tx, slot, draft._id, open?._id ?? null, now)
    if (taken) return { order: taken, resumed: true }
    const order = await priceOrder(tx, draft, now)
    await tx.collection<OrderDoc>(ORDERS).insert(order)
    return { order, resumed: false }
  })
  return { ...result, payment: await prepayOrder(runtime, result.order, input.description(result.order)) }
}
