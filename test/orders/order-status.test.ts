// The order's status machine, every pair of states: the legal moves (written
// out here, apart from the table they check) go, every other one is refused
// with a typed CONFLICT in Chinese; and the entity's transitions keep to it.
import { AppError } from '../../cloudfunctions/platform/app-error'
import { IllegalOrderMove, ORDER_STATES, canMove, moveOrder, type OrderState } from '../../cloudfunctions/domain/orders/order-status'
import { closeOrderDoc, failRefund, fulfilOrder, newOrder, orderStatusText, payClosedOrder, payOrder, settleRefund, startRefunding, type OrderDoc } from '../../cloudfunctions/domain/orders/order'

const LEGAL: Array<[OrderState, OrderState]> = [
  ['created', 'paid'], // the money arrived
  ['created', 'closed'], // unpaid: expired, replaced, cancelled
  ['paid', 'fulfilled'], // what it buys granted (same transaction)
  ['fulfilled', 'refunding'], // a refund begins
  ['fulfilled', 'refunded'], // a refund made elsewhere (the merchant console) settles in full
  ['refunding', 'refunded'], // refunded in full
  ['refunding', 'fulfilled'], // partly refunded, or the refund failed
  ['refunding', 'closed'], // a late payment's refund failed: closed, as before it was paid
  ['closed', 'refunding'], // paid after it closed: the money goes straight back
  ['closed', 'refunded'] // that refund settled after it was once marked failed
]

const isLegal = (from: OrderState, to: OrderState) => LEGAL.some(([f, t]) => f === from && t === to)
const pairs = ORDER_STATES.flatMap((from) => ORDER_STATES.map((to) => [from, to] as [OrderState, OrderState]))

test('the machine has six states', () => {
  expect([...ORDER_STATES].sort()).toEqual(['closed', 'created', 'fulfilled', 'paid', 'refunded', 'refunding'])
})

test.each(pairs.filter(([f, t]) => isLegal(f, t)))('%s → %s is a legal move', (from, to) => {
  expect(canMove(from, to)).toBe(true)
  expect(moveOrder({ status: from, note: 1 }, to, { note: 2 })).toEqual({ status: to, note: 2 })
})

test.each(pairs.filter(([f, t]) => !isLegal(f, t)))('%s → %s is refused', (from, to) => {
  expect(canMove(from, to)).toBe(false)
  let refused: unknown
  try {
    moveOrder({ status: from }, to)
  } catch (error) {
    refused = error
  }
  expect(refused).toBeInstanceOf(IllegalOrderMove)
  expect(refused).toBeInstanceOf(AppError)
  expect(refused).toMatchObject({ code: 'CONFLICT', from, to, message: expect.stringMatching(/^订单.+，不能改为.+$/) })
})

test('refunded is final and created is only ever left by paying or closing', () => {
  expect(ORDER_STATES.filter((to) => canMove('refunded', to))).toEqual([])
  expect(ORDER_STATES.filter((to) => canMove('created', to))).toEqual(['paid', 'closed'])
  expect(() => moveOrder({ status: 'closed' }, 'paid')).toThrow('订单已关闭，不能改为已付款')
})

describe('the entity’s transitions', () => {
  const now = Date.parse('2026-11-23T10:00:00+08:00')
  const created = (): OrderDoc => newOrder({ id: 'M1', item: { kind: 'membership' }, openid: 'o_a', listPriceFen: 1000, payBefore: now + 1800_000, now })
  const payment = { paidAt: now, transactionId: 'T1' }
  const fulfilled = () => fulfilOrder(payOrder(created(), payment))

  test('pay then fulfil; a closed order cannot be paid or fulfilled, only refunded as a late payment', () => {
    expect(fulfilled()).toMatchObject({ status: 'fulfilled', paidAt: now, transactionId: 'T1' })
    const closed = closeOrderDoc(created(), 'expired', now)
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'expired', closedAt: now })
    expect(() => payOrder(closed, payment)).toThrow(IllegalOrderMove)
    expect(() => closeOrderDoc(fulfilled(), 'cancelled', now)).toThrow('订单已支付，不能改为已关闭')
    expect(payClosedOrder(closed, payment, 'M1-closed')).toMatchObject({ status: 'refunding', paidAfterClose: true, refundingNo: 'M1-closed' })
  })

  test('refunds: one at a time, never more than is left; partly refunded stays fulfilled (部分退款), in full is refunded', () => {
    expect(() => startRefunding(created(), 'R1', 100)).toThrow('这笔订单不能退款')
    expect(() => startRefunding(fulfilled(), 'R1', 1001)).toThrow('最多可退 10.00 元')
    const refunding = startRefunding(fulfilled(), 'R1', 400)
    expect(refunding).toMatchObject({ status: 'refunding', refundingNo: 'R1' })
    expect(() => startRefunding(refunding, 'R2', 100)).toThrow('退款处理中，请稍候')
    const partly = settleRefund(refunding, 'R1', 400)
    expect(partly).toMatchObject({ status: 'fulfilled', refundedFen: 400, refundingNo: null })
    expect(orderStatusText(partly)).toBe('部分退款')
    const full = settleRefund(startRefunding(partly, 'R2', 600), 'R2', 600)
    expect(full).toMatchObject({ status: 'refunded', refundedFen: 1000 })
    expect(() => startRefunding(full, 'R3', 1)).toThrow(AppError)
  })

  test('a failed refund goes back to where the order was; a refund made elsewhere settles without a move unless it is the whole', () => {
    expect(failRefund(startRefunding(fulfilled(), 'R1', 400), 'R1')).toMatchObject({ status: 'fulfilled', refundingNo: null })
    const late = payClosedOrder(closeOrderDoc(created(), 'replaced', now), payment, 'M1-closed')
    expect(failRefund(late, 'M1-closed')).toMatchObject({ status: 'closed', paidAfterClose: true })
    expect(settleRefund(fulfilled(), 'X1', 300)).toMatchObject({ status: 'fulfilled', refundedFen: 300 })
    expect(settleRefund(fulfilled(), 'X1', 1000)).toMatchObject({ status: 'refunded', refundedFen: 1000 })
  })
})
