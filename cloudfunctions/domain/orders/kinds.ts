// What can be sold. Each paid capability registers its order kind from its own
// folder (membership/plan-order.ts, events/seat-order.ts), and
// installed-kinds.ts lists those files: settlement, closing and refunds
// (this folder) call the kind's handlers and never branch on a kind.
import { AppError } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import type { Transaction } from '../../ports/store'
import type { ClosedReason, OrderDoc, OrderItem, PaidOrder } from './order'
import type { RefundPurpose } from './refund-doc'
import type { FactPayloads } from '../facts/facts'

/** Work to do once the transaction committed (its own transactions, provider calls): never inside one. */
export type AfterCommit = (runtime: Runtime) => Promise<void>

export interface OrderDescription {
  /** What the member bought, in a few words (the subscribe message's thing, the ledger's 「…」). */
  title: string
  /** The line under it (a plan's name, 活动报名). */
  label: string
  /** The mini-program page a message about this order opens. */
  page: string
  /** The payload of the member's payment.first fact (read by growth's first-payment rule). */
  firstPaymentFact: FactPayloads['payment.first']
  /** For the order views' contract (types/membership OrderView), when the kind has them. */
  circleId?: string
  planId?: string
  days?: number
  eventId?: string
}

export interface Fulfilment {
  /** The item as fulfilment left it (e.g. with the period a plan bought); absent: unchanged. */
  item?: OrderItem
  /** For an order in the old shape (no item): the old fields that hold the same, so old documents keep their shape. */
  oldFields?: Partial<Pick<OrderDoc, 'periodStart' | 'periodEnd'>>
  afterCommit?: AfterCommit
}

export interface RefundSettled {
  /** The order as the refund left it. */
  order: OrderDoc
  /** Whether what it bought ends now (a member's refund of a plan); a refund in full always ends it. */
  endsAccess: boolean
  full: boolean
  purpose: RefundPurpose
  now: number
}

export interface OrderKind {
  /** Stored on the order (`kind`, `item.kind`); also the order list filter and the coupon scope: coupons whose campaign `appliesTo` names the kind apply to it. */
  kind: string
  /** What the kind sells, in Chinese: in refusals (这张优惠券不能用于{couponLabel}) and as the revenue report's group for it. */
  couponLabel: string
  /** Money held for the member rather than earned (a deposit): left out of the revenue reports, and no coupon applies to it. */
  heldMoney?: true
  describe(order: OrderDoc): OrderDescription
  /** Inside the settling transaction: grants what the order buys (idempotence is the settlement's: it runs once per order). */
  fulfil(tx: Transaction, order: PaidOrder, now: number): Promise<Fulfilment>
  /** Inside the refund's settling transaction: takes back what the refund ends. */
  onRefunded?(tx: Transaction, refund: RefundSettled): Promise<void>
  /** Inside the closing transaction: lets go of what the unpaid order held (a seat hold). */
  onClosed?(tx: Transaction, order: OrderDoc, reason: ClosedReason, now: number): Promise<AfterCommit | void>
}

const KINDS = new Map<string, OrderKind>()

/** Registers a kind (once per kind; a second registration of the same name is a programming error). */
export function registerOrderKind(kind: OrderKind): OrderKind {
  const existing = KINDS.get(kind.kind)
  if (existing && existing !== kind) throw new Error(`order kind ${kind.kind} registered twice`)
  KINDS.set(kind.kind, kind)
  return kind
}

/** The kind an order is of (orders from before kinds existed are memberships). */
export function orderKind(kind: string | undefined): OrderKind {
  const found = KINDS.get(kind ?? 'membership')
  if (!found) throw new AppError('INTERNAL', `未知的订单类型：${kind}`)
  return found
}

export const kindFor = (order: Pick<OrderDoc, 'kind'>): OrderKind => orderKind(order.kind)

/** Every coupon scope a campaign may name: the registered kinds, but not money held for the member (a deposit is not discounted). */
export function couponScopes(): string[] {
  return [...KINDS.values()].filter((k) => !k.heldMoney).map((k) => k.kind)
}

/** The kind a coupon scope names, if one is registered and takes coupons. */
export function kindByCouponScope(scope: string): OrderKind | undefined {
  const kind = KINDS.get(scope)
  return kind && !kind.heldMoney ? kind : undefined
}
